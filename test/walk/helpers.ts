// Shared fixtures for the walk and run tests: the built-in checklist, blank answers, temporary folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinFile } from '../../src/checklist/resolve-checklist.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';
import type { Answers } from '../../src/model/answers.js';
import type { Checklist } from '../../src/model/checklist.js';

/** The built-in county-cyber-2018 checklist. */
export async function builtinChecklist(): Promise<Checklist> {
  const loaded = await loadChecklist(builtinFile('county-cyber-2018')!);
  if (!loaded.checklist) throw new Error('built-in checklist does not load');
  return loaded.checklist;
}

/** A blank answer file for a unit. */
export function blankAnswers(checklist: Checklist, type = 'township', name = '某某镇党委'): Answers {
  return { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name, type }, answers: {} };
}

/** A fresh temporary folder and its remover. */
export function makeTempDir(prefix = 'wangxin-walk-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
