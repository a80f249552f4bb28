// The characters that show nothing yet make two strings differ, for the code that compares names and the code that shows them.

/**
 * Characters that show nothing yet make two strings differ: zero-width spaces and joiners, the
 * word joiner and invisible operators, the BOM, and the bidi controls (marks, embeddings,
 * overrides, isolates). As a regular-expression class body, for the escapers that show them.
 */
export const INVISIBLE_CLASS = '\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
