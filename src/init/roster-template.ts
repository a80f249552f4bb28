// Renders a starter roster (`wangxin init --roster`): the units a county office expects a self-check from.
import { translate, type MessageKey } from '../i18n/translate.js';
import type { Checklist } from '../model/checklist.js';
import { pickText } from '../model/text.js';
import type { Lang } from '../i18n/lang.js';
import { schemaReference } from '../walk/answer-file.js';

/**
 * The roster text: the schema comment, how to fill it in, the unit types of `checklist` to choose
 * from, and an empty list. The example entries are comments: a name that only stands in for a
 * real one would make a unit that is always "missing".
 */
export function renderRosterTemplate(checklist: Checklist, lang: Lang, file: string): string {
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const width = Math.max(...checklist.unitTypes.map((u) => u.id.length));
  const first = checklist.unitTypes[0]?.id ?? 'township';
  return [
    `# yaml-language-server: $schema=${schemaReference(file, 'roster')}`,
    `# ${t('roster.file.title')}`,
    `# ${t('roster.file.use')}`,
    '#',
    `# ${t('roster.file.types', { checklist: pickText(checklist.title, lang) })}`,
    ...checklist.unitTypes.map((u) => `#   ${u.id.padEnd(width)}  ${pickText(u.label, lang)}`),
    '#',
    `# ${t('roster.file.how')}`,
    '# units:',
    `#   - { name: ${t('roster.file.exampleName')}, type: ${first} }`,
    `#   - { name: ${t('roster.file.exampleName2')}, type: ${first} }`,
    'schemaVersion: 1',
    `title: ${JSON.stringify(t('roster.file.defaultTitle'))}`,
    'units: []',
    '',
  ].join('\n');
}
