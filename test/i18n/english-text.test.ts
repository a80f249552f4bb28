// English as people write it: plurals that agree with their number, and lines that start as sentences do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/catalog.js';
import { fill } from '../../src/i18n/lang.js';
import { translate } from '../../src/i18n/translate.js';
import { runRun } from '../../src/cli/run.js';
import { NO_PAINT } from '../../src/diagnostics/render.js';
import type { Io } from '../../src/io/io.js';
import { createScriptedPrompter } from '../../src/walk/scripted-prompter.js';
import { runInProcess, ROOT } from '../helpers/run-cli.js';

describe('plurals', () => {
  it('{n|one|other} picks by the number', () => {
    expect(fill('{count} {count|item is|items are} unanswered', { count: 1 })).toBe('1 item is unanswered');
    expect(fill('{count} {count|item is|items are} unanswered', { count: 3 })).toBe('3 items are unanswered');
    expect(fill('{count} {count|item is|items are} unanswered', { count: 0 })).toBe('0 items are unanswered');
    expect(fill('[{points} {points|pt|pts}]', { points: 1 })).toBe('[1 pt]');
    expect(fill('[{points} {points|pt|pts}]', { points: 0.5 })).toBe('[0.5 pts]');
    expect(fill('{count|a|b}', {})).toBe('{count|a|b}');
  });

  it('no English message puts a plural noun after a number without the singular beside it', () => {
    const bare = /(?<![/\w])\{(\w+)\} (items|answers|points|pts|units|files|errors|submissions|sheets|parts|tasks)\b(?! *\|)/;
    const offenders: string[] = [];
    for (const [name, catalogue] of CATALOGUES) {
      for (const [key, message] of Object.entries(catalogue)) {
        const m = bare.exec(message.en);
        // "{n} {n|item|items}" is fine: the noun after the number is the plural form's placeholder.
        if (m) offenders.push(`${name}:${key}: ${message.en}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the screens say "1 item is unanswered" and "[1 pt]"', () => {
    expect(translate('en', 'walk.finish.confirm', { count: 1 })).toBe('1 item is unanswered and will score 0. Finish anyway?');
    expect(translate('en', 'walk.points', { points: 1 })).toBe('1 pt');
    expect(translate('en', 'run.summary.incomplete', { count: 1 })).toBe('Note: 1 item is unanswered and score 0.');
  });
});

describe('lines that start as sentences', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wangxin-english-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('run says "Interrupted." and "To continue, run:" when stopped with Ctrl-C', async () => {
    let out = '';
    const io: Io = {
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: () => true },
      stdin: { isTTY: true } as unknown as Io['stdin'],
      env: { LANG: 'en_US.UTF-8' },
      cwd: dir,
    };
    const prompter = createScriptedPrompter([{ input: '' }, { input: '' }, { input: '' }, { input: '' }, { interrupt: true }]);
    const code = await runRun({ unit: 'Some township', unitType: 'township', answers: 'a.yaml' }, { io, lang: 'en', paint: NO_PAINT, paintErr: NO_PAINT }, { prompter });
    expect(code).toBe(130);
    expect(out).toMatch(/^Interrupted\. 0\/42 items answered, all saved in a\.yaml\.$/m);
    expect(out).toMatch(/^To continue, run: /m);
  });

  it('commands that write a file say so with a capital', async () => {
    const township = join(ROOT, 'examples/answers/township.yaml');
    const runs = [
      ['batch', township, '--out', join(dir, 's.md')],
      ['ledger', township, '--out', join(dir, 'l.md')],
      ['compare', township, township, '--out', join(dir, 'c.md')],
      ['init', '--unit-type', 'township', '--unit', 'X', '--out', join(dir, 'x.yaml')],
    ];
    for (const args of runs) {
      const r = await runInProcess([...args, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stderr.trim().split('\n').map((l) => l.replace(/^✓ /, ''));
      for (const line of lines) expect(line, args.join(' ')).toMatch(/^[A-Z0-9]/);
    }
  });
});
