// Renders a starter custom checklist that `extends` a built-in one, with commented examples of drop/override/append/areas.
import { translate, type MessageKey } from '../i18n/translate.js';
import { listItems, type Checklist } from '../model/checklist.js';
import type { Lang } from '../i18n/lang.js';
import { schemaReference } from '../walk/answer-file.js';

/** Options of {@link renderChecklistTemplate}. */
export interface TemplateOptions {
  /** Where the file will be written (for the schema comment's relative path). */
  file: string;
  /** The id of the new checklist (default `my-county-checklist`). */
  id?: string;
  /** Render the examples uncommented (tests use it to prove the examples are valid too). */
  enableExamples?: boolean;
}

/** A YAML double-quoted scalar (JSON strings are valid YAML and keep Chinese as it is). */
const q = (s: string): string => JSON.stringify(s);

/** The `$schema` reference for a checklist file written at `file`. */
function checklistSchemaReference(file: string): string {
  return schemaReference(file).replace(/answers\.schema\.json$/, 'checklist.schema.json');
}

/**
 * The template text. The examples use ids of the base checklist (so each is valid when enabled)
 * and ids for new items and areas that the base does not use.
 */
export function renderChecklistTemplate(base: Checklist, lang: Lang, options: TemplateOptions): string {
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const both = (key: MessageKey): string => `{ zh: ${q(translate('zh', key))}, en: ${q(translate('en', key))} }`;
  const items = listItems(base);
  const ids = new Set<string>(items.map((p) => p.item.id));
  for (const a of base.areas) {
    ids.add(a.id);
    for (const s of a.sections ?? []) ids.add(s.id);
  }
  const unused = (candidates: string[]): string => candidates.find((c) => !ids.has(c)) ?? candidates[candidates.length - 1];

  const dropId = items[items.length - 1].item.id;
  const overridden = items[0].item;
  // Append to the first section (or, without sections, the first area) that is not the dropped item's.
  const firstArea = base.areas[0];
  const target = firstArea.sections?.[0]?.id ?? firstArea.id;
  const appendId = unused([`${target}.90`, `${target}.91`, `${target}.99`]);
  const areaId = unused([`A${base.areas.length + 1}`, 'A90', 'A99', 'X1']);
  const newItemId = unused([`${areaId}.1`, `${areaId}.90`]);

  const example = (lines: string[]): string[] => lines.map((l) => (options.enableExamples ? l : `# ${l}`));
  const out = [
    `# yaml-language-server: $schema=${checklistSchemaReference(options.file)}`,
    `# ${t('init.tpl.head', { base: base.id, version: base.version })}`,
    `# ${t('init.tpl.how')}`,
    'schemaVersion: 1',
    `# ${t('init.tpl.id')}`,
    `id: ${options.id ?? 'my-county-checklist'}`,
    'version: 1.0.0',
    'title:',
    `  zh: ${q(translate('zh', 'init.tpl.title'))}`,
    `  en: ${q(translate('en', 'init.tpl.title'))}`,
    `extends: ${base.id}    # ${t('init.tpl.extends')}`,
    '',
    `# ${t('init.tpl.drop')}`,
    ...example([`drop: [${dropId}]`]),
    '',
    `# ${t('init.tpl.override')}`,
    ...example(['override:', `  ${overridden.id}:`, `    points: ${overridden.points + 1}`]),
    '',
    `# ${t('init.tpl.append')}`,
    ...example([
      'append:',
      `  ${target}:`,
      '    items:',
      `      - id: ${appendId}`,
      `        text: ${both('init.tpl.exampleText')}`,
      `        guidance: ${both('init.tpl.exampleGuidance')}`,
      '        points: 2',
    ]),
    '',
    `# ${t('init.tpl.areas')}`,
    ...example([
      'areas:',
      `  - id: ${areaId}`,
      `    title: ${both('init.tpl.exampleArea')}`,
      '    items:',
      `      - id: ${newItemId}`,
      `        text: ${both('init.tpl.exampleItem')}`,
      '        points: 4',
    ]),
    '',
  ];
  return out.join('\n');
}
