// Concurrent edits of an answer file: run reloads what changed on disk (or stops), every writer takes the one lock, odd locks get clear messages.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/run.js';
import { captureContext } from '../helpers/command-context.js';
import type { Checklist } from '../../src/model/checklist.js';
import { checkFile } from '../../src/check/check-file.js';
import { saveAnswers } from '../../src/walk/answer-file.js';
import { acquireLock, lockFileFor } from '../../src/walk/lock.js';
import type { Prompter } from '../../src/walk/prompter.js';
import { createScriptedPrompter, type ScriptStep } from '../../src/walk/scripted-prompter.js';
import { runInProcess } from '../helpers/run-cli.js';
import { blankAnswers, builtinChecklist, makeTempDir } from '../walk/helpers.js';

let checklist: Checklist;
beforeAll(async () => {
  checklist = await builtinChecklist();
});
let tmp: ReturnType<typeof makeTempDir>;
let file = '';
beforeEach(async () => {
  tmp = makeTempDir('wangxin-concurrent-');
  file = join(tmp.dir, 'a.yaml');
  // With its assessor and period filled in, so that run goes straight to the items.
  await saveAnswers(file, { ...blankAnswers(checklist), assessor: { name: '张三', contact: '0871-0000000' }, period: '2026' }, checklist);
});
afterEach(() => tmp.remove());

/** The scripted prompter, with `hook` run just before its `at`-th question (1-based): another program acting mid-walk. */
function withHook(steps: ScriptStep[], at: number, hook: () => void): Prompter & { screens: string[] } {
  const inner = createScriptedPrompter(steps);
  let asked = 0;
  const tick = (): void => {
    if (++asked === at) hook();
  };
  return {
    screens: inner.screens,
    select: (q) => (tick(), inner.select(q)),
    input: (q) => (tick(), inner.input(q)),
    confirm: (q) => (tick(), inner.confirm(q)),
    screen: (t) => inner.screen(t),
    say: (t) => inner.say(t),
  };
}

async function run(prompter: Prompter): Promise<{ code: number; err: string }> {
  const c = captureContext(tmp.dir);
  const code = await runRun({ answers: 'a.yaml' }, c.ctx, { prompter });
  return { code, err: c.err() };
}

/** A.1.1.1 pass; then A1.1.2 fail with a note, while (before its evidence question, the 6th) another program edits the file. */
const STEPS: ScriptStep[] = [{ select: 'pass' }, { input: '' }, { input: '' }, { select: 'fail' }, { input: '没有记录' }, { input: '' }, { select: '@quit' }];

describe('run never overwrites what it did not read', () => {
  it('a hand edit made between two answers is read again and kept, with the answer given meanwhile', async () => {
    const prompter = withHook(STEPS, 6, () => {
      // What a hand edit (or `wangxin evidence`) does: another answer and another note.
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^answers:\n {2}A1\.1\.1: \{ status: pass \}\n$/m);
      writeFileSync(file, text.replace(/^answers:[\s\S]*$/m, 'answers:\n  A2.1.1: { status: na, note: 手工补充：本单位无新媒体账号 }\n  A1.1.1: { status: pass, note: 手工添加的备注 }\n'));
    });
    const r = await run(prompter);
    expect(r.code, r.err).toBe(0);
    const check = await checkFile(file, {}, 'answers');
    expect(check.errors).toEqual([]);
    expect(check.answers?.answers).toEqual({
      'A1.1.1': { status: 'pass', note: '手工添加的备注' },
      'A1.1.2': { status: 'fail', note: '没有记录' },
      'A2.1.1': { status: 'na', note: '手工补充：本单位无新媒体账号' },
    });
    expect(prompter.screens.join('\n')).toMatch(/was changed by another program: it was read again, keeping your answer to A1\.1\.2/);
  });

  it('a change that cannot be merged (the file is now invalid) stops the run; the file stays as the other program left it', async () => {
    let edited = '';
    const prompter = withHook(STEPS, 6, () => {
      edited = readFileSync(file, 'utf8').replace('type: township', 'type: nonsense');
      writeFileSync(file, edited);
    });
    const r = await run(prompter);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/was changed by another program while you answered and cannot be merged \(it has errors now\)/);
    expect(r.err).toMatch(/your answer to A1\.1\.2 was not saved/);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });
});

describe('every command that writes an answer file takes the same lock', () => {
  it('evidence, migrate --out and init --out refuse a file a live run is editing', async () => {
    const held = acquireLock(file);
    expect(held.ok).toBe(true);
    try {
      const before = readFileSync(file, 'utf8');
      writeFileSync(join(tmp.dir, 'e.pdf'), 'E');
      writeFileSync(file, before.replace(/^answers:.*$/m, 'answers:\n  A1.1.1: { status: pass, evidence: [e.pdf] }'));
      const locked = readFileSync(file, 'utf8');
      const evidence = await runInProcess(['evidence', '--lang', 'en', 'a.yaml'], {}, tmp.dir);
      expect(evidence.code).toBe(2);
      expect(evidence.stderr).toMatch(/a\.yaml is being edited by another program \(process \d+ on .*\)/);
      expect(readFileSync(file, 'utf8')).toBe(locked);
      writeFileSync(join(tmp.dir, 'b.yaml'), before);
      const migrate = await runInProcess(['migrate', '--lang', 'en', 'b.yaml', '--to', 'county-cyber-2018', '--out', 'a.yaml', '--force'], {}, tmp.dir);
      expect(migrate.code).toBe(2);
      expect(migrate.stderr).toMatch(/being edited by another program/);
      const init = await runInProcess(['init', '--lang', 'en', '--unit-type', 'township', '--out', 'a.yaml', '--force'], {}, tmp.dir);
      expect(init.code).toBe(2);
      expect(init.stderr).toMatch(/being edited by another program/);
      expect(readFileSync(file, 'utf8')).toBe(locked);
    } finally {
      if (held.ok) held.lock.release();
    }
  });

  it('a folder named like the lock file gets a message saying so, not "process ? on ?"', async () => {
    mkdirSync(lockFileFor(file));
    const r = await run(createScriptedPrompter([]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/a\.yaml\.lock is not a lock file \(it is a folder or another special file\)/);
    expect(r.err).not.toContain('?');
    const e = await runInProcess(['evidence', '--lang', 'en', 'a.yaml'], {}, tmp.dir);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/is not a lock file/);
  });
});
