// Untrusted text (from answer and checklist files, names, paths) made safe for each output: terminal, Markdown, HTML, JSON, XML.

/**
 * Characters that show nothing yet make two strings differ: zero-width spaces and joiners, the
 * word joiner and invisible operators, the BOM, and the bidi controls (marks, embeddings,
 * overrides, isolates). As a regular-expression class body, for the escapers that show them.
 */
export const INVISIBLE_CLASS = '\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';

// ---- Terminal (messages, diagnostics, status lines): one line, every hidden character shown.

/** A hidden character written as `\u{…}`, the same in every output that shows it. */
const showCodePoint = (c: string): string => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/** Characters that could hide or reorder text in a terminal: C0/C1 controls (not tab), bidi controls and zero-width characters. */
const TERMINAL_UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE_CLASS}]`, 'g');

/** {@link TERMINAL_UNSAFE} and tab: what {@link makeVisible} changes (not global, so `test` keeps no state). */
const VISIBLE_SPECIAL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE_CLASS}]`);

/** Makes control and bidi characters visible as `\u{…}` so they cannot disturb the terminal. */
export function makeVisible(text: string): string {
  // Nearly every message and path has none: one test instead of two replaces (a big batch's log
  // shows thousands of diagnostics).
  if (!VISIBLE_SPECIAL.test(text)) return text;
  return text
    .replace(TERMINAL_UNSAFE, showCodePoint)
    .replace(/\t/g, '  ');
}

// ---- Markdown and HTML documents: line breaks kept, hidden characters shown, markup escaped.

/**
 * C0/C1 control characters (except tab and newlines), and the invisible characters that could
 * hide or reorder text or make two names look alike (bidi controls, zero-width characters). As a
 * regular-expression class body: the quick tests below add what else their escaper changes.
 */
const UNSAFE_CLASS = `\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE_CLASS}`;

/** {@link UNSAFE_CLASS} as a global expression, for replacing. */
export const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`, 'g');

/** Makes invisible control and bidi characters visible as `\u{…}` (a "Trojan Source" note cannot reorder a report). */
export function showControls(text: string): string {
  // Nearly every text has none: one test instead of two replaces.
  if (!SHOWN_SPECIAL.test(text)) return text;
  return text.replace(UNSAFE, showCodePoint).replace(/\t/g, ' ');
}

/** What {@link showControls} changes: {@link UNSAFE} and tab (not global, so `test` keeps no state). */
const SHOWN_SPECIAL = new RegExp(`[\\t${UNSAFE_CLASS}]`);

/** Every character escapeInline changes once controls are shown: line breaks, HTML and Markdown specials. */
const MARKDOWN_SPECIAL = /[\r\n&<>\\`*_[\]{}|~#!$]/;

/**
 * Escapes text for use inside a line of GitHub-flavoured Markdown (a table cell, a list item
 * after its marker, a heading after its `#`): HTML shows as text (`<` → `&lt;`), emphasis,
 * code, link, math and table characters are backslash-escaped, and newlines become `<br>` so
 * the text stays inside its cell, list item or paragraph.
 */
export function escapeInline(text: string): string {
  const shown = showControls(text);
  // Most texts have nothing to escape: one test instead of a split and four replacements each.
  if (!MARKDOWN_SPECIAL.test(shown)) return shown;
  return shown
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]{}|~#!$])/g, '\\$1'),
    )
    .join('<br>');
}

/**
 * Escapes text that may start a Markdown line: {@link escapeInline}, and characters that would
 * open a block there (`- `, `+ `, `=`, `1.`, `1)`) are neutralised too.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Escapes text for one Markdown table cell: `|` and newlines cannot break the row; an empty cell stays a cell. */
export function escapeTableCell(text: string): string {
  const escaped = escapeInline(text).trim();
  return escaped === '' ? ' ' : escaped;
}

/**
 * Characters JSON.stringify writes raw that a terminal may obey or hide: C1 controls (U+009B is
 * a CSI), bidi and zero-width controls, line and paragraph separators. They only ever occur
 * inside JSON strings, where `\uXXXX` means the same character.
 */
const JSON_UNSAFE = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${INVISIBLE_CLASS}]`);
const JSON_UNSAFE_ALL = new RegExp(JSON_UNSAFE.source, 'g');

/**
 * JSON text (from JSON.stringify) with the characters of {@link JSON_UNSAFE} written as `\uXXXX`
 * escapes: the same data once parsed, but nothing in it can reorder or hide text on a terminal.
 */
export function escapeJsonText(json: string): string {
  if (!JSON_UNSAFE.test(json)) return json;
  return json.replace(JSON_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Characters that {@link quoteJsonText} cannot copy as they are: those JSON.stringify escapes
 * (quote, backslash, C0 controls, surrogates, paired or not) and those of {@link JSON_UNSAFE}.
 */
const JSON_STRING_SPECIAL = new RegExp(`["\\\\\\u0000-\\u001f\\ud800-\\udfff${JSON_UNSAFE.source.slice(1, -1)}]`);

/**
 * `escapeJsonText(JSON.stringify(text))` for a string: the same text, with one test instead of
 * two passes for the common string that needs no escape (a unit's notes, names and file names,
 * written for every item of every report of a batch).
 */
export function quoteJsonText(text: string): string {
  return JSON_STRING_SPECIAL.test(text) ? escapeJsonText(JSON.stringify(text)) : `"${text}"`;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most names, titles and notes need nothing: one test instead of seven replaces (the HTML
  // summary of a big batch escapes tens of thousands of them).
  if (!HTML_SPECIAL.test(text)) return text;
  return showControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Every character a step of {@link escapeHtml} changes: those {@link showControls} shows, and the markup characters. */
const HTML_SPECIAL = new RegExp(`[\\t${UNSAFE_CLASS}&<>"']`);

/** Escapes text for HTML and keeps its line breaks as `<br>`. */
export function escapeHtmlLines(text: string): string {
  return text.split(/\r\n|\r|\n/).map(escapeHtml).join('<br>');
}

// ---- XML of the office formats (workbook cells, Word runs): what XML cannot carry is removed.

/**
 * C0 and C1 controls other than tab and line feed, lone surrogates and the two non-characters
 * that XML 1.0 forbids: removed, so no answer file can break a workbook's or a document's XML or
 * hide text in it (escapes are shown as what is left: `\u001b[31m` becomes `[31m`).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with `\r\n` and `\r` made `\n` and every character XML cannot carry removed. */
export function officeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}
