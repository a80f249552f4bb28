// Turns ajv errors into located diagnostics, with messages localised through ajv-i18n.
import type { Localized } from '../i18n/lang.js';
import { localized, translate, type MessageKey } from '../i18n/translate.js';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { splitPointer, joinPointer } from '../load/locate.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import { STATUSES, type Status } from '../model/answers.js';

const require = createRequire(import.meta.url);
type Localize = (errors: ErrorObject[]) => void;
let localizers: { zh: Localize; en: Localize } | undefined;

function getLocalizers(): { zh: Localize; en: Localize } {
  localizers ??= {
    zh: require('ajv-i18n/localize/zh') as Localize,
    en: require('ajv-i18n/localize/en') as Localize,
  };
  return localizers;
}

/** Shows a JSON pointer as a readable path: `/areas/0/items/2/points` → `areas[0].items[2].points`. */
export function displayPath(pointer: string): string {
  const parts = splitPointer(pointer);
  if (parts.length === 0) return '/';
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

const RANGE_KEYWORDS = new Set([
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
  'minItems', 'maxItems', 'minProperties', 'maxProperties', 'uniqueItems', 'const',
]);

/** Maps ajv's keyword to our closed set of codes. */
function codeFor(keyword: string): DiagnosticCode {
  switch (keyword) {
    case 'required': return 'SCHEMA_REQUIRED';
    case 'additionalProperties': return 'SCHEMA_UNKNOWN_PROPERTY';
    case 'type': return 'SCHEMA_TYPE';
    case 'enum': return 'SCHEMA_ENUM';
    case 'pattern': case 'propertyNames': case 'format': return 'SCHEMA_PATTERN';
    default: return RANGE_KEYWORDS.has(keyword) ? 'SCHEMA_RANGE' : 'SCHEMA_INVALID';
  }
}

/**
 * The properties a schema allows for the object at `segments` of the instance, found by walking
 * the schema alongside the instance path (`properties`, `additionalProperties`, `items`, local
 * `$ref`s, and the object branches of `anyOf`/`oneOf`), for "did you mean" hints.
 */
function propertiesAt(root: object | undefined, segments: readonly string[]): string[] {
  if (!root) return [];
  const deref = (node: unknown, depth = 0): Record<string, unknown>[] => {
    if (node === null || typeof node !== 'object' || depth > 20) return [];
    const n = node as Record<string, unknown>;
    const out: Record<string, unknown>[] = [n];
    if (typeof n.$ref === 'string' && n.$ref.startsWith('#/')) {
      let target: unknown = root;
      for (const part of n.$ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[part];
      out.push(...deref(target, depth + 1));
    }
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      if (Array.isArray(n[key])) for (const branch of n[key] as unknown[]) out.push(...deref(branch, depth + 1));
    }
    return out;
  };
  let current = deref(root);
  for (const segment of segments) {
    const next: Record<string, unknown>[] = [];
    for (const node of current) {
      const props = node.properties as Record<string, unknown> | undefined;
      if (props && segment in props) next.push(...deref(props[segment]));
      else if (node.additionalProperties && typeof node.additionalProperties === 'object') next.push(...deref(node.additionalProperties));
      if (node.items && typeof node.items === 'object' && /^\d+$/.test(segment)) next.push(...deref(node.items));
    }
    current = next;
  }
  return [...new Set(current.flatMap((node) => Object.keys((node.properties as object | undefined) ?? {})))];
}

/** The closest known name, for "did you mean" hints on misspelt keys. */
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) { bestDistance = d; best = c; }
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/** Edit distance counting a swap of two neighbouring letters as one edit (`itmes` → `items`). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** A status written as its label (`符合`, `Not applicable`, `N/A`), lower-cased, to the value to write. */
let statusLabels: Map<string, Status> | undefined;
function statusForLabel(text: string): Status | undefined {
  if (!statusLabels) {
    statusLabels = new Map();
    for (const s of STATUSES) {
      for (const label of [translate('zh', `walk.status.${s}`), translate('en', `walk.status.${s}`), translate('zh', `status.${s}`), translate('en', `status.${s}`)]) statusLabels.set(label.toLowerCase(), s);
    }
  }
  return statusLabels.get(text.trim().toLowerCase());
}

/** The schemas' patterns, in words (the catalogue keys): ids, versions, digests, language codes. */
const PATTERN_WORDS: Readonly<Record<string, MessageKey>> = {
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'diag.pattern.slug',
  '^[A-Za-z0-9][A-Za-z0-9._-]*$': 'diag.pattern.id',
  '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-((0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(\\.(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*))?(\\+([0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*))?$': 'diag.pattern.version',
  '^[0-9a-f]{64}$': 'diag.pattern.sha256',
  '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$': 'diag.pattern.lang',
};

/** The value at a path of the parsed document (undefined when there is none). */
function valueAt(root: unknown, segments: readonly string[]): unknown {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

/**
 * What to write instead of a wrong enum value: the value a label stands for (`符合` → pass), or
 * the allowed value it is a typo of (`pas` → pass).
 */
function enumHint(value: unknown, allowed: readonly unknown[]): Localized | '' {
  if (typeof value !== 'string') return '';
  const status = statusForLabel(value);
  if (status && allowed.includes(status)) return localized('diag.schema.writeStatus', { value, status });
  const guess = closest(value, allowed.filter((a): a is string => typeof a === 'string'));
  return guess ? localized('diag.schema.didYouMean', { guess }) : '';
}

/** A share written as a percentage or a fraction where a number is expected (`75%`, `3/4`): the number to write. */
function numberHint(value: unknown): Localized | '' {
  if (typeof value !== 'string') return '';
  const percent = /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(value);
  const fraction = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const share = percent ? Number(percent[1]) / 100 : fraction && Number(fraction[2]) > 0 ? Number(fraction[1]) / Number(fraction[2]) : undefined;
  if (share === undefined || !(share >= 0 && share <= 1)) return '';
  const shown = String(Math.round(share * 10000) / 10000);
  return localized('diag.schema.writeShare', { value, shown });
}

/** For an answer written bare (`A1.1.1: pass`, `A4.1.4: 0.75`): the same answer in braces, when it is one. */
function answerHint(value: unknown): Localized | '' {
  if (typeof value === 'string' && ['pass', 'partial', 'fail', 'na'].includes(value.trim())) return localized('diag.schema.writeAnswer', { answer: `{ status: ${value.trim()} }` });
  if (typeof value === 'number' && value >= 0 && value <= 1) return localized('diag.schema.writeAnswer', { answer: `{ value: ${value} }` });
  return '';
}

/**
 * Converts ajv errors (run with `allErrors`) into diagnostics located in the YAML source.
 * Branch errors of `anyOf`/`oneOf` are folded into one message naming the alternatives.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], parsed: ParsedYaml, schema?: object): Diagnostic[] {
  const { zh, en } = getLocalizers();
  const zhErrors = errors.map((e) => ({ ...e }));
  const enErrors = errors.map((e) => ({ ...e }));
  zh(zhErrors);
  en(enErrors);

  // Errors under a failed anyOf/oneOf branch are folded into that anyOf/oneOf — except where the
  // value's type picks one branch (a text given as a map, say): then that branch's own errors say
  // more than "must match one of", and they are reported instead.
  const allCombinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const branchOf = (c: ErrorObject, e: ErrorObject): string | undefined =>
    e !== c && e.schemaPath.startsWith(c.schemaPath + '/') ? e.schemaPath.slice(c.schemaPath.length + 1).split('/')[0] : undefined;
  const chosenBranch = new Map<ErrorObject, string>();
  for (const c of allCombinators) {
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      const b = branchOf(c, e);
      if (b !== undefined) branches.set(b, [...(branches.get(b) ?? []), e]);
    }
    const typeFits = [...branches].filter(([, list]) => !list.some((e) => e.keyword === 'type' && e.instancePath === c.instancePath));
    if (typeFits.length === 1 && typeFits.length < branches.size) chosenBranch.set(c, typeFits[0][0]);
  }
  const combinators = allCombinators.filter((c) => !chosenBranch.has(c));
  const underCombinator = (e: ErrorObject): ErrorObject | undefined =>
    combinators.find((c) => c !== e && e.schemaPath.startsWith(c.schemaPath + '/') && e.instancePath === c.instancePath);
  const inDiscardedBranch = (e: ErrorObject): boolean =>
    [...chosenBranch].some(([c, b]) => { const eb = branchOf(c, e); return eb !== undefined && eb !== b; });

  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // An empty value (`status:`) fails both its type and its enum: one error says it is empty.
  const emptyDone = new Set<string>();
  errors.forEach((error, index) => {
    if (chosenBranch.has(error) || inDiscardedBranch(error) || underCombinator(error)) return;
    if ((error.keyword === 'type' || error.keyword === 'enum') && valueAt(parsed.value, splitPointer(error.instancePath)) === null) {
      if (emptyDone.has(error.instancePath)) return;
      emptyDone.add(error.instancePath);
      const segments = splitPointer(error.instancePath);
      const name = segments[segments.length - 1] ?? '';
      const enumError = errors.find((e) => e.keyword === 'enum' && e.instancePath === error.instancePath);
      const allowed = enumError ? (enumError.params.allowedValues as unknown[]).join(' | ') : undefined;
      const detail = allowed
        ? localized('diag.schema.emptyOneOf', { name, allowed })
        : localized('diag.schema.empty', { name, detail: { zh: zhErrors[index].message, en: enErrors[index].message } });
      const span = parsed.locate?.(segments, { key: false });
      out.push(createDiagnostic('SCHEMA_TYPE', parsed.file, { path: displayPath(error.instancePath), detail }, { ...span, pointer: error.instancePath }));
      return;
    }
    // An `if` failure only says "must match then"; the `then` errors (e.g. required unitTypes/areas without extends) say what is wrong.
    if (error.keyword === 'if') return;
    const segments = splitPointer(error.instancePath);
    const pointer = error.instancePath;
    const path = displayPath(pointer);
    let code = codeFor(error.keyword);
    let params: Record<string, unknown> = {
      path,
      detail: { zh: zhErrors[index].message, en: enErrors[index].message },
    };
    let target = segments;
    let onKey = false;
    if (error.keyword === 'required') {
      params = { property: error.params.missingProperty, path: segments.length ? localized('diag.schema.requiredPath', { path }) : '' };
      onKey = true;
    } else if (error.keyword === 'additionalProperties') {
      const extra = String(error.params.additionalProperty);
      const known = propertiesAt(schema, segments);
      const guess = closest(extra, known);
      params = { property: extra, hint: guess ? localized('diag.schema.didYouMean', { guess }) : '' };
      target = [...segments, extra];
      onKey = true;
    } else if (error.keyword === 'propertyNames') {
      const name = String(error.params.propertyName);
      target = [...segments, name];
      onKey = true;
      params = { path: displayPath(joinPointer(target)), detail: localized('diag.schema.badName', { name }) };
    } else if (error.keyword === 'enum') {
      const values = error.params.allowedValues as unknown[];
      const allowed = values.join(' | ');
      const hint = enumHint(valueAt(parsed.value, segments), values);
      params = { path, detail: localized('diag.schema.oneOfValues', { allowed, hint }) };
    } else if (error.keyword === 'type' && error.params.type === 'number') {
      const hint = numberHint(valueAt(parsed.value, segments));
      if (hint) params = { path, detail: localized('diag.schema.withHint', { detail: { zh: zhErrors[index].message, en: enErrors[index].message }, hint }) };
    } else if (error.keyword === 'type' && error.params.type === 'object' && segments.length === 2 && segments[0] === 'answers') {
      // `A1.1.1: pass`, the commonest slip of a hand-written answer: say how it is written.
      const hint = answerHint(valueAt(parsed.value, segments));
      if (hint) params = { path, detail: localized('diag.schema.withHint', { detail: { zh: zhErrors[index].message, en: enErrors[index].message }, hint }) };
    } else if (error.keyword === 'pattern' && PATTERN_WORDS[String(error.params.pattern)] !== undefined) {
      // A regular expression says nothing to a county's staff: what the value must look like, in words.
      const value = valueAt(parsed.value, segments);
      const wide = typeof value === 'string' ? [...new Set(value.match(/[\u3000-\u303f\uff00-\uffef]/g) ?? [])].join('') : '';
      params = { path, detail: localized('diag.schema.patternWords', { what: localized(PATTERN_WORDS[String(error.params.pattern)]), hint: wide ? localized('diag.schema.fullWidth', { chars: wide }) : '' }) };
    } else if (error.keyword === 'format' && error.params.format === 'date') {
      params = { path, detail: localized('diag.schema.withHint', { detail: { zh: zhErrors[index].message, en: enErrors[index].message }, hint: localized('diag.schema.writeDate') }) };
    } else if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      const branches = errors.filter((e) => e.keyword === 'required' && underCombinator(e) === error);
      const names = [...new Set(branches.map((e) => String(e.params.missingProperty)))];
      if (names.length > 0) {
        // Chinese lists the names with its own separators; English with commas.
        const list = { zh: names.join(error.keyword === 'oneOf' ? ' / ' : '、'), en: names.join(', ') };
        params = { path, detail: localized(error.keyword === 'oneOf' ? 'diag.schema.exactlyOne' : 'diag.schema.atLeastOne', { list }) };
      } else {
        code = 'SCHEMA_INVALID';
      }
    }
    const span = parsed.locate?.(target, { key: onKey });
    const key = `${code}|${error.instancePath}|${JSON.stringify(params)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(createDiagnostic(code, parsed.file, params, { ...span, pointer }));
  });
  return out;
}
