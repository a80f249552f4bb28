// validate reads relative paths (files and --checklist) from the command's working folder, not the process's.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runBinary, runInProcess } from '../helpers/run-cli.js';

describe('validate and the working folder', () => {
  it('reads relative file names from io.cwd and reports them as given', async () => {
    const cwd = join(ROOT, 'examples');
    const r = await runInProcess(['validate', 'answers/township.yaml', 'custom/xx-county-2026.yaml', 'custom/answers-township.yaml'], {}, cwd);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✓ answers\/township\.yaml/);
    const bin = runBinary(['validate', 'answers/township.yaml'], {}, cwd);
    expect(bin.code).toBe(0);
  });

  it('resolves a --checklist path from io.cwd too', async () => {
    const cwd = join(ROOT, 'examples');
    const r = await runInProcess(['validate', '--checklist', 'custom/xx-county-2026.yaml', 'custom/answers-township.yaml'], {}, cwd);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('names a missing relative file as given, with exit 2', async () => {
    const r = await runInProcess(['validate', 'answers/nope.yaml'], {}, join(ROOT, 'examples'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^answers\/nope\.yaml .*FILE_NOT_FOUND/m);
  });
});
