// The general parser behind parseYaml: the `yaml` package, with positions and located diagnostics, for whatever the tiny reader does not read.
import { localized } from '../i18n/translate.js';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, positionAt, type LinePositions, type Locator } from './locate.js';
import { findTooDeep, findTooDeepBlock, isStackOverflow, MAX_FLOW_DEPTH } from './depth.js';
import { yamlErrorText } from '../i18n/diagnostics/yaml-errors.js';
import type { Localized } from '../i18n/lang.js';

export { MAX_FLOW_DEPTH } from './depth.js';

// yaml is required on first use rather than imported: start-up, and files that the tiny reader
// (src/load/tiny-parse.ts) reads, never pay for loading it (`npm run bench`'s one-file start-up).
const requireModule = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  return (yamlModule ??= requireModule('yaml') as typeof import('yaml'));
}

/** Aliases may expand at most this many times per document (guards "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

/** A parsed file: the plain value, what was wrong, and (when parsed with positions) where things are. */
export interface ParsedYaml {
  file: string;
  source: string;
  doc?: Document;
  /** Present when yaml parsed the text. */
  lineCounter?: LineCounter;
  /** The plain JavaScript value; absent when the YAML has errors. */
  value?: unknown;
  /** Finds a path's line:col in the source; absent for a parse without positions. */
  locate?: Locator;
  diagnostics: Diagnostic[];
}

/**
 * Parses `source` with yaml, strictly: one document, unique keys, no tags, bounded aliases and
 * nesting. Never throws; every problem becomes a diagnostic with a position. Callers use
 * `parseYaml` (src/load/parse-yaml.ts), which tries the tiny reader first.
 */
export function parseWithYaml(source: string, file: string): ParsedYaml {
  const lineCounter = new (yaml().LineCounter)();
  const result: ParsedYaml = { file, source, lineCounter, diagnostics: [] };
  const diags = result.diagnostics;

  const deep = findTooDeep(source);
  if (deep !== -1) {
    diags.push(tooDeepAt(source, deep, file));
    return result;
  }

  let docs: Document[];
  try {
    const parsed = yaml().parseAllDocuments(source, {
      lineCounter,
      // yaml's own unique-key check compares every key with every other (100,000 answers
      // took minutes); duplicates are found with a set in inspectTree below instead.
      uniqueKeys: false,
      stringKeys: true,
      resolveKnownTags: false,
      prettyErrors: false,
      strict: true,
    });
    docs = Array.isArray(parsed) ? (parsed as Document[]) : [];
  } catch (error) {
    diags.push(
      isStackOverflow(error)
        ? tooDeep(source, file)
        : createDiagnostic('YAML_SYNTAX', file, { detail: yamlErrorText(undefined, String((error as Error).message)) }, { line: 1, column: 1 }),
    );
    return result;
  }
  if (docs.length === 0 || (docs.length === 1 && docs[0].contents === null && docs[0].errors.length === 0)) {
    diags.push(createDiagnostic('YAML_EMPTY', file, {}, { line: 1, column: 1 }));
    return result;
  }
  const doc = docs[0];
  result.doc = doc;
  result.locate = (segments, options) => locate(doc, lineCounter, segments, options);
  for (const error of doc.errors) diags.push(fromYamlError(error, lineCounter, file, 'error', source));
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported below with every explicit tag
    diags.push(fromYamlError(warning, lineCounter, file, 'warning', source));
  }
  // Block nesting has no brackets for findTooDeep to count, so it is measured on the tree
  // (without recursion: the tree may be thousands of levels deep), together with duplicate keys.
  const tree = inspectTree(doc);
  // In source order (the walk visits maps last-in first-out).
  tree.duplicateKeys.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
  for (const key of tree.duplicateKeys) {
    const [from, to] = key.range ?? [0, 1];
    diags.push(duplicateKeyDiagnostic(file, source, from, to, lineCounter));
  }
  if (tree.tooDeep) {
    // One finding, where the limit is first passed (not also where the stack ran out, further on).
    for (let i = diags.length - 1; i >= 0; i--) if (diags[i].code === 'YAML_TOO_DEEP') diags.splice(i, 1);
    diags.push(createDiagnostic('YAML_TOO_DEEP', file, { limit: MAX_FLOW_DEPTH }, positionAt(lineCounter, tree.tooDeep.range?.[0] ?? 0)));
    return result; // `visit` below recurses: keep it away from very deep trees
  }
  if (docs.length > 1) {
    const start = docs[1].range?.[0] ?? source.length;
    const marker = source.lastIndexOf('---', start);
    diags.push(createDiagnostic('YAML_MULTIPLE_DOCUMENTS', file, {}, positionAt(lineCounter, marker >= 0 ? marker : start)));
  }
  yaml().visit(doc, (_key, node) => {
    if (yaml().isNode(node) && node.tag && node.range) {
      const tagText = findTagText(source, node.range[0], node.tag);
      const at = tagText.offset;
      diags.push(
        createDiagnostic('YAML_TAG', file, { tag: tagText.text }, {
          ...positionAt(lineCounter, at),
          ...endOf(lineCounter, at + tagText.text.length),
        }),
      );
    }
  });
  if (diags.some((d) => d.severity === 'error')) return result;
  if (doc.contents === null) {
    diags.push(createDiagnostic('YAML_EMPTY', file, {}, { line: 1, column: 1 }));
    return result;
  }
  try {
    result.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (isStackOverflow(error)) {
      diags.push(tooDeep(source, file));
      return result;
    }
    const firstAlias = source.search(/\*[^\s,\]}]/);
    diags.push(
      createDiagnostic(
        error instanceof ReferenceError ? 'YAML_ALIAS_LIMIT' : 'YAML_SYNTAX',
        file,
        { limit: MAX_ALIAS_COUNT, detail: yamlErrorText(undefined, String((error as Error).message)) },
        positionAt(lineCounter, Math.max(0, firstAlias)),
      ),
    );
  }
  return result;
}

/** YAML_DUPLICATE_KEY for the repeated key written at `[from, to)` (shared with the tiny parser's positioned parse). */
export function duplicateKeyDiagnostic(file: string, source: string, from: number, to: number, lines: LinePositions): Diagnostic {
  const where = { ...positionAt(lines, from), ...endOf(lines, Math.max(to, from + 1)) };
  return createDiagnostic('YAML_DUPLICATE_KEY', file, { key: source.slice(from, to).trim() || '?' }, where);
}

function fromYamlError(
  error: YAMLError,
  lineCounter: LineCounter,
  file: string,
  severity: 'error' | 'warning' = 'error',
  source = '',
): Diagnostic {
  const [from, to] = error.pos;
  const where = { ...positionAt(lineCounter, from), ...endOf(lineCounter, Math.max(to, from + 1)) };
  // (No DUPLICATE_KEY: with uniqueKeys off yaml reports none; inspectTree finds them in parseWithYaml.)
  if (error.code === 'TAB_AS_INDENT') return createDiagnostic('YAML_TAB_INDENT', file, {}, where, severity);
  // Thousands of nested block levels overflow the stack while yaml composes: it says
  // RESOURCE_EXHAUSTION, or, when the overflow strikes while a scalar is resolved, gives a tag
  // error with V8's message; how much stack is left decides which. (The alias limit is a
  // ReferenceError from toJS, handled in parseWithYaml.)
  if (error.code === 'RESOURCE_EXHAUSTION' || /Maximum call stack size exceeded/.test(error.message)) {
    return createDiagnostic('YAML_TOO_DEEP', file, { limit: MAX_FLOW_DEPTH }, where, severity);
  }
  const comma = missingComma(error, source, where);
  if (comma) return createDiagnostic('YAML_SYNTAX', file, { detail: comma.detail }, comma.where, severity);
  return createDiagnostic('YAML_SYNTAX', file, { detail: yamlErrorText(error.code, error.message) }, where, severity);
}

/**
 * A missing comma in a flow map, the commonest slip in a file from `init` (whose answers sit in
 * `answers: { … }`, one per line, each ending with a comma): located at the line that lacks it,
 * not at the next item, where yaml notices. Undefined for any other error.
 */
function missingComma(error: YAMLError, source: string, at: { line: number; column: number }): { detail: Localized; where: { line: number; column: number } } | undefined {
  const lines = source.split('\n').map((l) => l.replace(/\r$/, ''));
  const text = lines[at.line - 1] ?? '';
  const inline = (line: number, column: number) => ({
    detail: localized('diag.yaml.commaBefore', { line, column }),
    where: { line, column },
  });
  if (/^Missing , between flow (map|sequence) items/.test(error.message)) {
    if (text.slice(0, at.column - 1).trim() !== '') return inline(at.line, at.column);
    // The item before starts a line of its own: the comma belongs at the end of the last line with content.
    let line = at.line - 1;
    while (line > 1 && /^\s*(#.*)?$/.test(lines[line - 1] ?? '')) line--;
    const content = (lines[line - 1] ?? '').replace(/\s+#.*$/, '').trimEnd();
    return {
      detail: localized('diag.yaml.commaAtEnd', { line }),
      where: { line, column: content.length + 1 },
    };
  }
  // `{ status: pass note: x }`: yaml takes "pass note: x" for a nested map. A full-width comma
  // (`pass，note`) is told apart later, with the other full-width punctuation.
  if (error.code === 'BLOCK_IN_FLOW' && !text.includes('，')) {
    const m = /[^\s,{[:]\s+([A-Za-z_][\w.-]*):(?:\s|$)/.exec(text.slice(at.column - 1));
    if (m) return inline(at.line, at.column + m.index + m[0].indexOf(m[1]));
  }
  return undefined;
}

/**
 * Walks the document without recursion: the keys that repeat a key of the same map (first one
 * kept), and the first collection nested deeper than {@link MAX_FLOW_DEPTH}, flow or block alike.
 */
function inspectTree(doc: Document): { duplicateKeys: Node[]; tooDeep?: Node } {
  const duplicateKeys: Node[] = [];
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (yaml().isMap(node)) {
      if (depth + 1 > MAX_FLOW_DEPTH) return { duplicateKeys, tooDeep: node };
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!yaml().isPair(pair)) continue;
        const key = pair.key;
        if (yaml().isScalar(key)) {
          // yaml compared scalar keys by value (`a.value === b.value`); a set does the same at once.
          if (seen.has(key.value)) duplicateKeys.push(key);
          else seen.add(key.value);
        } else if (key !== null) {
          stack.push([key, depth + 1]);
        }
        stack.push([pair.value, depth + 1]);
      }
    } else if (yaml().isSeq(node)) {
      if (depth + 1 > MAX_FLOW_DEPTH) return { duplicateKeys, tooDeep: node };
      for (const item of node.items) stack.push([item, depth + 1]);
    }
  }
  return { duplicateKeys };
}

/**
 * YAML_TOO_DEEP for a file that made the parser overflow its stack (thousands of nested levels):
 * where and whether yaml catches that itself depends on how much stack is left, so it is caught
 * here too and pointed at the line where nesting passes the limit.
 */
function tooDeep(source: string, file: string): Diagnostic {
  return tooDeepAt(source, Math.max(0, findTooDeepBlock(source)), file);
}

/** YAML_TOO_DEEP at a character offset, counting lines itself (the LineCounter is only filled by the parser). */
function tooDeepAt(source: string, offset: number, file: string): Diagnostic {
  const before = source.slice(0, offset).split('\n');
  return createDiagnostic('YAML_TOO_DEEP', file, { limit: MAX_FLOW_DEPTH }, { line: before.length, column: before[before.length - 1].length + 1 });
}

function endOf(lineCounter: LinePositions, offset: number): { endLine: number; endColumn: number } {
  const p = lineCounter.linePos(offset);
  return { endLine: p.line, endColumn: p.col };
}

/** Finds the tag as written (`!!binary`, `!include`) at or after a node's start. */
function findTagText(source: string, nodeStart: number, tag: string): { offset: number; text: string } {
  // The tag precedes the node's value; search back a little from the value start.
  const from = Math.max(0, nodeStart - 200);
  const window = source.slice(from, nodeStart + 1);
  const match = /!(?:<[^>]*>|[\w!./:%-]*)\s*$/.exec(window.slice(0, window.length - 1)) ?? /!(?:<[^>]*>|[\w!./:%-]*)/.exec(window);
  if (match) return { offset: from + match.index, text: match[0].trim() };
  return { offset: nodeStart, text: tag };
}
