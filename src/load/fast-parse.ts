// A fast parse for the common, plain answer file (tinyParse, else js-yaml with yaml's YAML 1.2 core rules), bailing out on anything unusual.
import jsYaml from 'js-yaml';
import { resolvePlainScalar, tinyParse } from './tiny-parse.js';
import { MAX_FLOW_DEPTH } from './depth.js';
import { BOOL, FLOAT, FLOAT_EXP, FLOAT_NAN, INT_DEC, INT_HEX, INT_OCT, NULL } from './core-schema.js';

/**
 * The outcome of a fast parse: the plain value, or the reason to use the positioned parse
 * (`parseYaml`) instead. A bail-out is never an error about the file, only "not sure".
 */
export type FastParse = { ok: true; value: unknown } | { ok: false; reason: string };


// js-yaml tries every implicit type on every plain scalar; a look at the first character skips
// the regular expressions for the many plain strings (notes, names) that cannot match.
const NUMBER_START = /^[-+.0-9]/;

const nullType = new jsYaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (s: string | null) => s === null || s === '' || ((s[0] === '~' || s[0] === 'n' || s[0] === 'N') && NULL.test(s)),
  construct: () => null,
});
const boolType = new jsYaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && (s[0] === 't' || s[0] === 'T' || s[0] === 'f' || s[0] === 'F') && BOOL.test(s),
  construct: (s: string) => s[0] === 't' || s[0] === 'T',
});
const intType = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && NUMBER_START.test(s) && (INT_DEC.test(s) || INT_OCT.test(s) || INT_HEX.test(s)),
  // The tiny parser's resolution, which is yaml's: only ever called on what `resolve` accepted.
  construct: resolvePlainScalar,
});
const floatType = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && NUMBER_START.test(s) && (FLOAT.test(s) || FLOAT_EXP.test(s) || FLOAT_NAN.test(s)),
  construct: resolvePlainScalar,
});

/** js-yaml's failsafe schema plus the core scalars of the `yaml` package, in its order. */
const MIRROR_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

/**
 * Anything that makes the two parsers' agreement less than certain: tags, anchors and aliases,
 * directives and document markers, tabs, complex keys, block scalars with indentation indicators,
 * a comment glued to a quote or bracket, a `__proto__` key, control characters, non-BMP or unusual line breaks. A false alarm only costs
 * speed; a miss could change a verdict, so the list errs wide.
 */
const UNUSUAL_CHAR = /[!&*\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
const LINE_MARKER = /^(?:%|---|\.\.\.)/m;
const COMPLEX_KEY = /^\s*\?(?:\s|$)|[[{,]\s*\?(?:\s|$)/m;
const INDENT_INDICATOR = /[|>][-+]?[0-9]/;
const GLUED_COMMENT = /["'\]}]#/;
/** A flow collection used as a mapping key (`[a]: x`): yaml refuses it, js-yaml makes a string of it. */
const COLLECTION_KEY = /[\]}]\s*:(?:\s|$)/;

/** Whether `text` has anything in the list above (each costlier scan only when its character occurs). */
function isUnusual(text: string): boolean {
  return (
    UNUSUAL_CHAR.test(text) ||
    LINE_MARKER.test(text) ||
    GLUED_COMMENT.test(text) ||
    (text.includes('?') && COMPLEX_KEY.test(text)) ||
    ((text.includes('|') || text.includes('>')) && INDENT_INDICATOR.test(text)) ||
    text.includes('__proto__') ||
    COLLECTION_KEY.test(text) ||
    spansLines(text)
  );
}

/**
 * Whether a quoted scalar or a flow collection (`[…]`, `{…}`) continues on the next line, or a
 * collection stands as a key inside a flow map. The two
 * parsers judge the indentation of such continuation lines differently, so they are left to the
 * positioned parse. A quote counts only where a scalar can start (after `: `, `- `, `[`, `{`, `,`
 * or at the start of a line), so the apostrophe in a plain note is not taken for one; a bracket
 * counts anywhere outside quotes, which can only err towards bailing out.
 */
function spansLines(text: string): boolean {
  const stack: number[] = []; // open flow collections, by their opening char code
  let quote = 0; // 0, or the char code of the open quote
  let lineStart = true; // only indentation seen so far on this line
  let prev = 10; // previous non-space character (as a code), newline at the start
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 10) return true;
      if (quote === 34 && c === 92) i++; // backslash escape in "…"
      else if (c === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) i++; // '' in '…'
        else quote = 0;
      }
      continue;
    }
    if (c === 10) {
      if (stack.length > 0) return true;
      lineStart = true;
      prev = 10;
      continue;
    }
    if (c === 32) continue;
    if (c === 35 && (lineStart || text.charCodeAt(i - 1) === 32)) {
      // A comment: skip to the end of the line.
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl - 1;
      continue;
    }
    if ((c === 34 || c === 39) && (lineStart || prev === 58 || prev === 45 || prev === 91 || prev === 123 || prev === 44 || prev === 63)) {
      quote = c;
    } else if (c === 91 || c === 123) {
      // A collection inside a flow map but not after `:` is a key: yaml refuses it, js-yaml makes a string of it.
      if (stack[stack.length - 1] === 123 && prev !== 58) return true;
      stack.push(c);
    } else if ((c === 93 || c === 125) && stack.length > 0) {
      stack.pop();
    }
    lineStart = false;
    prev = c;
  }
  return quote !== 0 || stack.length > 0;
}

/** A key string that may have come from a number, boolean or null resolved by js-yaml and then stringified. */
const NON_STRING_KEY = /^(?:[-+]?(?:[0-9.]|Infinity)|NaN|true|false|null|undefined|\[object)/;

/**
 * Parses `text` quickly, or says why the positioned parse must be used. The value is identical to
 * what `parseYaml(text).value` gives whenever `ok` is true (see the differential tests).
 */
export function fastParse(text: string): FastParse {
  // The purpose-built parser reads the usual answer file about three times as fast as js-yaml;
  // whatever it is unsure of goes on to js-yaml (and from there, if need be, to the positioned parse).
  const tiny = tinyParse(text);
  if (tiny !== undefined) return { ok: true, value: tiny };
  return jsYamlParse(text);
}

/**
 * The second half of {@link fastParse}: js-yaml, with yaml's core rules, for a text the tiny
 * parser did not read; the same promise (the value `parseYaml` gives, or a bail-out).
 */
export function jsYamlParse(text: string): FastParse {
  if (isUnusual(text)) return { ok: false, reason: 'unusual syntax' };
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: MIRROR_SCHEMA, json: false });
  } catch {
    return { ok: false, reason: 'js-yaml error' };
  }
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'not a mapping' };
  }
  if (!keysAreSafe(value, 0)) return { ok: false, reason: 'key not a plain string' };
  return { ok: true, value };
}

/**
 * Every mapping key must be one js-yaml and yaml read the same way (a string that no scalar rule
 * turns into something else). Nesting deeper than the positioned parser allows (MAX_FLOW_DEPTH) bails out too,
 * so its YAML_TOO_DEEP diagnostic is kept.
 */
function keysAreSafe(value: unknown, depth: number): boolean {
  if (depth > MAX_FLOW_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object' && !keysAreSafe(v, depth + 1)) return false;
    return true;
  }
  for (const key of Object.keys(value as object)) {
    if (key === '' || NON_STRING_KEY.test(key) || key.includes('\n')) return false;
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object' && !keysAreSafe(v, depth + 1)) return false;
  }
  return true;
}
