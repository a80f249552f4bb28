// Layers only point down and nothing imports in a circle: checked over the real import graph of src/.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, findUpwardImports, readImportGraph, type ImportGraph } from './import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The folders of src/, bottom first: a module may import its own folder and the ones listed
 * before it, never one listed after it.
 */
const LAYERS = [
  'util',
  'paths',
  'i18n',
  'diagnostics',
  'model',
  'fs',
  'io',
  'load',
  'workbook',
  'validate',
  'checklist',
  'check',
  'score',
  'evidence',
  'report',
  'compare',
  'migrate',
  'walk',
  'init',
  'batch',
  'cli',
];

describe('the import graph of src/', () => {
  const graph = readImportGraph(ROOT);

  it('is read from the source (sanity: the CLI entry imports the command registry)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('src/cli/main.ts')).toContain('src/cli/registry.ts');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('has no import from a lower layer to a higher one', () => {
    expect(findUpwardImports(graph, LAYERS)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const g = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it('find a cycle, dynamic and type-only imports included, through several files', () => {
    const graph = g({ 'src/a/x.ts': ['src/b/y.ts'], 'src/b/y.ts': ['src/b/z.ts'], 'src/b/z.ts': ['src/a/x.ts'], 'src/c/w.ts': [] });
    expect(findCycles(graph)).toEqual([['src/a/x.ts', 'src/b/y.ts', 'src/b/z.ts', 'src/a/x.ts']]);
    expect(findCycles(g({ 'src/a/x.ts': ['src/a/x.ts'] }))).toEqual([['src/a/x.ts', 'src/a/x.ts']]);
    expect(findCycles(g({ 'src/a/x.ts': ['src/b/y.ts'], 'src/b/y.ts': [] }))).toEqual([]);
  });

  it('find an upward import and a folder without a layer', () => {
    const graph = g({ 'src/low/a.ts': ['src/high/b.ts'], 'src/high/b.ts': ['src/low/a.ts'], 'src/stray/c.ts': [] });
    expect(findUpwardImports(graph, ['low', 'high'])).toEqual([
      'src/low/a.ts imports src/high/b.ts: low is below high',
      'src/stray/c.ts: its folder "stray" is not in the layer list',
    ]);
  });

  it('read dynamic and type-only imports from real source', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'wangxin-graph-'));
    try {
      mkdirSync(join(root, 'src', 'a'), { recursive: true });
      writeFileSync(join(root, 'src', 'a', 'x.ts'), "import type { Y } from './y.js';\nexport const x = async () => (await import('./z.js')).z;\n");
      writeFileSync(join(root, 'src', 'a', 'y.ts'), "export type Y = 1;\nimport { readFileSync } from 'node:fs';\n");
      writeFileSync(join(root, 'src', 'a', 'z.ts'), "export { x as z } from './x.js';\n");
      const graph = readImportGraph(root);
      expect(graph.get('src/a/x.ts')?.sort()).toEqual(['src/a/y.ts', 'src/a/z.ts']);
      expect(graph.get('src/a/y.ts')).toEqual([]);
      expect(findCycles(graph)).toEqual([['src/a/x.ts', 'src/a/z.ts', 'src/a/x.ts']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
