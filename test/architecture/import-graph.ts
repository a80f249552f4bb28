// The import graph of src/ as the TypeScript compiler reads it (static, dynamic and type-only imports), and the checks over it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** Each source file (relative to the root, `/`-separated) and the source files it imports. */
export type ImportGraph = Map<string, string[]>;

/** Reads every `.ts` file under `dir` and resolves its relative imports to files of the graph. */
export function readImportGraph(root: string, dir = 'src'): ImportGraph {
  const graph: ImportGraph = new Map();
  const files = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => toPosix(join(dir, f)));
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = info.importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => toPosix(normalize(join(dirname(file), spec))).replace(/\.js$/, '.ts'));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Every import cycle, each as the files around it (first file repeated at the end); empty when there is none. */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      const seen = state.get(next);
      if (seen === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (seen === undefined) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/** The layer of a file: its folder under src/ (`src/paths.ts` is the layer `paths`). */
export function layerOf(file: string, dir = 'src'): string {
  return relative(dir, file).split(/[\\/]/)[0].replace(/\.ts$/, '');
}

/**
 * Imports that point up: from a file in layer `layers[i]` to one in `layers[j]` with j > i
 * (layers are listed bottom first; a file may import its own folder). Files in a folder that is
 * not listed are reported too, so a new folder has to be given its place.
 */
export function findUpwardImports(graph: ImportGraph, layers: readonly string[], dir = 'src'): string[] {
  const problems: string[] = [];
  const rank = (file: string): number => layers.indexOf(layerOf(file, dir));
  for (const [file, targets] of graph) {
    if (rank(file) < 0) {
      problems.push(`${file}: its folder "${layerOf(file, dir)}" is not in the layer list`);
      continue;
    }
    for (const target of targets) {
      if (!graph.has(target)) continue;
      if (rank(target) > rank(file)) problems.push(`${file} imports ${target}: ${layerOf(file, dir)} is below ${layerOf(target, dir)}`);
    }
  }
  return problems.sort();
}
