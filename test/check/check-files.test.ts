// validate with several files: checklists given on the command line serve the answer files given with them, by the version they name.
import { describe, expect, it } from 'vitest';
import { builtinFile } from '../../src/checklist/resolve-checklist.js';
import { checkFiles } from '../../src/check/check-files.js';
import { ROOT } from '../helpers/run-cli.js';

describe('checklists given on the command line', () => {
  it('answer files use the given version that they name, whichever order the versions come in', async () => {
    const current = builtinFile('county-cyber-2018')!;
    const earlier = builtinFile('county-cyber-2018@1.0.0')!;
    const answers = ['examples/answers/township.yaml', 'test/fixtures/migrate/1.0.0/township.yaml'];
    for (const order of [[earlier, current], [current, earlier]]) {
      const { checks } = await checkFiles([...order, ...answers], { cwd: ROOT });
      expect(checks.map((c) => c.errors)).toEqual([[], [], [], []]);
      expect(checks.slice(2).map((c) => c.checklist?.version)).toEqual(['1.1.0', '1.0.0']);
      expect(checks.slice(2).map((c) => c.checklistFile)).toEqual([current, earlier]);
    }
  });
});
