// `batch --verify-evidence` with real submission folders: missing, changed and escaping evidence fail their unit, in every output.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getValidator } from '../../src/validate/ajv-factory.js';
import { parseXml, type XmlElement } from '../batch/xml.js';
import { runInProcess } from '../helpers/run-cli.js';

let root = '';
const EXAMPLE_HEAD = (name: string): string =>
  `schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.0.0 }\nunit: { name: ${name}, type: township }\nanswers:\n`;

/** A submission folder `<root>/in/<unit>/answers.yaml` with the given A1.1.1 evidence and files. */
function unit(name: string, evidence: string, files: Record<string, string> = {}): string {
  const dir = join(root, 'in', name);
  mkdirSync(dir, { recursive: true });
  for (const [f, content] of Object.entries(files)) writeFileSync(join(dir, f), content);
  writeFileSync(join(dir, 'answers.yaml'), EXAMPLE_HEAD(name) + `  A1.1.1: { status: pass, evidence: ${evidence} }\n`);
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wangxin-verify-'));
  writeFileSync(join(root, 'secret.txt'), 'outside the submission');
  const clean = unit('clean', '[a.pdf, "https://example.org/x"]', { 'a.pdf': 'A' });
  unit('tampered', '[a.pdf]', { 'a.pdf': 'original' });
  unit('missing', '[gone.pdf]');
  unit('escape', '["../../secret.txt"]');
  const linked = unit('linked', '[link.pdf]');
  symlinkSync(join(root, 'secret.txt'), join(linked, 'link.pdf'));
  // Record digests with the real command, then tamper with one file.
  for (const n of ['clean', 'tampered']) {
    const r = await runInProcess(['evidence', join(root, 'in', n, 'answers.yaml')]);
    expect(r.code, r.stderr).toBe(0);
  }
  writeFileSync(join(root, 'in', 'tampered', 'a.pdf'), 'edited after recording');
  expect(readFileSync(join(clean, 'answers.yaml'), 'utf8')).toContain('sha256:');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface BatchJson {
  counts: { failed: number };
  files: { file: string; failed: boolean; reasons: string[]; evidence?: { item: string; path: string; problem: string }[] }[];
}

describe('batch --verify-evidence', () => {
  it('fails units with missing, changed or escaping evidence (exit 1); the clean one passes; JSON fits the schema', async () => {
    const r = await runInProcess(['batch', '--verify-evidence', '--allow-incomplete', '--format', 'json', '--lang', 'en', join(root, 'in')], { SOURCE_DATE_EPOCH: '1767225600' });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as BatchJson;
    const validate = getValidator('batch');
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const by = new Map(json.files.map((f) => [f.file.split(/[\\/]/).slice(-2, -1)[0], f]));
    expect(by.get('clean')).toMatchObject({ failed: false, reasons: [] });
    expect(by.get('clean')?.evidence).toBeUndefined();
    expect(by.get('tampered')).toMatchObject({ failed: true, reasons: ['evidence'], evidence: [{ item: 'A1.1.1', path: 'a.pdf', problem: 'changed' }] });
    expect(by.get('missing')).toMatchObject({ reasons: ['evidence'], evidence: [{ path: 'gone.pdf', problem: 'missing' }] });
    expect(by.get('escape')?.evidence?.map((e) => e.problem)).toEqual(['outside']);
    expect(by.get('linked')?.evidence?.map((e) => e.problem)).toEqual(['outside']);
    expect(json.counts.failed).toBe(4);
    expect(r.stderr).toContain('evidence changed since recorded (digest mismatch): A1.1.1 a.pdf');
  });

  it('records and checks a done rectification task\'s evidence as it does an answer\'s', async () => {
    const dir = join(root, 'tasks', 'town');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'proof.pdf'), 'fixed');
    const file = join(dir, 'answers.yaml');
    const task = (evidence: string): string => `  A1.2.2: { status: partial, note: x, rectify: { measures: 修订问题清单, owner: 王芳, due: 2026-06-30, status: done, doneOn: 2026-06-20, evidence: ${evidence} } }\n`;
    writeFileSync(file, EXAMPLE_HEAD('测试镇') + task('[proof.pdf]'));
    const recorded = await runInProcess(['evidence', file]);
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/rectify:.*evidence:.*path: proof\.pdf, sha256: [0-9a-f]{64}/s);
    writeFileSync(join(dir, 'proof.pdf'), 'edited afterwards');
    const batch = async (): Promise<BatchJson> => JSON.parse((await runInProcess(['batch', '--verify-evidence', '--allow-incomplete', '--format', 'json', dir])).stdout) as BatchJson;
    const json = await batch();
    expect(getValidator('batch')(json)).toBe(true);
    expect(json.files[0].evidence).toMatchObject([{ item: 'A1.2.2', path: 'proof.pdf', problem: 'changed', task: true }]);
    writeFileSync(file, EXAMPLE_HEAD('测试镇') + task('[不存在.pdf, ../../../secret.txt]'));
    expect((await batch()).files[0].evidence?.map((e) => e.problem)).toEqual(['missing', 'outside']);
  });

  it('evidence never rewrites an answer file made read-only (exit 2, the file as it was)', async () => {
    const dir = join(root, 'frozen');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.pdf'), 'A');
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, EXAMPLE_HEAD('冻结镇') + '  A1.1.1: { status: pass, evidence: [a.pdf] }\n');
    chmodSync(file, 0o444);
    const before = readFileSync(file, 'utf8');
    const r = await runInProcess(['evidence', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is read-only (no one may write it) and is not rewritten');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('without the flag, evidence is not looked at (the same folder passes)', async () => {
    const r = await runInProcess(['batch', '--allow-incomplete', '--format', 'json', join(root, 'in')]);
    expect(r.code).toBe(0);
  });

  it('Markdown lists each finding in a table; JUnit has a failure per tampered unit', async () => {
    const junit = join(root, 'junit.xml');
    const r = await runInProcess(['batch', '--verify-evidence', '--allow-incomplete', '--junit', junit, join(root, 'in')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('## 佐证材料问题 (4)');
    expect(r.stdout).toMatch(/\| A1\.1\.1 \| a\.pdf \| 佐证材料已被修改（摘要不符） \|/);
    const suites = parseXml(readFileSync(junit, 'utf8'));
    const failures: XmlElement[] = [];
    const walk = (e: XmlElement): void => {
      if (e.name === 'failure') failures.push(e);
      e.children.forEach(walk);
    };
    walk(suites);
    expect(failures).toHaveLength(4);
    expect(failures.map((f) => f.attributes.type)).toEqual(['evidence', 'evidence', 'evidence', 'evidence']);
    expect(failures.some((f) => f.attributes.message.includes('佐证材料不在提交文件夹内'))).toBe(true);
  });
});
