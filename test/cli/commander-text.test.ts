// Commander's own words — parse errors, usage words, defaults — in the user's language, through its hooks.
import { describe, expect, it } from 'vitest';
import { runBinary, runInProcess } from '../helpers/run-cli.js';

/** Commander's English, which must not reach a Chinese screen. */
const ENGLISH = /missing required argument|argument missing|unknown option|unknown command|too many arguments|not specified|Did you mean|\(default:|\[options\]|\[command\]|error: /;

describe('commander in Chinese', () => {
  it.each([
    [['score'], '缺少必需的参数 answers'],
    [['scor'], '未知命令 scor（是否想输入 score？）'],
    [['score', '--bogus'], '未知选项 --bogus'],
    [['score', 'x.yaml', '--fromat', 'json'], '未知选项 --fromat（是否想输入 --format？）'],
    [['validate', 'x.yaml', '--format'], '选项 --format <format> 缺少取值'],
    [['score', 'a.yaml', 'b.yaml'], '命令 score 的参数过多：应有 1 个，实际给了 2 个'],
    [['migrate', 'a.yaml'], '必须给出选项 --to <idOrPath>'],
  ])('%j is a located usage error in Chinese (exit 2)', async (args, said) => {
    const r = await runInProcess(args, { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).toMatch(/^wangxin: 错误: 用法错误：/);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it('help shows [选项], [命令] and defaults in Chinese', async () => {
    const top = await runInProcess(['--help']);
    expect(top.stdout).toContain('用法： wangxin [选项] [命令]');
    expect(top.stdout).toMatch(/^ {2}validate \[选项\] <files\.\.\.>/m);
    expect(top.stdout).toMatch(/^ {2}help \[命令\]/m);
    const validate = await runInProcess(['validate', '--help']);
    expect(validate.stdout).toContain('用法： wangxin validate [选项] <files...>');
    expect(validate.stdout).toContain('输出格式：text 或 json（默认：text）');
    for (const help of [top.stdout, validate.stdout]) expect(help).not.toMatch(ENGLISH);
    // The real binary too, Chinese by default.
    const bin = runBinary(['score'], { LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined });
    expect(bin.code).toBe(2);
    expect(bin.stderr).toContain('缺少必需的参数 answers');
  });
});

describe('commander in English', () => {
  it.each([
    [['score'], "missing required argument 'answers'"],
    [['scor'], "unknown command 'scor' (did you mean score?)"],
    [['score', 'x.yaml', '--fromat', 'json'], "unknown option '--fromat' (did you mean --format?)"],
    [['score', 'a.yaml', 'b.yaml'], "too many arguments for 'score': 1 is expected, 2 were given"],
    [['migrate', 'a.yaml'], "required option '--to <idOrPath>' not given"],
  ])('%j says so in English (exit 2)', async (args, said) => {
    const r = await runInProcess([...args, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).toMatch(/^wangxin: error: usage error: /);
    expect(r.stderr).not.toContain('\n(Did you mean');
  });

  it('help keeps [options] and shows the default', async () => {
    const validate = await runInProcess(['validate', '--help', '--lang', 'en']);
    expect(validate.stdout).toContain('Usage: wangxin validate [options] <files...>');
    expect(validate.stdout).toContain('output format: text or json (default: text)');
  });
});
