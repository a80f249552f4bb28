// `wangxin schema`: printing and writing the JSON Schemas, its usage errors, its help examples, and the editor headers of shipped YAML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT, runBinary, runInProcess } from '../helpers/run-cli.js';
import { SCHEMA_NAMES, builtFromCurrentSchema, createAjv } from '../../src/validate/ajv-factory.js';
import { addExamples, example, formatExamples } from '../../src/cli/help-examples.js';
import { Command } from 'commander';
import { detectKind } from '../../src/validate/validate.js';
import { parseYaml } from '../../src/load/parse-yaml.js';

let tmp = '';
const schemaText = (name: string): string => readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8');

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-schema-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('wangxin schema NAME', () => {
  it.each(SCHEMA_NAMES.map((n) => [n]))('prints the %s schema as pretty JSON', async (name) => {
    const r = await runInProcess(['schema', name]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(schemaText(name)));
    expect(r.stdout).toBe(JSON.stringify(JSON.parse(schemaText(name)), null, 2) + '\n');
  });

  it('the real binary prints the answers schema', () => {
    const r = runBinary(['schema', 'answers']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$id).toMatch(/answers\.schema\.json$/);
  });

  it('an unknown name is a usage error (exit 2) naming the choices, in both languages', async () => {
    const zh = await runInProcess(['schema', 'answer']);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toMatch(/没有名为“answer”的 Schema（可选：checklist, answers, report, batch, roster, review）/);
    const en = await runInProcess(['schema', '--lang', 'en', 'nope']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/no schema named "nope" \(one of: checklist, answers, report, batch, roster, review\)/);
    expect(en.stderr).not.toMatch(/\n\s+at /);
  });

  it('without a name and without --out it is a usage error listing the names', async () => {
    const r = await runInProcess(['schema', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/name a schema \(checklist, answers, report, batch, roster, review\), or use --out DIR/);
    const bin = runBinary(['schema']);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toMatch(/请指定 Schema 名称/);
  });
});

describe('wangxin schema --out DIR', () => {
  it('writes one schema into a new nested folder, relative to the working folder', async () => {
    const r = await runInProcess(['schema', 'checklist', '--out', 'a/b'], {}, tmp);
    expect(r.code).toBe(0);
    expect(readdirSync(join(tmp, 'a/b'))).toEqual(['checklist.schema.json']);
    expect(JSON.parse(readFileSync(join(tmp, 'a/b/checklist.schema.json'), 'utf8'))).toEqual(JSON.parse(schemaText('checklist')));
    expect(r.stdout).toMatch(/已写入 a\/b\/checklist\.schema\.json/);
  });

  it('without a name writes every schema, replacing old files', async () => {
    const dir = join(tmp, 'all');
    await runInProcess(['schema', 'answers', '--out', dir]);
    writeFileSync(join(dir, 'answers.schema.json'), 'old');
    const r = await runInProcess(['schema', '--lang', 'en', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(SCHEMA_NAMES.map((n) => `${n}.schema.json`).sort());
    for (const n of SCHEMA_NAMES) expect(JSON.parse(readFileSync(join(dir, `${n}.schema.json`), 'utf8'))).toEqual(JSON.parse(schemaText(n)));
    expect(r.stdout.trim().split('\n')).toHaveLength(SCHEMA_NAMES.length);
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(dir).filter((f) => !f.endsWith('.schema.json'))).toEqual([]);
  });

  it('a folder that cannot be made (a file is in the way) is exit 2 with a message, no stack', async () => {
    const blocker = join(tmp, 'blocker');
    writeFileSync(blocker, 'x');
    const r = await runInProcess(['schema', '--lang', 'en', 'answers', '--out', join(blocker, 'sub')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*answers\.schema\.json/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(statSync(blocker).isFile()).toBe(true);
  });

  it('an unknown name with --out writes nothing', async () => {
    const dir = join(tmp, 'none');
    const r = await runInProcess(['schema', 'nope', '--out', dir]);
    expect(r.code).toBe(2);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('help examples', () => {
  it('schema --help shows examples in Chinese and in English', async () => {
    const zh = await runInProcess(['schema', '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/示例：\n {2}wangxin schema answers +# 在屏幕上显示答卷的 JSON Schema/);
    const en = await runInProcess(['schema', '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/Examples:\n {2}wangxin schema answers +# print the JSON Schema of answer files/);
    expect(en.stdout).not.toMatch(/示例/);
    expect(runBinary(['schema', '--help'], { LANG: 'en_US.UTF-8' }).stdout).toMatch(/Examples:/);
  });

  it('formatExamples aligns the comments, counting Chinese characters as two columns', () => {
    const text = formatExamples('zh', [
      example('wangxin a', 'cli.help.examples'),
      { command: { zh: 'wangxin 答卷.yaml', en: 'wangxin answers.yaml' }, zh: '乙', en: 'b' },
    ]);
    const lines = text.split('\n').filter((l) => l.includes('#'));
    expect(lines).toEqual(['  wangxin a          # 示例：', '  wangxin 答卷.yaml  # 乙']);
    // The English help shows the example's English command.
    expect(formatExamples('en', [{ command: { zh: 'wangxin 答卷.yaml', en: 'wangxin answers.yaml' }, zh: '乙', en: 'b' }])).toContain('wangxin answers.yaml  # b');
    expect(text.startsWith('\n示例：\n')).toBe(true);
  });

  it('addExamples adds to a command help, and nothing for an empty list', () => {
    const out: string[] = [];
    const cmd = new Command('x').configureOutput({ writeOut: (s) => out.push(s) });
    addExamples(cmd, 'en', []);
    expect(cmd.helpInformation()).not.toMatch(/Examples/);
    addExamples(cmd, 'en', [{ command: { zh: 'wangxin x', en: 'wangxin x' }, zh: '试', en: 'try' }]);
    cmd.outputHelp();
    expect(out.join('')).toMatch(/Examples:\n {2}wangxin x {2}# try\n/);
  });
});

describe('schemas and editors', () => {
  it('the build keeps each schema beside its precompiled validator, so commands use the precompiled one', () => {
    for (const n of SCHEMA_NAMES) expect(builtFromCurrentSchema(n), n).toBe(true);
  });

  it('every schema compiles with strict ajv (no precompiled code)', () => {
    const ajv = createAjv();
    for (const n of SCHEMA_NAMES) expect(ajv.getSchema(n), n).toBeTypeOf('function');
  });

  /** Every YAML file under a folder. */
  function yamlFiles(dir: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, name.name);
      if (name.isDirectory()) out.push(...yamlFiles(full));
      else if (/\.ya?ml$/.test(name.name)) out.push(full);
    }
    return out;
  }

  const shipped = [...yamlFiles(join(ROOT, 'checklists')), ...yamlFiles(join(ROOT, 'examples'))];

  it('the repository ships YAML files to check', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(8);
  });

  it.each(shipped.map((f) => [relative(ROOT, f), f]))('%s starts with a yaml-language-server $schema comment for its kind', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const first = text.split('\n')[0];
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, first).not.toBeNull();
    const target = resolve(dirname(file), match![1]);
    expect(existsSync(target), target).toBe(true);
    const parsed = parseYaml(text, file, { positions: false });
    const kind = parsed.value !== undefined ? detectKind(parsed.value) : undefined;
    expect(kind).toBeDefined();
    expect(target).toBe(join(ROOT, 'schemas', `${kind}.schema.json`));
  });
});
