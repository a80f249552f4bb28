// Built-in checklists by reference: the current version by id, earlier versions kept as id@version, answer files matched to their version.
import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { answersChecklistFile, builtinFile, builtinIds, builtinRefFor, builtinRefs, checklistFileFor } from '../../src/checklist/resolve-checklist.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';

describe('built-in checklist references', () => {
  it('lists the current ids, and every reference with earlier versions after their id', () => {
    expect(builtinIds()).toEqual(['county-cyber-2018']);
    expect(builtinRefs()).toEqual(['county-cyber-2018', 'county-cyber-2018@1.0.0']);
  });

  it('keeps in each id@version file a valid checklist of that id and version, older than the current one', async () => {
    for (const ref of builtinRefs()) {
      const loaded = await loadChecklist(builtinFile(ref)!);
      expect(loaded.diagnostics, ref).toEqual([]);
      const [id, version] = ref.split('@');
      expect(loaded.checklist?.id, ref).toBe(id);
      if (version !== undefined) {
        expect(loaded.checklist?.version, ref).toBe(version);
        expect((await loadChecklist(builtinFile(id)!)).checklist?.version, ref).not.toBe(version);
      }
    }
  });

  it('finds the file of an id or an id@version, and nothing for unknown or path-like references', () => {
    expect(basename(builtinFile('county-cyber-2018')!)).toBe('county-cyber-2018.yaml');
    expect(basename(builtinFile('county-cyber-2018@1.0.0')!)).toBe('county-cyber-2018@1.0.0.yaml');
    expect(checklistFileFor('county-cyber-2018@1.0.0')).toBe(builtinFile('county-cyber-2018@1.0.0'));
    for (const ref of ['county-cyber-2018@9.9.9', 'no-such-list', '../checklists/county-cyber-2018', 'county-cyber-2018@../x', 'County-Cyber-2018', '']) {
      expect(builtinFile(ref), ref).toBeUndefined();
    }
  });

  it('matches an answer file to the version it names: the kept earlier version, else the current file', () => {
    expect(builtinRefFor('county-cyber-2018', '1.0.0')).toBe('county-cyber-2018@1.0.0');
    // An unknown version goes to the current file, whose validation then names the version mismatch.
    expect(builtinRefFor('county-cyber-2018', '0.9.0')).toBe('county-cyber-2018');
    expect(builtinRefFor('county-cyber-2018', '../../x')).toBe('county-cyber-2018');
    expect(builtinRefFor('no-such-list', '1.0.0')).toBeUndefined();
    expect(answersChecklistFile(undefined, 'county-cyber-2018', '1.0.0')).toBe(builtinFile('county-cyber-2018@1.0.0'));
    // An id that is itself a reference with a version is not looked up: the file names id and version apart.
    expect(answersChecklistFile(undefined, 'county-cyber-2018@1.0.0', '1.0.0')).toBeUndefined();
    // --checklist wins over what the file names.
    expect(answersChecklistFile('county-cyber-2018', 'county-cyber-2018', '1.0.0')).toBe(builtinFile('county-cyber-2018'));
  });
});
