// Every command that is given a checklist resolves, loads and reports it the same way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../walk/helpers.js';
import { runInProcess, type CliResult } from '../helpers/run-cli.js';
import { main } from '../../src/cli/main.js';
import { captureContext } from '../helpers/command-context.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('wangxin-checklist-option-');
  mkdirSync(join(tmp.dir, 'answers'));
  writeFileSync(join(tmp.dir, 'answers', 'a.yaml'), 'schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.1.0 }\nunit: { name: 某单位, type: township }\nanswers: {}\n');
  writeFileSync(join(tmp.dir, 'broken.yaml'), 'schemaVersion: 1\nid: broken\n');
});
afterEach(() => tmp.remove());

/** Runs the CLI in `tmp`; `run` with a stdin that says it is a terminal (it stops before any question). */
async function cli(args: string[]): Promise<CliResult> {
  if (args[0] !== 'run') return runInProcess(args, {}, tmp.dir);
  const c = captureContext(tmp.dir, 'en');
  const code = await main(args, c.ctx.io);
  return { code, stdout: c.out(), stderr: c.err() };
}

/** The same reference given to each command that takes a checklist of its own. */
const COMMANDS = (ref: string): string[][] => [
  ['init', '--checklist', ref, '--unit-type', 'township'],
  ['init', '--checklist-template', '--checklist', ref],
  ['migrate', 'answers/a.yaml', '--to', ref],
  ['batch', 'answers', '--checklist', ref],
  ['run', '--checklist', ref],
];

describe('a checklist given on the command line', () => {
  it.each(['zh', 'en'] as const)('unknown: one message from every command, exit 2 (%s)', async (lang) => {
    const messages = new Set<string>();
    for (const args of COMMANDS('no-such-list')) {
      if (args.includes('--checklist-template')) continue; // needs a built-in: its own message names that
      const r = await cli([...args, '--lang', lang]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      messages.add(r.stderr);
    }
    expect([...messages]).toEqual([
      lang === 'zh' ? 'wangxin: 错误: 找不到检查表“no-such-list”（内置：county-cyber-2018）\n' : 'wangxin: error: no checklist "no-such-list" (built-in: county-cyber-2018)\n',
    ]);
  });

  it('unknown to a command that reads answer files: a usage error (exit 2), not a finding against a good file', async () => {
    const readers = [
      ['validate', 'answers/a.yaml'],
      ['score', 'answers/a.yaml'],
      ['compare', 'answers/a.yaml', 'answers/a.yaml'],
      ['convert', 'answers/a.yaml', '--out', 'a.xlsx'],
      ['review', 'answers/a.yaml', '--reviewer', '赵强'],
      ['ledger', 'answers'],
    ];
    for (const args of readers) {
      const r = await cli([...args, '--checklist', 'no-such-list', '--lang', 'en']);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, args.join(' ')).toBe('wangxin: error: no checklist "no-such-list" (built-in: county-cyber-2018)\n');
    }
  });

  it('broken: the same heading from every command, then its located errors, exit 2', async () => {
    for (const args of COMMANDS('broken.yaml')) {
      if (args.includes('--checklist-template')) continue;
      const r = await cli([...args, '--lang', 'en']);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^wangxin: error: the checklist broken\.yaml has errors and cannot be used:\n.*broken\.yaml:\d+:\d+/);
    }
  });
});
