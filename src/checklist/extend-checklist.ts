// Resolves a checklist that `extends` another (drop / override / append / new areas) into an ordinary checklist.
import { localized } from '../i18n/translate.js';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Localized } from '../i18n/lang.js';
import type { Area, Checklist, Item, Section, Scoring, UnitType } from '../model/checklist.js';
import { getValidator } from '../validate/ajv-factory.js';
import { CHECKLIST_RULES } from '../validate/checklist-rules.js';
import { RuleContext, type Path } from '../validate/rule-context.js';
import { schemaDiagnostics } from '../validate/schema-diagnostics.js';
import { checkChecklistShape, splitSeverity, validatePlainChecklist, type ValidationResult } from '../validate/validate.js';
import { readBuiltinCache } from './builtin-cache.js';
import { joinPointer, splitPointer } from '../load/locate.js';
import { parseYaml, type ParsedYaml } from '../load/parse-yaml.js';
import { decodeText, MAX_FILE_BYTES, readFailureDiagnostic } from '../load/read-text.js';
import { readInputSync } from '../fs/read-input.js';
import { builtinFile, builtinIds, isPathRef } from './resolve-checklist.js';
import { appendAll } from '../util/append-all.js';

/** The extra top-level keys of a checklist that extends another (see README "Custom checklists"). */
export interface ChecklistExtension {
  schemaVersion: 1;
  id: string;
  version: string;
  title: Checklist['title'];
  source?: Checklist['source'];
  extends: string;
  drop?: string[];
  override?: Record<string, Record<string, unknown>>;
  append?: Record<string, { items?: Item[]; sections?: Section[] }>;
  unitTypes?: UnitType[];
  scoring?: Scoring;
  areas?: Area[];
}

/** Fields `override` may change, by what the id names. Ids never change: drop and add instead. */
export const OVERRIDABLE: Readonly<Record<'item' | 'section' | 'area', readonly string[]>> = {
  item: ['text', 'basis', 'guidance', 'evidence', 'points', 'kind', 'appliesTo', 'veto', 'bonus', 'deductions'],
  section: ['title', 'description'],
  area: ['title', 'description', 'weight'],
};

/**
 * The most checklists one chain of `extends` may hold (the base that extends nothing included):
 * a longer chain is EXTEND_TOO_DEEP (a chain that long is a mistake anyway, and it bounds the work).
 */
export const MAX_EXTENDS_DEPTH = 16;

const WHAT: Record<'item' | 'section' | 'area' | 'unitType', Localized> = {
  item: localized('diag.what.item'),
  section: localized('diag.what.section'),
  area: localized('diag.what.area'),
  unitType: localized('diag.what.unitType'),
};

/**
 * Validates a parsed checklist: YAML problems, then the schema, then the semantic rules; a
 * checklist that `extends` another is first merged with its base and checked as a whole.
 */
export function validateChecklist(parsed: ParsedYaml): ValidationResult<Checklist> {
  const found = checkChecklistShape(parsed);
  if (parsed.value === undefined || found.some((d) => d.severity === 'error')) return splitSeverity(found);
  return isExtension(parsed.value) ? resolveExtension(parsed, found) : validatePlainChecklist(parsed, found);
}

/** Whether a (schema-valid) checklist document extends another. */
export function isExtension(value: unknown): value is ChecklistExtension {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { extends?: unknown }).extends === 'string';
}

// Resolution is synchronous (validateChecklist is), so the files being resolved form a stack
// that detects loops; nothing can interleave with it.
const resolving: string[] = [];
/** The chain of the last loop (or too deep a chain) found, reported again by every file of it up the stack. */
let loopChain = '';
const baseCache = new Map<string, { bytes: Buffer; result: ValidationResult<Checklist> }>();

/**
 * Resolves a schema-valid extension document into an ordinary checklist and validates the result
 * (schema and semantic rules). Every diagnostic is located in the extension file: problems of the
 * merge at the `drop`/`override`/`append` entry or added id that causes them, and problems of the
 * merged checklist mapped back to where their value came from (the base's own content maps to
 * the `extends` line).
 */
export function resolveExtension(parsed: ParsedYaml, earlier: readonly Diagnostic[] = []): ValidationResult<Checklist> {
  const ext = parsed.value as ChecklistExtension;
  const ctx = new RuleContext(parsed);
  const self = resolve(parsed.file);
  resolving.push(self);
  let base: Checklist | undefined;
  try {
    base = loadBase(ext.extends, parsed, ctx);
  } finally {
    resolving.pop();
  }
  if (!base) return splitSeverity([...earlier, ...ctx.diagnostics]);
  const merge = new Merge(base, ext, ctx);
  const merged = merge.run();
  const found = [...earlier, ...ctx.diagnostics];
  if (found.some((d) => d.severity === 'error')) return splitSeverity(found);

  // The merged checklist goes through the normal checks, with paths mapped into the extension file.
  const validate = getValidator('checklist');
  if (!validate(merged)) {
    const errors = (validate.errors ?? []).map((e): ErrorObject => ({ ...e, instancePath: joinPointer(merge.mapPath(splitPointer(e.instancePath))) }));
    appendAll(found, schemaDiagnostics(errors, parsed));
    return splitSeverity(found);
  }
  const rules = new MappedRuleContext(parsed, (p) => merge.mapPath(p));
  for (const rule of CHECKLIST_RULES) rule(merged, rules);
  appendAll(found, rules.diagnostics);
  const result = splitSeverity(found);
  return result.errors.length === 0 ? { ...result, value: merged } : result;
}

/** A rule context whose paths are into the merged checklist, reported where they came from in the extension file. */
class MappedRuleContext extends RuleContext {
  constructor(parsed: ParsedYaml, private readonly map: (path: Path) => Path) {
    super(parsed);
  }

  override report(code: DiagnosticCode, path: Path, params: Record<string, unknown> = {}, options: { onKey?: boolean; severity?: 'error' | 'warning' } = {}): void {
    super.report(code, this.map(path), params, options);
  }

  override lineOf(path: Path): number | undefined {
    return super.lineOf(this.map(path));
  }
}

/**
 * How a checklist file in an `extends` chain is shown in messages: relative to the working folder
 * when it lies inside it, else as its absolute path (`../../tmp/a.yaml` says less than `/tmp/a.yaml`).
 */
function shown(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? file : inside;
}

/** Loads and validates the base checklist; reports on `extends` when it cannot be used. */
function loadBase(ref: string, parsed: ParsedYaml, ctx: RuleContext): Checklist | undefined {
  const file = isPathRef(ref) ? resolve(dirname(resolve(parsed.file)), ref) : builtinFile(ref);
  const unknown = (): undefined => {
    ctx.report('EXTEND_UNKNOWN_BASE', ['extends'], { base: ref, known: builtinIds().join(', ') || '—' });
    return undefined;
  };
  if (!file) return unknown();
  const full = resolve(file);
  if (resolving.includes(full)) {
    loopChain = [...resolving, full].map(shown).join(' → ');
    ctx.report('EXTEND_CYCLE', ['extends'], { chain: loopChain });
    return undefined;
  }
  if (resolving.length >= MAX_EXTENDS_DEPTH) {
    loopChain = [...resolving, full].map(shown).join(' → ');
    ctx.report('EXTEND_TOO_DEEP', ['extends'], { limit: MAX_EXTENDS_DEPTH, chain: loopChain });
    return undefined;
  }
  // The same read as any input: a FIFO or a device is refused at once, and the size limit holds.
  const read = readInputSync(full, MAX_FILE_BYTES);
  if (!read.ok) {
    if (read.failure.reason === 'missing') return unknown();
    const why = readFailureDiagnostic(read.failure, shown(full));
    ctx.report('EXTEND_BASE_UNREADABLE', ['extends'], { file: shown(full), detail: { zh: why.message.zh, en: why.message.en } });
    return undefined;
  }
  // A copy: the cache below keeps it, and a read buffer may be reused.
  const bytes = Buffer.from(read.bytes);
  const cached = baseCache.get(full);
  let result = cached && cached.bytes.equals(bytes) ? cached.result : undefined;
  if (!result) {
    result = validateBase(full, bytes);
    // Only clean results are kept: an error may depend on the chain being resolved (a loop).
    if (result.value) baseCache.set(full, { bytes, result });
    else baseCache.delete(full);
  }
  if (!result.value) {
    if (result.errors.some((d) => d.code === 'EXTEND_CYCLE')) {
      // A loop found further down is this file's loop too: say so here rather than "the base is invalid".
      ctx.report('EXTEND_CYCLE', ['extends'], { chain: loopChain });
      return undefined;
    }
    if (result.errors.some((d) => d.code === 'EXTEND_TOO_DEEP')) {
      // Likewise a chain too deep further down is this file's chain.
      ctx.report('EXTEND_TOO_DEEP', ['extends'], { limit: MAX_EXTENDS_DEPTH, chain: loopChain });
      return undefined;
    }
    const first = result.errors[0];
    ctx.report('EXTEND_BASE_INVALID', ['extends'], {
      file: shown(full),
      count: result.errors.length,
      detail: first ? { zh: first.message.zh, en: first.message.en } : '—',
    });
    return undefined;
  }
  // Each extension gets its own copy: merging changes it.
  return structuredClone(result.value);
}

/** Reads and validates a base file (a built-in from the build cache when it matches). */
function validateBase(file: string, bytes: Buffer): ValidationResult<Checklist> {
  const cachedBuiltin = readBuiltinCache(file, bytes);
  if (cachedBuiltin) return { value: cachedBuiltin, errors: [], warnings: [] };
  const read = decodeText(bytes, file);
  if (!read.ok) return { errors: [read.diagnostic], warnings: [] };
  // Positions are not needed: a broken base is summarised on the `extends` line.
  const parsed = parseYaml(read.text, file, { positions: false });
  if (parsed.value === undefined) return { errors: parsed.diagnostics.filter((d) => d.severity === 'error'), warnings: [] };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { errors: [createDiagnostic('UNKNOWN_DOCUMENT', file)], warnings: [] };
  }
  return validateChecklist({ file, source: read.text, value, diagnostics: [] });
}

type Kind = 'item' | 'section' | 'area';

/** Where an id of the working copy is: what it names, the object, and the list holding it. */
interface Found {
  kind: Kind;
  node: Item | Section | Area;
  list: (Item | Section | Area)[];
}

/** One merge of an extension into a copy of its base, remembering where each value came from. */
class Merge {
  /** Objects (areas, sections, items, unit types) that came whole from the extension: their path there. */
  private readonly origins = new WeakMap<object, Path>();
  /** Fields set by the extension on base objects: field → path in the extension. */
  private readonly fields = new WeakMap<object, Map<string, Path>>();
  private readonly dropped = new Set<string>();
  /** Ids of the base left after `drop`: additions must not reuse them (among themselves, the normal duplicate rule applies). */
  private taken = new Set<string>();
  private readonly merged: Checklist;
  private readonly baseId: string;

  constructor(base: Checklist, private readonly ext: ChecklistExtension, private readonly ctx: RuleContext) {
    this.baseId = base.id;
    this.merged = base;
  }

  /** Applies drop, override, append, new unit types, scoring and new areas, in that order. */
  run(): Checklist {
    const ext = this.ext;
    const out = this.merged;
    const top = new Map<string, Path>([['schemaVersion', ['schemaVersion']], ['id', ['id']], ['version', ['version']], ['title', ['title']]]);
    out.id = ext.id;
    out.version = ext.version;
    out.title = structuredClone(ext.title);
    if (ext.source !== undefined) {
      out.source = structuredClone(ext.source);
      top.set('source', ['source']);
    }
    this.fields.set(out, top);
    ext.drop?.forEach((id, i) => this.drop(id, i));
    this.taken = new Set([...out.unitTypes.map((u) => 'unitType:' + u.id), ...collectIds(out)]);
    for (const [id, changes] of Object.entries(ext.override ?? {})) this.override(id, changes);
    for (const [id, add] of Object.entries(ext.append ?? {})) this.append(id, add);
    ext.unitTypes?.forEach((unitType, i) => {
      if (this.taken.has('unitType:' + unitType.id)) return this.duplicate('unitType', unitType.id, ['unitTypes', i, 'id']);
      out.unitTypes.push(this.adopt(unitType, ['unitTypes', i]));
    });
    if (ext.scoring) {
      out.scoring = { ...out.scoring };
      const given = new Map<string, Path>();
      for (const [key, value] of Object.entries(ext.scoring)) {
        (out.scoring as Record<string, unknown>)[key] = structuredClone(value);
        given.set(key, ['scoring', key]);
      }
      this.fields.set(out.scoring, given);
    }
    ext.areas?.forEach((area, a) => {
      if (this.idTaken(area.id)) return this.duplicate('area', area.id, ['areas', a, 'id']);
      this.checkNewIds(area, ['areas', a]);
      out.areas.push(this.adopt(area, ['areas', a]));
    });
    this.prune();
    return out;
  }

  /**
   * Maps a path into the merged checklist to the path in the extension file that the value came
   * from; values of the base map to `extends`.
   */
  mapPath(path: readonly (string | number)[]): Path {
    let node: unknown = this.merged;
    // The deepest node on the way that an override changed: a rule broken by the change (a veto
    // item made a ratio, a weight given to an area with bonus items) is reported at that override,
    // though the field it names came from the base.
    let changed: Path | undefined;
    for (let k = 0; k < path.length; k++) {
      if (node === null || typeof node !== 'object') break;
      const fields = this.fields.get(node);
      const set = fields?.get(String(path[k]));
      if (set) return [...set, ...path.slice(k + 1)];
      for (const at of fields?.values() ?? []) {
        changed = at.slice(0, -1);
        break;
      }
      node = (node as Record<string | number, unknown>)[path[k]];
      const origin = node !== null && typeof node === 'object' ? this.origins.get(node) : undefined;
      if (origin) return [...origin, ...path.slice(k + 1)];
    }
    return changed ?? ['extends'];
  }

  /** Finds an id among the areas, sections and items of the working copy. */
  private find(id: string): Found | undefined {
    for (const area of this.merged.areas) {
      if (area.id === id) return { kind: 'area', node: area, list: this.merged.areas };
      for (const item of area.items ?? []) if (item.id === id) return { kind: 'item', node: item, list: area.items! };
      for (const section of area.sections ?? []) {
        if (section.id === id) return { kind: 'section', node: section, list: area.sections! };
        for (const item of section.items) if (item.id === id) return { kind: 'item', node: item, list: section.items };
      }
    }
    return undefined;
  }

  private idTaken(id: string): boolean {
    return this.taken.has(id);
  }

  /** Reports an id that cannot be used: unknown in the base, or dropped already. */
  private missing(id: string, path: Path, onKey: boolean): void {
    if (this.dropped.has(id)) this.ctx.report('EXTEND_ID_DROPPED', path, { id }, { onKey });
    else this.ctx.report('EXTEND_UNKNOWN_ID', path, { id, base: this.baseId }, { onKey });
  }

  private duplicate(what: keyof typeof WHAT, id: string, path: Path): void {
    const hint = localized(what === 'unitType' ? 'diag.hint.unitTypeFixed' : 'diag.hint.override');
    this.ctx.report('EXTEND_DUPLICATE_ID', path, { what: WHAT[what], id, base: this.baseId, hint });
  }

  private drop(id: string, index: number): void {
    const found = this.find(id);
    if (!found) return this.missing(id, ['drop', index], false);
    found.list.splice(found.list.indexOf(found.node), 1);
    this.dropped.add(id);
    // Everything inside a dropped area or section is dropped with it.
    const area = found.node as Area;
    for (const section of found.kind === 'area' ? (area.sections ?? []) : []) this.dropped.add(section.id);
    const inner = found.kind === 'area' ? [...(area.items ?? []), ...(area.sections ?? []).flatMap((s) => s.items)] : found.kind === 'section' ? (found.node as Section).items : [];
    for (const item of inner) this.dropped.add(item.id);
  }

  private override(id: string, changes: Record<string, unknown>): void {
    const found = this.find(id);
    if (!found) return this.missing(id, ['override', id], true);
    const allowed = OVERRIDABLE[found.kind];
    const set = this.fields.get(found.node) ?? new Map<string, Path>();
    for (const [field, value] of Object.entries(changes)) {
      if (!allowed.includes(field)) {
        this.ctx.report('EXTEND_OVERRIDE_FIELD', ['override', id, field], { what: WHAT[found.kind], id, field, allowed: allowed.join(', ') }, { onKey: true });
        continue;
      }
      (found.node as unknown as Record<string, unknown>)[field] = structuredClone(value);
      set.set(field, ['override', id, field]);
    }
    this.fields.set(found.node, set);
  }

  private append(id: string, add: { items?: Item[]; sections?: Section[] }): void {
    const found = this.find(id);
    if (!found) return this.missing(id, ['append', id], true);
    const target = found.node as Area & Section;
    const takes: 'items' | 'sections' | undefined = found.kind === 'item' ? undefined : target.sections ? 'sections' : 'items';
    const what: Localized =
      found.kind === 'item'
        ? localized('diag.target.item')
        : found.kind === 'section'
          ? localized('diag.target.section')
          : takes === 'sections'
            ? localized('diag.target.areaWithSections')
            : localized('diag.target.areaWithItems');
    for (const key of ['items', 'sections'] as const) {
      const list = add[key];
      if (!list) continue;
      if (key !== takes) {
        this.ctx.report('EXTEND_APPEND_MISMATCH', ['append', id, key], { id, what, allowed: localized(takes ? `diag.append.${takes}` : 'diag.append.none') }, { onKey: true });
        continue;
      }
      list.forEach((entry, i) => {
        const at: Path = ['append', id, key, i];
        if (this.idTaken(entry.id)) return this.duplicate(key === 'items' ? 'item' : 'section', entry.id, [...at, 'id']);
        if (key === 'sections') this.checkNewIds(entry as Section, at);
        (target[key] as (Item | Section)[]).push(this.adopt(entry, at));
      });
    }
  }

  /** Reports sections and items inside a new area or section whose ids the base already uses. */
  private checkNewIds(container: Area | Section, at: Path): void {
    const area = container as Area;
    area.sections?.forEach((section, s) => {
      if (this.idTaken(section.id)) this.duplicate('section', section.id, [...at, 'sections', s, 'id']);
      this.checkNewIds(section, [...at, 'sections', s]);
    });
    area.items?.forEach((item, i) => {
      if (this.idTaken(item.id)) this.duplicate('item', item.id, [...at, 'items', i, 'id']);
    });
  }

  /** A copy of a value from the extension, remembered (with its inner objects) as coming from `path`. */
  private adopt<T extends object>(value: T, path: Path): T {
    const copy = structuredClone(value);
    this.origins.set(copy, path);
    return copy;
  }

  /** Sections and areas emptied by `drop` go too (an empty one is not allowed). */
  private prune(): void {
    for (const area of this.merged.areas) {
      if (area.sections) area.sections = area.sections.filter((s) => s.items.length > 0);
    }
    this.merged.areas = this.merged.areas.filter((a) => (a.sections ? a.sections.length > 0 : (a.items?.length ?? 0) > 0));
  }
}

/** Every area, section and item id of a checklist. */
function collectIds(checklist: Checklist): string[] {
  const ids: string[] = [];
  for (const area of checklist.areas) {
    ids.push(area.id);
    for (const item of area.items ?? []) ids.push(item.id);
    for (const section of area.sections ?? []) {
      ids.push(section.id);
      for (const item of section.items) ids.push(item.id);
    }
  }
  return ids;
}
