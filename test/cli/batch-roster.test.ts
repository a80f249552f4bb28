// `wangxin batch --roster` and `wangxin init --roster`: who has not submitted, who is not on the roster, located roster errors.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getValidator } from '../../src/validate/ajv-factory.js';
import { findAll, parseXml } from '../batch/xml.js';
import { ROOT, runInProcess } from '../helpers/run-cli.js';

const COUNTY = join('test', 'fixtures', 'batch', 'county');
const CHECKLIST = join(COUNTY, 'checklist.yaml');
const ROSTERS = join('test', 'fixtures', 'batch', 'roster');
const EXAMPLES = join('examples', 'answers');
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const dir = mkdtempSync(join(tmpdir(), 'wangxin-roster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface RosterJson {
  file: string;
  expected: number;
  submitted: number;
  missing: { name: string; type: string; typeLabel: string }[];
  notOnRoster: { name: string; file: string }[];
}

describe('wangxin batch --roster', () => {
  it('lists the units missing and the submissions from units not on the roster, with the counts', async () => {
    const r = await runInProcess(['batch', COUNTY, '--checklist', CHECKLIST, '--roster', join(ROSTERS, 'units.yaml'), '--format', 'json'], EPOCH);
    const json = JSON.parse(r.stdout) as { roster: RosterJson; counts: Record<string, number> };
    expect(getValidator('batch')(json)).toBe(true);
    // On the roster: 甲镇, 乙镇, 丙局 (written with a leading space: names compare trimmed), 戊镇.
    // Submitted: 甲镇, 乙镇 (twice; one counts), 丙局, 丁局. So 戊镇 is missing and 丁局 is extra.
    expect(json.roster).toEqual({
      file: join(ROSTERS, 'units.yaml'),
      expected: 4,
      submitted: 3,
      missing: [{ name: '戊镇', type: 'township', typeLabel: '乡镇' }],
      notOnRoster: [{ name: '丁局', type: 'department', typeLabel: '部门', file: join(COUNTY, 'ding.yaml') }],
    });
    expect(r.stderr).toContain('名单上 4 个单位中有 1 个未报送');
    const md = await runInProcess(['batch', COUNTY, '--checklist', CHECKLIST, '--roster', join(ROSTERS, 'units.yaml'), '--lang', 'en'], EPOCH);
    expect(md.stdout).toContain(`Roster ${join(ROSTERS, 'units.yaml')}: 4 units due, 3 submitted, 1 missing; 1 submission from units not on the roster.`);
    expect(md.stdout).toContain('### Units that have not submitted (1)');
    expect(md.stdout).toContain('| 戊镇 | Township |');
    expect(md.stdout).toContain(`| 丁局 | Department | ${join(COUNTY, 'ding.yaml')} |`);
    expect(md.stdout).toContain('| Units missing | 1 |');
  });

  it('fails the batch when a unit is missing, unless --allow-missing; JUnit lists the missing unit', async () => {
    const roster = join(dir, 'examples.yaml');
    const names = readFileSync(join(ROOT, EXAMPLES, 'township.yaml'), 'utf8');
    expect(names).toContain('某某镇党委');
    writeFileSync(
      roster,
      [
        'schemaVersion: 1',
        'units:',
        '  - { name: 某某镇党委, type: township }',
        '  - { name: 县教育体育局, type: department }',
        '  - { name: 某某县供电公司, type: cii-operator }',
        '  - { name: 某某网络科技有限公司, type: internet-enterprise }',
        '  - { name: 中共某某县委网络安全和信息化委员会办公室, type: cyber-office }',
        '',
      ].join('\n'),
    );
    // Every unit of the examples submitted and passes: exit 0.
    expect((await runInProcess(['batch', EXAMPLES, '--roster', roster], EPOCH)).code).toBe(0);
    writeFileSync(roster, readFileSync(roster, 'utf8') + '  - { name: 西城镇党委, type: township }\n');
    const junit = join(dir, 'junit.xml');
    const missing = await runInProcess(['batch', EXAMPLES, '--roster', roster, '--junit', junit], EPOCH);
    expect(missing.code).toBe(1);
    const suite = findAll(parseXml(readFileSync(junit, 'utf8')), 'testsuite')[0];
    expect(suite.attributes).toMatchObject({ tests: '6', failures: '1' });
    expect(findAll(suite, 'testcase').find((c) => c.attributes.name === '西城镇党委')).toBeDefined();
    const allowed = await runInProcess(['batch', EXAMPLES, '--roster', roster, '--allow-missing'], EPOCH);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('| 西城镇党委 | 乡（镇）党委 |');
  });

  it('stops with located errors (exit 2) for a roster that breaks the schema or its rules', async () => {
    const schema = await runInProcess(['batch', COUNTY, '--checklist', CHECKLIST, '--roster', join(ROSTERS, 'bad-schema.yaml'), '--lang', 'en'], EPOCH);
    expect(schema.code).toBe(2);
    expect(schema.stdout).toBe('');
    expect(schema.stderr).toMatch(/bad-schema\.yaml:5:5 {2}error {2}units\[1\]: missing required field "type"/);
    const rules = await runInProcess(['batch', COUNTY, '--checklist', CHECKLIST, '--roster', join(ROSTERS, 'bad-rules.yaml')], EPOCH);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toMatch(/bad-rules\.yaml:5:23 {2}错误 {2}适用单位类型“village”未在 unitTypes 中声明（已声明：township, department）/);
    expect(rules.stderr).toMatch(/bad-rules\.yaml:6:13 {2}错误 .*甲镇 \(township\).*第 4 行/);
    const gone = await runInProcess(['batch', COUNTY, '--roster', join(dir, 'nope.yaml')], EPOCH);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('nope.yaml');
  });
});

describe('wangxin init --roster', () => {
  it('writes a starter roster that validates, lists the unit types, and works with batch as it is', async () => {
    const r = await runInProcess(['init', '--roster', '--out', 'units.yaml'], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'units.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/roster\.schema\.json$/);
    expect(text).toMatch(/# {3}township {13}乡（镇）党委/);
    const b = await runInProcess(['batch', join(ROOT, EXAMPLES), '--roster', 'units.yaml', '--format', 'json'], EPOCH, dir);
    expect(b.code, b.stderr).toBe(0);
    expect((JSON.parse(b.stdout) as { roster: RosterJson }).roster).toMatchObject({ expected: 0, missing: [] });
    // Its commented example, enabled, is a valid roster too.
    writeFileSync(join(dir, 'enabled.yaml'), text.replace(/^units: \[\]$/m, '').replace(/^# units:$/m, 'units:').replace(/^# {3}- /m, '  - '));
    const enabled = await runInProcess(['batch', join(ROOT, EXAMPLES), '--roster', 'enabled.yaml', '--format', 'json'], EPOCH, dir);
    expect((JSON.parse(enabled.stdout) as { roster: RosterJson }).roster).toMatchObject({ expected: 1, submitted: 1, missing: [] });
    expect((await runInProcess(['init', '--roster', '--unit-type', 'township'], {}, dir)).code).toBe(2);
    expect((await runInProcess(['init', '--roster', '--out', 'units.yaml'], {}, dir)).code).toBe(2);
  });
});

describe('a roster kept among the submissions', () => {
  it('is an other file to batch (even the one given as --roster) and the ledger, and validate checks it as a roster', async () => {
    const folder = join(dir, 'kept');
    mkdirSync(folder);
    cpSync(join(EXAMPLES, 'township.yaml'), join(folder, 'township.yaml'));
    const roster = join(folder, 'units.yaml');
    writeFileSync(roster, 'schemaVersion: 1\nunits:\n  - { name: 某某镇党委, type: township }\n');
    const r = await runInProcess(['batch', folder, '--roster', roster, '--format', 'json', '--junit', join(dir, 'kept.xml')], EPOCH);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(getValidator('batch')(doc)).toBe(true);
    expect(doc.otherFiles).toEqual([{ file: roster, kind: 'roster', id: null, version: null }]);
    expect(doc.counts).toMatchObject({ files: 1, valid: 1, invalid: 0, other: 1 });
    expect(doc.roster.missing).toEqual([]);
    const skipped = findAll(parseXml(readFileSync(join(dir, 'kept.xml'), 'utf8')), 'skipped').map((s) => s.attributes.message);
    expect(skipped).toEqual(['应报单位名单，不是答卷：未评分']);
    const md = await runInProcess(['batch', folder, '--lang', 'en'], EPOCH);
    expect(md.stdout).toContain(`| ${roster} | a roster of the units due (checked only when given with --roster) |`);
    expect((await runInProcess(['ledger', folder, '--format', 'json', '--as-of', '2026-11-15'])).code).toBe(0);

    const v = await runInProcess(['validate', roster, '--lang', 'en']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain('valid (roster)');
    writeFileSync(roster, 'schemaVersion: 1\nunits:\n  - { name: 某某镇党委, type: township }\n  - { name: 某某镇党委, type: township }\n');
    const twice = await runInProcess(['validate', roster, '--lang', 'en']);
    expect(twice.code).toBe(1);
    expect(twice.stdout + twice.stderr).toMatch(/units\.yaml:4:\d+ +error .*used twice.*DUPLICATE_ID/);
  });
});

describe('wangxin\'s own workbooks kept among the submissions', () => {
  it('are other files to batch and the ledger, and validate says what they are', async () => {
    const folder = join(dir, 'own');
    cpSync(EXAMPLES, folder, { recursive: true });
    const summary = join(folder, '汇总.xlsx');
    const ledger = join(folder, '台账.xlsx');
    expect((await runInProcess(['batch', folder, '--out', summary], EPOCH)).code).toBe(0);
    expect((await runInProcess(['ledger', folder, '--out', ledger], EPOCH)).code).toBe(0);
    const again = await runInProcess(['batch', folder, '--format', 'json'], EPOCH);
    expect(again.code, again.stderr).toBe(0);
    const doc = JSON.parse(again.stdout);
    expect(getValidator('batch')(doc)).toBe(true);
    expect(doc.otherFiles).toEqual([
      { file: ledger, kind: 'output', id: null, version: null },
      { file: summary, kind: 'output', id: null, version: null },
    ]);
    expect(doc.counts).toMatchObject({ files: 5, invalid: 0, other: 2 });
    expect((await runInProcess(['ledger', folder, '--format', 'json'], EPOCH)).code).toBe(0);
    const v = await runInProcess(['validate', summary, '--lang', 'en']);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain('this is a batch summary workbook wangxin wrote, not an answer workbook');
  });

  it('are replaced when the same command is run again with --out in the folder, and not read as files of it', async () => {
    const folder = join(dir, 'again');
    cpSync(EXAMPLES, folder, { recursive: true });
    const summary = join(folder, 'summary.xlsx');
    const ledger = join(folder, 'ledger.xlsx');
    for (let round = 0; round < 2; round++) {
      const b = await runInProcess(['batch', folder, '--out', summary], EPOCH);
      expect(b.code, b.stderr).toBe(0);
      const l = await runInProcess(['ledger', folder, '--out', ledger], EPOCH);
      expect(l.code, l.stderr).toBe(0);
    }
    // The summary of the second run lists the ledger as another file, not the summary it replaced.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells.some((c) => c.endsWith('ledger.xlsx'))).toBe(true);
    expect(cells.some((c) => c.endsWith('summary.xlsx'))).toBe(false);
    // An answer workbook named as --out is still an input, never replaced.
    const answers = join(folder, 'unit.xlsx');
    expect((await runInProcess(['convert', join(EXAMPLES, 'township.yaml'), '--out', answers])).code).toBe(0);
    const refused = await runInProcess(['batch', folder, '--out', answers, '--lang', 'en'], EPOCH);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('writing it would overwrite that file');
  });
});
