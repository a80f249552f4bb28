// Appends a list to another without spreading it into arguments (which fails past ~120,000 items).

/**
 * Appends `items` to `target` and returns `target`. `target.push(...items)` passes every item as an
 * argument, and V8 runs out of stack somewhere past 120,000 of them: a national batch's ranking
 * (3,000 counties × 60 units) or a file with that many errors would crash there.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}
