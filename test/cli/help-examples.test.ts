// Every command's --help ends with examples in the user's language (示例 / Examples), each example a wangxin command line.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { makePaint } from '../../src/io/io.js';
import { PassThrough } from 'node:stream';
import { runBinary, runInProcess } from '../helpers/run-cli.js';

/** The registered command names (from the program itself, so a new command cannot be forgotten). */
async function commandNames(): Promise<string[]> {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: new PassThrough(), env: {}, cwd: process.cwd() };
  const program = await buildProgram({ io, lang: 'zh', paint: await makePaint(false), paintErr: await makePaint(false) }, () => undefined);
  return program.commands.map((c) => c.name()).filter((n) => n !== 'help');
}

const NAMES = await commandNames();

describe('help examples', () => {
  it('covers the commands of this release', () => {
    for (const name of ['list', 'validate', 'run', 'score', 'schema', 'init', 'compare', 'migrate']) expect(NAMES).toContain(name);
  });

  it.each(NAMES.map((n) => [n]))('%s --help shows 示例 in Chinese and Examples with --lang en', async (name) => {
    const zh = await runInProcess([name, '--help']);
    expect(zh.code).toBe(0);
    const zhBlock = zh.stdout.split('\n示例：\n')[1];
    expect(zhBlock, zh.stdout).toBeDefined();
    const zhLines = zhBlock.trimEnd().split('\n');
    expect(zhLines.length).toBeGreaterThan(0);
    for (const line of zhLines) expect(line).toMatch(new RegExp(`^ {2}wangxin ${name}\\b.* # \\S`));
    expect(zhBlock).toMatch(/[\u4e00-\u9fff]/);

    const en = await runInProcess([name, '--help', '--lang', 'en']);
    expect(en.code).toBe(0);
    const enBlock = en.stdout.split('\nExamples:\n')[1];
    expect(enBlock, en.stdout).toBeDefined();
    expect(en.stdout).not.toMatch(/示例/);
    // The explanations are English (command lines may hold Chinese file names).
    for (const line of enBlock.trimEnd().split('\n')) expect(line.split(' # ')[1]).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('the real binary shows them, English from LANG', () => {
    expect(runBinary(['init', '--help']).stdout).toMatch(/示例：\n {2}wangxin init /);
    expect(runBinary(['compare', '--help'], { LANG: 'en_US.UTF-8' }).stdout).toMatch(/Examples:\n {2}wangxin compare /);
  });
});
