// `wangxin batch --baseline DIR` end to end: the change column, the JSON shape and schema, warnings, unchanged exit codes, help.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getValidator } from '../../src/validate/ajv-factory.js';
import { runBinary, runInProcess } from '../helpers/run-cli.js';

const NEW = join('test', 'fixtures', 'batch', 'baseline', 'new');
const OLD = join('test', 'fixtures', 'batch', 'baseline', 'old');
const MIXED = join('test', 'fixtures', 'batch', 'mixed');
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const dir = mkdtempSync(join(tmpdir(), 'wangxin-batch-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ranked {
  file: string;
  unit: { name: string; type: string };
  score: number;
  baseline?: { score: number; delta: number; gradeChange: string } | null;
}
interface BatchJson {
  ranking: Ranked[];
  baseline?: { dir: string; matched: number; newUnits: number; missingUnits: { name: string; type: string; file?: string }[] };
}

const name = (file: string): string => file.replace(/\\/g, '/').split('/').pop()!;

describe('wangxin batch --baseline', () => {
  it('adds a Change column and a comparison section, warns about the bad baseline file, and keeps exit 0', async () => {
    const r = await runInProcess(['batch', NEW, '--baseline', OLD, '--lang', 'en'], EPOCH);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Rank | Rank in type | Unit | Type | Score | Change | Grade |');
    expect(r.stdout).toMatch(/\| 某某镇党委 \| Township party committee \| 88\.8 \| \+41\.4 ↑ \| Good \|/);
    expect(r.stdout).toMatch(/\| 县教育体育局 \| [^|]+ \| 50\.8 \| −11\.9 ↓ \| Fail \|/);
    expect(r.stdout).toMatch(/\| 某某网络科技有限公司 \| [^|]+ \| 88\.1 \| 0\.0 \| Good \|/);
    expect(r.stdout).toMatch(/\| 中共某某县委网络安全和信息化委员会办公室 \| [^|]+ \| 103\.9 \| new \|/);
    expect(r.stdout).toContain('## Compared with the baseline');
    expect(r.stdout).toContain('Units with a baseline: 3; new units: 1; units missing now: 1.');
    expect(r.stdout).toMatch(/### In the baseline but not validly submitted now \(1\)\n\n\| Unit \| Type \| Baseline file \|\n\| --- \| --- \| --- \|\n\| 某某县供电公司 \|/);
    // The invalid baseline file: one line on stderr, no code frame, no effect on the verdict.
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('baseline:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^baseline: skipped .*broken\.yaml:9:3: the checklist has no item "A9\.9\.9"$/);
    expect(r.stderr).not.toContain('> 9 |');
    expect(r.stderr).toContain('4 files: 4 valid, 0 invalid, 0 failing');
  });

  it('speaks Chinese by default', async () => {
    const r = await runInProcess(['batch', NEW, '--baseline', OLD], EPOCH);
    expect(r.stdout).toContain('| 名次 | 类型内名次 | 单位 | 类型 | 得分 | 变化 | 等次 |');
    expect(r.stdout).toMatch(/\| 103\.9 \| 新 \|/);
    expect(r.stdout).toContain('## 与基线比较');
    expect(r.stderr).toMatch(/^基线：已跳过 .*broken\.yaml:9:3：检查表中没有条目“A9\.9\.9”$/m);
  });

  it('writes JSON with baseline per unit and in aggregate, valid against schemas/batch.schema.json', async () => {
    const r = await runInProcess(['batch', NEW, '--baseline', OLD, '--format', 'json'], EPOCH);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as BatchJson;
    const validate = getValidator('batch');
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const byFile = new Map(json.ranking.map((u) => [name(u.file), u.baseline]));
    expect(byFile.get('township.yaml')).toMatchObject({ score: 47.4, delta: 41.36, gradeChange: 'up' });
    expect(byFile.get('department.yaml')).toMatchObject({ score: 62.71, delta: -11.86, gradeChange: 'down' });
    expect(byFile.get('internet-enterprise.yaml')).toMatchObject({ score: 88.1, delta: 0, gradeChange: 'same' });
    // Each matched unit is also followed up item by item (see batch-follow-up.test.ts for the numbers).
    for (const key of ['township.yaml', 'department.yaml', 'internet-enterprise.yaml']) {
      expect(Object.keys(byFile.get(key) as object)).toEqual(['score', 'delta', 'gradeChange', 'followUp']);
    }
    expect(byFile.get('cyber-office.yaml')).toBeNull();
    expect(json.baseline).toMatchObject({
      dir: OLD,
      matched: 3,
      newUnits: 1,
      missingUnits: [{ name: '某某县供电公司', type: 'cii-operator', file: join(OLD, 'cii-operator.yaml') }],
    });
    expect(Object.keys(json.baseline!)).toEqual(['dir', 'matched', 'newUnits', 'missingUnits', 'followUp']);
    // The schema is strict: an unknown field in the baseline is refused.
    const broken = { ...json, baseline: { ...json.baseline, extra: 1 } };
    expect(validate(broken)).toBe(false);
    const badChange = { ...json, ranking: json.ranking.map((u) => ({ ...u, baseline: u.baseline ? { ...u.baseline, gradeChange: 'sideways' } : null })) };
    expect(validate(badChange)).toBe(false);
  });

  it('adds no baseline fields without --baseline', async () => {
    const r = await runInProcess(['batch', NEW, '--format', 'json'], EPOCH);
    const json = JSON.parse(r.stdout) as BatchJson;
    expect(json.baseline).toBeUndefined();
    expect(json.ranking.every((u) => !('baseline' in u))).toBe(true);
    const md = await runInProcess(['batch', NEW, '--lang', 'en'], EPOCH);
    expect(md.stdout).not.toContain('| Change |');
  });

  it('never changes the exit code: a failing batch stays 1, also with a broken or empty baseline', async () => {
    const without = await runInProcess(['batch', MIXED, '--format', 'json'], EPOCH);
    const withBase = await runInProcess(['batch', MIXED, '--baseline', OLD, '--format', 'json'], EPOCH);
    expect(without.code).toBe(1);
    expect(withBase.code).toBe(1);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const r = await runInProcess(['batch', NEW, '--baseline', empty, '--lang', 'en'], EPOCH);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('baseline: no answer files or reports');
    expect(r.stdout).toContain('new units: 4');
    // A baseline of nothing but bad files: warnings only.
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'x.yaml'), 'schemaVersion: [');
    writeFileSync(join(bad, 'y.json'), '{ "schemaVersion": 1, "items": [], "score": 1 }');
    const r2 = await runInProcess(['batch', NEW, '--baseline', bad, '--lang', 'en'], EPOCH);
    expect(r2.code).toBe(0);
    expect(r2.stderr.split('\n').filter((l) => l.startsWith('baseline: skipped'))).toHaveLength(2);
  });

  it('is a usage error (exit 2) when the baseline does not exist, before anything is scored', async () => {
    const r = await runInProcess(['batch', NEW, '--baseline', 'no-such-folder', '--lang', 'en'], EPOCH);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('baseline not found: no-such-folder');
    expect(r.stdout).toBe('');
  });

  it('works from the built binary with --jobs and --out', () => {
    const out = join(dir, 'summary.md');
    const r = runBinary(['batch', NEW, '--baseline', OLD, '--jobs', '2', '--out', out, '--lang', 'en'], EPOCH);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('| Change |');
  });

  it('lists --baseline in the localised help, with an example', async () => {
    const en = await runInProcess(['batch', '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/--baseline <dir>\s+compare with earlier submissions/);
    expect(en.stdout).toContain('wangxin batch examples/loop/2026/ --baseline examples/loop/2025/');
    const zh = await runInProcess(['batch', '--help', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/--baseline <dir>\s+与以往的提交比较/);
    expect(zh.stdout).toContain("与去年的提交比较");
  });
});
