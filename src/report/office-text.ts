// Text from answer and checklist files made safe for the office formats (workbook cells, Word runs).
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
