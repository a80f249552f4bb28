// The README's quick start and usage sections: every `npx wangxin` line of their sh blocks runs, in order, from a clean folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/translate.js';
import { BIN, ROOT } from '../helpers/run-cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The sections a newcomer follows: how to start and how to use each command. */
const SECTIONS = [
  '## Quick start',
  '## Self-check for a unit',
  '## Scored report',
  '## Batch scoring for the office',
  '## Answer workbooks',
  '## Blank answer files, year-over-year comparison, new checklist versions',
  '## Custom checklists',
];

/** The `npx wangxin …` commands of a section's sh blocks, comments cut off (`npm install`/`npm test` are what CI itself runs). */
function commandsOf(heading: string): string[] {
  const start = README.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1].split('\n'))
    .flatMap((line) => line.split(' && '))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npx wangxin '));
}

describe('README: the commands of the quick start and the usage sections run', () => {
  // A clean state: a fresh folder holding what a clone holds for these commands, and nothing else.
  const dir = mkdtempSync(join(tmpdir(), 'wangxin-readme-'));
  for (const folder of ['examples', 'checklists', 'schemas']) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs one README line through sh in the folder (so globs expand), `npx wangxin` being this build; stdin not a terminal. */
  const run = (line: string) => {
    const r = spawnSync('sh', ['-c', line.replace(/^npx wangxin /, `node ${JSON.stringify(BIN)} `)], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: r.status ?? -1, out: r.stdout + r.stderr };
  };

  it('finds the commands', () => {
    const all = SECTIONS.flatMap(commandsOf);
    expect(all.length).toBeGreaterThan(15);
    expect(all[0]).toBe('npx wangxin validate checklists/county-cyber-2018.yaml examples/answers/*.yaml');
  });

  // In the README's order within a section: a later line may use a file an earlier one wrote.
  it.each(SECTIONS.map((s) => [s]))('%s', (heading) => {
    for (const line of commandsOf(heading)) {
      const r = run(line);
      if (/^npx wangxin run\b/.test(line)) {
        // `run` needs a terminal; without one it exits 2 with its advice once its arguments are
        // accepted (the terminal test drives it for real).
        expect(r.code, `${line}\n${r.out}`).toBe(2);
        expect(r.out).toContain(translate('zh', 'run.noTty'));
      } else {
        expect(r.code, `${line}\n${r.out}`).toBe(0);
      }
    }
  });
});
