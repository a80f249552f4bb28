// One table of CLI cases, run both in-process (main) and against the built binary, like markdownlint-cli2.
import { describe, expect, it } from 'vitest';
import { runBinary, runInProcess, type CliResult } from '../helpers/run-cli.js';

interface CliCase {
  name: string;
  args: string[];
  env?: Record<string, string>;
  code: number;
  stdout?: RegExp;
  stderr?: RegExp;
  /** Patterns that must not appear anywhere (e.g. stack traces). */
  never?: RegExp;
}

const EXAMPLES = ['township', 'department', 'cyber-office', 'internet-enterprise', 'cii-operator'].map((t) => `examples/answers/${t}.yaml`);
const FIX = 'test/fixtures/diagnostics';
const STACK = /\n\s+at .+:\d+:\d+|Error: .*\n\s+at /;

export const CLI_CASES: CliCase[] = [
  { name: 'validate the built-in checklist and examples', args: ['validate', 'checklists/county-cyber-2018.yaml', ...EXAMPLES], code: 0, stdout: /6 个文件：6 个通过/ },
  { name: 'validate in English', args: ['validate', '--lang', 'en', EXAMPLES[0]], code: 0, stdout: /1 file\(s\): 1 valid/ },
  { name: 'LANG=en picks English', args: ['validate', EXAMPLES[0]], env: { LANG: 'en_US.UTF-8' }, code: 0, stdout: /valid \(answer file\)/ },
  { name: 'invalid answer file is exit 1 with a located error', args: ['validate', `${FIX}/answers-value-out-of-range.yaml`], code: 1, stdout: /answers-value-out-of-range\.yaml:5:20 .*VALUE_OUT_OF_RANGE/ },
  { name: 'code frame with caret', args: ['validate', `${FIX}/schema-enum.yaml`], code: 1, stdout: /> 5 \|.*status: maybe[\s\S]*\|\s+\^{5}/ },
  { name: 'json format', args: ['validate', '--format', 'json', `${FIX}/answers-unknown-item.yaml`], code: 1, stdout: /"line": 6,[\s\S]*"code": "UNKNOWN_ITEM"/ },
  { name: 'missing file is exit 2, one line', args: ['validate', 'nope/missing.yaml'], code: 2, stderr: /missing\.yaml .*FILE_NOT_FOUND/ },
  { name: 'a folder is exit 2', args: ['validate', 'examples'], code: 2, stderr: /FILE_IS_DIRECTORY/ },
  { name: 'GBK file is exit 2 with advice', args: ['validate', `${FIX}/encoding-gbk.yaml`], code: 2, stderr: /另存为 UTF-8/ },
  { name: 'binary file is exit 2', args: ['validate', `${FIX}/binary.yaml`], code: 2, stderr: /BINARY_FILE/ },
  { name: 'unreadable beats invalid: exit 2', args: ['validate', `${FIX}/schema-enum.yaml`, 'nope.yaml'], code: 2 },
  { name: 'alias bomb is refused quickly', args: ['validate', `${FIX}/yaml-alias-bomb.yaml`], code: 1, stdout: /YAML_ALIAS_LIMIT/ },
  { name: 'deep nesting is refused', args: ['validate', `${FIX}/yaml-too-deep.yaml`], code: 1, stdout: /YAML_TOO_DEEP/ },
  { name: 'answers checked against a checklist given on the command line', args: ['validate', '--checklist', 'checklists/county-cyber-2018.yaml', EXAMPLES[1]], code: 0 },
  { name: 'SOURCE_DATE_EPOCH that names no time: a usage error', args: ['score', EXAMPLES[1]], env: { SOURCE_DATE_EPOCH: '99999999999999' }, code: 2, stderr: /SOURCE_DATE_EPOCH 须为自 1970 年起的整秒数（如 1767225600），而不是“99999999999999”/ },
  { name: 'SOURCE_DATE_EPOCH that is a word: a usage error', args: ['batch', 'examples/answers'], env: { SOURCE_DATE_EPOCH: 'abc' }, code: 2, stderr: /SOURCE_DATE_EPOCH/ },
  { name: 'unknown --checklist id: a usage error', args: ['validate', '--checklist', 'no-such-list', EXAMPLES[1]], code: 2, stderr: /找不到检查表“no-such-list”/ },
  { name: 'bad --format is a usage error', args: ['validate', '--format', 'xml', EXAMPLES[0]], code: 2, stderr: /--format/ },
  { name: 'bad --lang is a usage error', args: ['validate', '--lang', 'fr', EXAMPLES[0]], code: 2, stderr: /--lang/ },
  { name: 'validate without files is a usage error', args: ['validate'], code: 2, stderr: /用法错误/ },
  { name: 'unknown command is a usage error', args: ['frobnicate'], code: 2, stderr: /frobnicate/ },
  { name: 'a veto item answered partial is a located error', args: ['validate', `${FIX}/answers-veto-partial.yaml`], code: 1, stdout: /answers-veto-partial\.yaml:5:21 .*VETO_NOT_PASS_FAIL/ },
  { name: 'score refuses a veto item answered partial', args: ['score', `${FIX}/answers-veto-partial.yaml`], code: 1, stderr: /answers-veto-partial\.yaml:5:21 .*只能答 pass（符合）或 fail（不符合）/ },
  { name: 'batch reports a veto item answered na as an invalid file', args: ['batch', '--lang', 'en', `${FIX}/answers-veto-na.yaml`], code: 1, stdout: /\| Invalid files \| 1 \|[\s\S]*answers-veto-na\.yaml:5:21` item A1\.1\.3 is a veto item: answer it pass or fail, not na/, stderr: /answers-veto-na\.yaml:5:21 .*VETO_NOT_PASS_FAIL/ },
  { name: 'list shows the built-in checklist, current version first', args: ['list'], code: 0, stdout: /county-cyber-2018\s+1\.1\.0\s+78\s+县级网络安全[^\n]*\ncounty-cyber-2018\s+1\.0\.0\s+53\s+县级网络安全/ },
  { name: '--version', args: ['--version'], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { name: '--help in Chinese', args: ['--help'], code: 0, stdout: /用法：[\s\S]*validate/ },
  { name: 'validate --help in English', args: ['validate', '--help', '--lang', 'en'], code: 0, stdout: /Usage: wangxin validate/ },
  { name: 'no colour codes with NO_COLOR', args: ['validate', `${FIX}/schema-enum.yaml`], env: { FORCE_COLOR: '1', NO_COLOR: '1' }, code: 1, never: /\u001b\[/ },
  { name: 'colour with FORCE_COLOR', args: ['validate', `${FIX}/schema-enum.yaml`], env: { FORCE_COLOR: '1', NO_COLOR: '' }, code: 1, stdout: /\u001b\[/ },
  { name: '--no-color beats FORCE_COLOR', args: ['validate', '--no-color', `${FIX}/schema-enum.yaml`], env: { FORCE_COLOR: '1', NO_COLOR: '' }, code: 1, never: /\u001b\[/ },
];

function check(c: CliCase, r: CliResult): void {
  const context = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
  expect(r.code, context).toBe(c.code);
  if (c.stdout) expect(r.stdout, context).toMatch(c.stdout);
  if (c.stderr) expect(r.stderr, context).toMatch(c.stderr);
  if (c.never) expect(r.stdout + r.stderr).not.toMatch(c.never);
  expect(r.stdout + r.stderr, 'no stack traces').not.toMatch(STACK);
}

describe('CLI cases in-process', () => {
  it.each(CLI_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    check(c, await runInProcess(c.args, c.env));
  });
});

describe('CLI cases against the built binary', () => {
  it.each(CLI_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    check(c, runBinary(c.args, c.env));
  });
});
