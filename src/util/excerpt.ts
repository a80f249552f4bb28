// Cuts text from a file to a short excerpt for messages: one line, at most EXCERPT_CHARS characters, an ellipsis when cut.

/** At most this many characters (code points, the ellipsis included) of a file's text are quoted in a message. */
export const EXCERPT_CHARS = 120;

/**
 * The first line of `text`, cut to `max` characters with `…` when anything was left out. Works
 * on a bounded prefix, so a 9 MB value costs no more than a short one, and never splits a
 * surrogate pair.
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  // 2 code units per code point at most: this prefix holds every character that can be kept.
  let head = text.length > 2 * max + 2 ? text.slice(0, 2 * max + 2) : text;
  let cut = head.length < text.length;
  const lineEnd = head.search(/[\r\n]/);
  if (lineEnd !== -1) {
    head = head.slice(0, lineEnd);
    cut = true;
  }
  const chars = Array.from(head);
  if (chars.length > max) return chars.slice(0, max - 1).join('') + '…';
  if (!cut) return head;
  return chars.length < max ? head + '…' : chars.slice(0, max - 1).join('') + '…';
}
