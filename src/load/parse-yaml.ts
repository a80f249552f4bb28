// Parses YAML text into a Document with positions and a plain value, collecting located diagnostics.
import { LineCounter, parseAllDocuments, visit, isNode, type Document, type YAMLError } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { positionAt } from './locate.js';
import { findTooDeep, MAX_FLOW_DEPTH } from './depth.js';

export { findTooDeep, MAX_FLOW_DEPTH } from './depth.js';

/** Aliases may expand at most this many times per document (guards "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

/** A parsed file: the document (for positions), the plain value, and what was wrong. */
export interface ParsedYaml {
  file: string;
  source: string;
  doc?: Document;
  /** Absent for a fast parse, which has no positions. */
  lineCounter?: LineCounter;
  /** The plain JavaScript value; absent when the YAML has errors. */
  value?: unknown;
  diagnostics: Diagnostic[];
}

/**
 * Parses `source` strictly: one document, unique keys, no tags, bounded aliases and nesting.
 * Never throws; every problem becomes a diagnostic with a position.
 */
export function parseYaml(source: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const result: ParsedYaml = { file, source, lineCounter, diagnostics: [] };
  const diags = result.diagnostics;

  const deep = findTooDeep(source);
  if (deep !== -1) {
    // Count lines ourselves: the LineCounter is only filled by the parser.
    const before = source.slice(0, deep).split('\n');
    diags.push(
      createDiagnostic('YAML_TOO_DEEP', file, { limit: MAX_FLOW_DEPTH }, {
        line: before.length,
        column: before[before.length - 1].length + 1,
      }),
    );
    return result;
  }

  let docs: Document[];
  try {
    const parsed = parseAllDocuments(source, {
      lineCounter,
      uniqueKeys: true,
      stringKeys: true,
      resolveKnownTags: false,
      prettyErrors: false,
      strict: true,
    });
    docs = Array.isArray(parsed) ? (parsed as Document[]) : [];
  } catch (error) {
    diags.push(createDiagnostic('YAML_SYNTAX', file, { detail: firstLine(String((error as Error).message)) }, { line: 1, column: 1 }));
    return result;
  }
  if (docs.length === 0 || (docs.length === 1 && docs[0].contents === null && docs[0].errors.length === 0)) {
    diags.push(createDiagnostic('YAML_EMPTY', file, {}, { line: 1, column: 1 }));
    return result;
  }
  const doc = docs[0];
  result.doc = doc;
  for (const error of doc.errors) diags.push(fromYamlError(error, source, lineCounter, file));
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported below with every explicit tag
    diags.push(fromYamlError(warning, source, lineCounter, file, 'warning'));
  }
  if (docs.length > 1) {
    const start = docs[1].range?.[0] ?? source.length;
    const marker = source.lastIndexOf('---', start);
    diags.push(createDiagnostic('YAML_MULTIPLE_DOCUMENTS', file, {}, positionAt(lineCounter, marker >= 0 ? marker : start)));
  }
  visit(doc, (_key, node) => {
    if (isNode(node) && node.tag && node.range) {
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
    const firstAlias = source.search(/\*[^\s,\]}]/);
    diags.push(
      createDiagnostic(
        error instanceof ReferenceError ? 'YAML_ALIAS_LIMIT' : 'YAML_SYNTAX',
        file,
        { limit: MAX_ALIAS_COUNT, detail: firstLine(String((error as Error).message)) },
        positionAt(lineCounter, Math.max(0, firstAlias)),
      ),
    );
  }
  return result;
}

function fromYamlError(
  error: YAMLError,
  source: string,
  lineCounter: LineCounter,
  file: string,
  severity: 'error' | 'warning' = 'error',
): Diagnostic {
  const [from, to] = error.pos;
  const where = { ...positionAt(lineCounter, from), ...endOf(lineCounter, Math.max(to, from + 1)) };
  if (error.code === 'DUPLICATE_KEY') {
    const lineEnd = source.indexOf('\n', from);
    const key = source.slice(from, lineEnd === -1 ? undefined : lineEnd).split(/:(?:\s|$)/)[0].trim() || '?';
    return createDiagnostic('YAML_DUPLICATE_KEY', file, { key }, where, severity);
  }
  if (error.code === 'TAB_AS_INDENT') return createDiagnostic('YAML_TAB_INDENT', file, {}, where, severity);
  if (error.code === 'RESOURCE_EXHAUSTION') {
    return createDiagnostic('YAML_ALIAS_LIMIT', file, { limit: MAX_ALIAS_COUNT }, where, severity);
  }
  return createDiagnostic('YAML_SYNTAX', file, { detail: firstLine(error.message) }, where, severity);
}

function endOf(lineCounter: LineCounter, offset: number): { endLine: number; endColumn: number } {
  const p = lineCounter.linePos(offset);
  return { endLine: p.line, endColumn: p.col };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
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
