// The one order for paths and names in every output, so the same tree gives the same order on every machine.

/** Code-point order (not locale order), so the same tree gives the same order on every machine. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
