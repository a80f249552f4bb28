// Types of generate.mjs, for the tests that reuse the benchmark's generator.

/** A deterministic random number generator in [0, 1). */
export function makeRandom(seed: number): () => number;
/** The kinds of invalid file the generator writes. */
export const INVALID_KINDS: readonly string[];
/** Encodes text as GBK bytes. */
export function encodeGbk(text: string): Buffer;
/** Writes `count` answer files under `dir` in a mix of writers' styles; returns each path, its kind (`valid` or an invalid kind) and style. */
export function generateFiles(
  dir: string,
  count: number,
  options: { checklistFile: string; seed?: number; invalidShare?: number },
): { file: string; kind: string; style: string }[];
/** Writes a checklist of `items` items and an answer file for it (most answered, many open); returns both paths. */
export function generateBigChecklist(dir: string, items: number, options?: { seed?: number }): { checklistFile: string; answersFile: string };
