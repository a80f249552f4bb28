// `wangxin batch` end to end: summary numbers, ranking, JSON schema, JUnit, exit codes, --jobs 1 vs 2.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getValidator } from '../../src/validate/ajv-factory.js';
import { findAll, parseXml } from '../batch/xml.js';
import { ROOT, runBinary, runInProcess } from '../helpers/run-cli.js';
import { generateFiles } from '../../scripts/bench/generate.mjs';

const MIXED = join('test', 'fixtures', 'batch', 'mixed');
const EXAMPLES = join('examples', 'answers');
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const dir = mkdtempSync(join(tmpdir(), 'wangxin-batch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface BatchJson {
  schemaVersion: number;
  counts: Record<string, number>;
  ranking: { rank: number; file: string; unit: { name: string }; score: number; vetoed: boolean; complete: boolean; failed: boolean }[];
  files: { file: string; status: string; failed: boolean; reasons: string[]; errors: { line: number | null }[]; report?: unknown }[];
  duplicates: { files: string[] }[];
}

async function batchJson(args: string[], env = {}): Promise<{ code: number; json: BatchJson; stderr: string }> {
  const r = await runInProcess(['batch', ...args, '--format', 'json'], { ...EPOCH, ...env });
  return { code: r.code, json: JSON.parse(r.stdout) as BatchJson, stderr: r.stderr };
}

describe('wangxin batch: times for people', () => {
  it('the summary shows local time, YYYY-MM-DD HH:mm with the zone; JSON keeps the ISO instant', () => {
    const md = runBinary(['batch', EXAMPLES], { ...EPOCH, TZ: 'Asia/Shanghai' });
    expect(md.stdout).toContain('生成时间：2026-01-01 08:00 UTC+08:00');
    expect(runBinary(['batch', EXAMPLES, '--lang', 'en'], { ...EPOCH, TZ: 'UTC' }).stdout).toContain('Generated: 2026-01-01 00:00 UTC');
    const json = runBinary(['batch', EXAMPLES, '--format', 'json'], { ...EPOCH, TZ: 'Asia/Shanghai' });
    expect(JSON.parse(json.stdout).generatedAt).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('wangxin batch --out follows its extension', () => {
  it('s.json is JSON, s.jsonl is JSON Lines, s.csv is a usage error naming the formats', async () => {
    const json = join(dir, 's.json');
    expect((await runInProcess(['batch', EXAMPLES, '--out', json], EPOCH)).code).toBe(0);
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    expect(getValidator('batch')(doc), JSON.stringify(getValidator('batch').errors)).toBe(true);
    const jsonl = join(dir, 's.jsonl');
    expect((await runInProcess(['batch', EXAMPLES, '--out', jsonl], EPOCH)).code).toBe(0);
    const lines = readFileSync(jsonl, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) JSON.parse(line);
    const csv = join(dir, 's.csv');
    const bad = await runInProcess(['batch', EXAMPLES, '--out', csv, '--lang', 'en'], EPOCH);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot write a "\.csv" file; it writes \.md, \.markdown, \.html, \.htm, \.json, \.jsonl, \.ndjson/);
    expect(readdirSync(dir)).not.toContain('s.csv');
  });
});

describe('wangxin batch', () => {
  it('summarises a folder of valid, invalid, vetoed, incomplete and duplicate submissions (Markdown, exit 1)', async () => {
    const r = await runInProcess(['batch', MIXED, '--lang', 'en'], EPOCH);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('| Files | 7 |');
    // Six valid files, one of them the township's superseded copy: five units.
    expect(r.stdout).toContain('| Units (valid files) | 5 |');
    expect(r.stdout).toContain('| Invalid files | 1 |');
    expect(r.stdout).toContain('| Vetoed | 1 |');
    expect(r.stdout).toContain('| Incomplete | 1 |');
    expect(r.stdout).toContain('| Units submitted twice | 1 |');
    expect(r.stdout).toContain('| Superseded submissions, not counted | 1 |');
    // Invalid, vetoed, incomplete, and the township's superseded copy (a duplicate is a finding).
    expect(r.stdout).toContain('| Failing (CI fails) | 4 |');
    expect(r.stdout).toContain('## Submitted more than once (1)');
    // Neither file has a date: the last in path order counts; the unit type is shown by its label.
    expect(r.stdout).toMatch(/\| 某某镇党委 \| Township party committee \| [^|]*sub\/c-township-again\.yml \| [^|]*mixed\/a-township\.yaml \|/);
    // The invalid file is named with line:col on stderr (with a code frame) and in the summary.
    expect(r.stderr).toMatch(/invalid\.yaml:30:3 {2}error {2}the checklist has no item "A9\.9\.9"/);
    expect(r.stderr).toContain('> 30 |   A9.9.9: { status: pass }');
    expect(r.stdout).toContain('invalid.yaml:30:3');
    expect(r.stderr).toContain('7 files: 6 valid, 1 invalid, 4 failing');
    // Dot-folders, node_modules and non-YAML files are not submissions.
    expect(r.stdout).not.toContain('skipped.yaml');
    expect(r.stdout).not.toContain('notes.txt');
  });

  it('speaks Chinese by default', async () => {
    const r = await runInProcess(['batch', MIXED], EPOCH);
    expect(r.stdout).toContain('# 网信自查批量评分汇总');
    expect(r.stdout).toContain('| 文件 | 7 |');
    expect(r.stderr).toContain('7 个文件：6 个有效，1 个无效，4 个不通过');
  });

  it('writes JSON that validates against schemas/batch.schema.json, with every unit report', async () => {
    const { code, json } = await batchJson([MIXED]);
    expect(code).toBe(1);
    const validate = getValidator('batch');
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const report = getValidator('report');
    for (const f of json.files) if (f.report) expect(report(f.report), f.file).toBe(true);
    expect(json.files.filter((f) => f.report)).toHaveLength(6);
    expect(json.counts).toMatchObject({ files: 7, valid: 6, invalid: 1, vetoed: 1, incomplete: 1, failed: 4, duplicates: 1, superseded: 1 });
    // Verdict first: the vetoed unit ranks last whatever its points. Ties (the same township
    // answers three times) break by unit name, then by file.
    // The township's first copy (a-township.yaml) is superseded by its later one: not ranked.
    expect(json.ranking.map((r) => [r.rank, r.file.replace(/\\/g, '/').replace(`${MIXED}/`, '')])).toEqual([
      [1, 'b-township-other.yaml'],
      [1, 'sub/c-township-again.yml'],
      [3, 'incomplete.yaml'],
      [4, 'sub/deeper/department.yaml'],
      [5, 'vetoed.yaml'],
    ]);
    const byName = new Map(json.files.map((f) => [f.file.replace(/\\/g, '/').replace(`${MIXED}/`, ''), f]));
    expect(byName.get('vetoed.yaml')!.reasons).toEqual(['vetoed']);
    expect(byName.get('incomplete.yaml')!.reasons).toEqual(['incomplete']);
    expect(byName.get('invalid.yaml')!.reasons).toEqual(['invalid']);
    expect(byName.get('invalid.yaml')!.errors[0].line).toBe(30);
    // A unit submitted twice is listed once under duplicates, with both files.
    expect(json.duplicates.map((d) => d.files.map((f) => f.replace(/\\/g, '/').replace(`${MIXED}/`, '')))).toEqual([['a-township.yaml', 'sub/c-township-again.yml']]);
    // Each file's own entry judges the file alone (it is written as soon as the file is scored).
    expect(byName.get('a-township.yaml')!.reasons).toEqual([]);
    expect(byName.get('b-township-other.yaml')).not.toHaveProperty('duplicate');
  });

  it('writes JSON Lines with --format jsonl: a line per file, as in the JSON document, then the summary line', async () => {
    const out = join(dir, 'units.jsonl');
    const r = await runInProcess(['batch', MIXED, '--format', 'jsonl', '--out', out], EPOCH);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const { json } = await batchJson([MIXED]);
    expect(lines).toHaveLength(json.files.length + 1);
    expect(lines.slice(0, -1)).toEqual(json.files);
    const { files: _, ...aggregates } = json as unknown as Record<string, unknown>;
    expect(lines[lines.length - 1]).toEqual(aggregates);
    // Standard output too, when there is no --out, from the real binary as well.
    const piped = await runInProcess(['batch', MIXED, '--format', 'jsonl'], EPOCH);
    expect(piped.stdout).toBe(readFileSync(out, 'utf8'));
    const binary = runBinary(['batch', MIXED, '--format', 'jsonl'], EPOCH);
    expect(binary.code, binary.stderr).toBe(1);
    expect(binary.stdout).toBe(piped.stdout);
    expect(runBinary(['batch', MIXED, '--format', 'json'], EPOCH).stdout).toBe((await runInProcess(['batch', MIXED, '--format', 'json'], EPOCH)).stdout);
  });

  it('writes the JSON summary to --out, the same document as on standard output', async () => {
    const out = join(dir, 'summary.json');
    const r = await runInProcess(['batch', MIXED, '--format', 'json', '--out', out], EPOCH);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual((await batchJson([MIXED])).json);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Without --format, the format follows the extension of --out.
    const inferred = join(dir, 'inferred.json');
    await runInProcess(['batch', MIXED, '--out', inferred], EPOCH);
    expect(JSON.parse(readFileSync(inferred, 'utf8'))).toEqual((await batchJson([MIXED])).json);
  });

  it('writes the Markdown and HTML summaries to standard output as to --out, byte for byte, ending in one line break', async () => {
    for (const format of ['md', 'html']) {
      const out = join(dir, `same.${format}`);
      const r = await runInProcess(['batch', MIXED, '--format', format, '--out', out], EPOCH);
      expect(r.code).toBe(1);
      const stdout = await runInProcess(['batch', MIXED, '--format', format], EPOCH);
      expect(stdout.code).toBe(1);
      expect(stdout.stdout).toBe(readFileSync(out, 'utf8'));
      expect(stdout.stdout).toMatch(/[^\n]\n$/);
    }
  });

  it('lists a checklist kept among the submissions under other files, not scored and not a failure', async () => {
    const folder = join(dir, 'with-checklist');
    cpSync(EXAMPLES, folder, { recursive: true });
    cpSync(join('checklists', 'county-cyber-2018.yaml'), join(folder, 'checklist.yaml'));
    cpSync(join('examples', 'custom', 'xx-county-2026.yaml'), join(folder, 'sub', 'xx-county-2026.yaml'), { recursive: true });
    const md = await runInProcess(['batch', folder, '--lang', 'en'], EPOCH);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('| Files | 5 |');
    expect(md.stdout).toContain('| Other files, not scored | 2 |');
    expect(md.stdout).toContain('## Other files, not scored (2)');
    expect(md.stdout).toMatch(/with-checklist\/checklist\.yaml \| checklist county-cyber-2018 \(version 1\.1\.0\) \|/);
    expect(md.stdout).toMatch(/xx-county-2026\.yaml \| checklist xx-county-2026 \(version 1\.1\.0\) \|/);
    expect(md.stdout).not.toContain('## Invalid files');
    expect(md.stderr).toContain('5 files: 5 valid, 0 invalid, 0 failing');
    const { code, json } = await batchJson([folder]);
    expect(code).toBe(0);
    expect(getValidator('batch')(json)).toBe(true);
    expect(json.counts).toMatchObject({ files: 5, valid: 5, invalid: 0, failed: 0, other: 2 });
    expect(json.files.map((f) => f.file)).not.toContain(join(folder, 'checklist.yaml'));
    expect((json as unknown as { otherFiles: unknown[] }).otherFiles).toEqual([
      { file: join(folder, 'checklist.yaml'), kind: 'checklist', id: 'county-cyber-2018', version: '1.1.0' },
      { file: join(folder, 'sub', 'xx-county-2026.yaml'), kind: 'checklist', id: 'xx-county-2026', version: '1.1.0' },
    ]);
    const junit = join(dir, 'with-checklist.xml');
    await runInProcess(['batch', folder, '--junit', junit, '--out', join(dir, 'with-checklist.md')], EPOCH);
    const root = parseXml(readFileSync(junit, 'utf8'));
    expect(findAll(root, 'testsuite')[0].attributes).toMatchObject({ tests: '7', failures: '0', skipped: '2' });
    const skipped = findAll(root, 'testcase').filter((c) => findAll(c, 'skipped').length > 0);
    expect(skipped.map((c) => c.attributes.classname)).toEqual(['other', 'other']);
  });

  it('fails (exit 1) a folder holding other files but no answer file, saying so, where an empty folder is a usage error', async () => {
    const folder = join(dir, 'only-checklist');
    mkdirSync(folder);
    cpSync(join('checklists', 'county-cyber-2018.yaml'), join(folder, 'checklist.yaml'));
    const en = await runInProcess(['batch', folder, '--lang', 'en'], EPOCH);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('nothing to score: none of the 1 file found is an answer file (see "Other files")');
    const zh = await runInProcess(['batch', folder, '--format', 'json'], EPOCH);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('没有可评分的答卷：找到的 1 个文件都不是答卷');
    expect(JSON.parse(zh.stdout).counts).toMatchObject({ files: 0, other: 1 });
    // The JUnit fails too, so a CI dashboard agrees with the exit code.
    const junit = join(dir, 'only-checklist.xml');
    await runInProcess(['batch', folder, '--junit', junit, '--out', join(dir, 'only-checklist.md'), '--lang', 'en'], EPOCH);
    const suite = parseXml(readFileSync(junit, 'utf8'));
    expect(suite.attributes).toMatchObject({ tests: '2', failures: '1', skipped: '1' });
    expect(findAll(suite, 'failure')[0].attributes.message).toBe('nothing to score: none of the 1 file found is an answer file (see "Other files")');
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    const none = await runInProcess(['batch', empty, '--lang', 'en'], EPOCH);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no answer files (*.yaml/*.yml/*.xlsx) found');
  });

  it('applies --fail-under and --allow-incomplete', async () => {
    const strict = await batchJson([MIXED, '--fail-under', '85']);
    // Below 85: only the department (62.71); with invalid, vetoed, incomplete and the duplicate, 5 fail.
    expect(strict.json.counts.belowThreshold).toBe(1);
    expect(strict.json.counts.failed).toBe(5);
    const lenient = await batchJson([MIXED, '--allow-incomplete']);
    expect(lenient.json.counts.incomplete).toBe(1);
    expect(lenient.json.counts.failed).toBe(3);
    const both = await batchJson([MIXED, '--allow-incomplete', '--allow-duplicates']);
    expect(both.json.counts.failed).toBe(2);
    expect(both.json.counts.superseded).toBe(1);
    expect(both.json.ranking).toHaveLength(5);
  });

  it('counts a unit submitted twice once: the copy with the latest date, whatever its path', async () => {
    const folder = join(dir, 'dated');
    mkdirSync(join(folder, 'z'), { recursive: true });
    const township = readFileSync(join(MIXED, 'a-township.yaml'), 'utf8');
    // The first in path order is the newer one, and it fails an item more than the older copy.
    writeFileSync(join(folder, 'a.yaml'), township.replace('period: "2026"', 'period: "2026"\ndate: 2026-11-30').replace('A1.1.1: { status: pass', 'A1.1.1: { status: fail'));
    writeFileSync(join(folder, 'z', 'b.yaml'), township.replace('period: "2026"', 'period: "2026"\ndate: 2026-10-08'));
    const { code, json } = await batchJson([folder]);
    expect(code).toBe(1);
    expect(json.ranking.map((r) => r.file.replace(/\\/g, '/').replace(`${folder.replace(/\\/g, '/')}/`, ''))).toEqual(['a.yaml']);
    expect(json.counts).toMatchObject({ files: 2, valid: 2, superseded: 1, failed: 1 });
    const allowed = await batchJson([folder, '--allow-duplicates']);
    expect(allowed.code).toBe(0);
    expect(allowed.json.counts).toMatchObject({ superseded: 1, failed: 0 });
    // A date that is not a calendar date is a located error.
    writeFileSync(join(folder, 'z', 'b.yaml'), township.replace('period: "2026"', 'period: "2026"\ndate: 2026-13-01'));
    const bad = await runInProcess(['validate', join(folder, 'z', 'b.yaml'), '--lang', 'en'], EPOCH);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/b\.yaml:7:7/);
  });

  it('says in words why each failing unit fails, and gives each invalid file an instruction to forward', async () => {
    const { json } = await batchJson([MIXED, '--fail-under', '85']);
    const why = new Map(json.ranking.map((r) => [r.file.replace(/\\/g, '/').replace(`${MIXED}/`, ''), (r as unknown as { why: string[] }).why]));
    // The veto item named with its text (checklist 1.0.0, which these answers name), cut at 30 characters.
    expect(why.get('vetoed.yaml')).toEqual(['一票否决：A3.3.5（年内未发生重大网络安全事件（一票否决））']);
    // 85 − 62.71 = 22.29, shown as 22.3.
    expect(why.get('sub/deeper/department.yaml')).toEqual(['低于通过线 85 分 22.3 分']);
    expect(why.get('incomplete.yaml')).toEqual(['1 项未作答']);
    expect(why.get('b-township-other.yaml')).toEqual([]);
    const invalid = (json.files as unknown as { file: string; instruction?: string }[]).find((f) => f.file.endsWith('invalid.yaml'))!;
    expect(invalid.instruction).toBe('贵单位报送的自查答卷“invalid.yaml”有 1 处问题，第 30 行第 3 列：检查表中没有条目“A9.9.9”。请改正后用 wangxin validate invalid.yaml 检查，确认无误后重新报送。');
    expect(json.files.filter((f) => 'instruction' in f)).toHaveLength(1);
    const md = await runInProcess(['batch', MIXED, '--fail-under', '85', '--lang', 'en'], EPOCH);
    expect(md.stdout).toMatch(/\| \*\*fail\*\* \| below 85 by 22\.3 points \| [^|]*department\.yaml \|/);
    expect(md.stdout).toMatch(/\| \*\*fail\*\* \| 1 item unanswered \|/);
    // 'No major cybersecurity incident occurred during the year (veto)' (63 characters) cut to 59 and an ellipsis.
    expect(md.stdout).toContain('| **fail** | vetoed by A3.3.5 (No major cybersecurity incident occurred during the year (v…) |');
    expect(md.stdout).toContain('The self-check answer file "invalid.yaml" your unit sent has 1 problem: line 30, column 3: the checklist has no item "A9.9.9". Please correct it');
  });

  it('names the file in an instruction by its own name, and gives a validate command that runs as printed', async () => {
    const folder = join(dir, 'odd-names');
    mkdirSync(folder, { recursive: true });
    const bad = readFileSync(join(EXAMPLES, 'township.yaml'), 'utf8').replace('A1.1.1: { status: pass', 'A1.1.1: { status: maybe');
    for (const name of ['town\\ship 2026.yaml', '-rf.yaml']) writeFileSync(join(folder, name), bad.replace('某某镇党委', name));
    const r = await runInProcess(['batch', folder, '--format', 'json', '--lang', 'en'], EPOCH);
    const instructions = (JSON.parse(r.stdout) as { files: { instruction: string }[] }).files.map((f) => f.instruction);
    expect(instructions).toHaveLength(2);
    expect(instructions.find((i) => i.includes('"-rf.yaml"'))).toContain('check it with wangxin validate ./-rf.yaml, and send');
    expect(instructions.find((i) => i.includes('"town\\ship 2026.yaml"'))).toContain(`check it with wangxin validate 'town\\ship 2026.yaml', and send`);
  });

  it('gives the office, not the unit, the instruction for a file its own copy cannot be read from or a checklist it was not given', async () => {
    const folder = join(dir, 'office-side');
    mkdirSync(folder, { recursive: true });
    symlinkSync('nowhere.yaml', join(folder, 'broken.yaml'));
    writeFileSync(join(folder, 'custom.yaml'), readFileSync(join(EXAMPLES, 'township.yaml'), 'utf8').replace('id: county-cyber-2018', 'id: city-cyber-2026'));
    const r = await runInProcess(['batch', folder, '--format', 'json', '--lang', 'en'], EPOCH);
    const byName = new Map((JSON.parse(r.stdout) as { files: { file: string; instruction: string }[] }).files.map((f) => [f.file.split('/').pop(), f.instruction]));
    expect(byName.get('broken.yaml')).toBe(
      '"broken.yaml" cannot be read here: cannot read the file: a symbolic link to a file that does not exist. This is a matter of how the office keeps the file (a link, its permissions or its type), not an error in the unit\'s answers: check the office\'s copy and run the batch again.',
    );
    expect(byName.get('custom.yaml')).toMatch(/^"custom\.yaml": line \d+, column \d+: no checklist "city-cyber-2026".*run the batch again with --checklist and that checklist's file; the unit need not send anything\.$/);
  });

  it('shows a unit\'s score rounded once from the exact value, as its own report does (59.949 is 59.9, not 60.0)', async () => {
    const folder = join(dir, 'rounding');
    mkdirSync(folder, { recursive: true });
    const checklist = join(dir, 'rounding-checklist.yaml');
    writeFileSync(checklist, 'schemaVersion: 1\nid: round-test\nversion: 1.0.0\ntitle: 舍入测试\nunitTypes:\n  - { id: township, label: 乡镇 }\nareas:\n  - id: A1\n    title: 一、测试\n    items:\n      - { id: A1.1, text: 比例条目, points: 10, kind: ratio }\n');
    writeFileSync(join(folder, 'a.yaml'), 'schemaVersion: 1\nchecklist: { id: round-test, version: 1.0.0 }\nunit: { name: 甲镇, type: township }\nanswers:\n  A1.1: { value: 0.59949 }\n');
    const own = await runInProcess(['score', join(folder, 'a.yaml'), '--checklist', checklist], EPOCH);
    expect(own.stdout).toContain('**总分 59.9 分');
    for (const format of ['md', 'html']) {
      const r = await runInProcess(['batch', folder, '--checklist', checklist, '--fail-under', '60', '--format', format], EPOCH);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/甲镇(\s*\|\s*|<\/td><td[^>]*>)乡镇(\s*\|\s*|<\/td><td[^>]*>)59\.9\b/);
    }
    // The JSON keeps two decimals, as every report does.
    const json = await runInProcess(['batch', folder, '--checklist', checklist, '--format', 'json'], EPOCH);
    expect(JSON.parse(json.stdout).ranking[0].score).toBe(59.95);
  });

  it('exits 0 when every unit passes', async () => {
    const r = await runInProcess(['batch', EXAMPLES, '--fail-under', '60'], EPOCH);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 文件 | 5 |');
  });

  it('shows an area with no item for a unit type as not applicable in the units × areas table', async () => {
    for (const [lang, word] of [['zh', '不适用'], ['en', 'n/a']] as const) {
      const r = await runInProcess(['batch', EXAMPLES, '--lang', lang], EPOCH);
      const table = r.stdout.slice(r.stdout.indexOf(lang === 'zh' ? '## 各单位分领域得分' : '## Area scores by unit'));
      const rows = table.split('\n').filter((l) => /^\| \d+ \|/.test(l));
      expect(rows).toHaveLength(5);
      // Columns: rank, unit, A1..A5. No item of A2 applies to an internet enterprise or a CII operator.
      const a2 = (name: RegExp): string => rows.find((l) => name.test(l))!.split(' | ')[3];
      expect(a2(/互联网|网络科技|Internet|enterprise|公司/)).toBe(word);
      expect(rows.filter((l) => l.split(' | ')[3] === word)).toHaveLength(2);
      expect(rows.filter((l) => l.includes(word)).every((l) => l.split(' | ').filter((c) => c === word).length === 1)).toBe(true);
    }
  });

  it('scores against --checklist given as a built-in id or a path', async () => {
    for (const ref of ['county-cyber-2018', join('checklists', 'county-cyber-2018.yaml')]) {
      const { code, json } = await batchJson([EXAMPLES, '--checklist', ref]);
      expect(code, ref).toBe(0);
      expect(json.counts.valid).toBe(5);
    }
  });

  it('writes the summary with --out and JUnit XML with --junit that parses back', async () => {
    const out = join(dir, 'summary.md');
    const junit = join(dir, 'junit.xml');
    const r = await runInProcess(['batch', MIXED, '--out', out, '--junit', junit, '--lang', 'en'], EPOCH);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('| Files | 7 |');
    const root = parseXml(readFileSync(junit, 'utf8'));
    const suite = findAll(root, 'testsuite')[0];
    expect(suite.attributes).toMatchObject({ tests: '7', failures: '4', errors: '0', skipped: '0' });
    const cases = findAll(root, 'testcase');
    expect(cases).toHaveLength(7);
    const failures = cases.filter((c) => findAll(c, 'failure').length > 0);
    // The superseded township copy fails as a duplicate.
    expect(failures.map((c) => c.attributes.classname).sort()).toEqual(['cyber-office', 'internet-enterprise', 'invalid', 'township']);
    const invalid = cases.find((c) => c.attributes.classname === 'invalid')!;
    expect(findAll(invalid, 'failure')[0].attributes.message).toMatch(/invalid\.yaml:30:3 the checklist has no item "A9\.9\.9"/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives the same result with --jobs 1 and --jobs 2 (worker threads), in input order', async () => {
    const many = join(dir, 'many');
    for (let i = 0; i < 10; i++) cpSync(MIXED, join(many, `county-${i}`), { recursive: true });
    const one = await batchJson([many, '--jobs', '1']);
    const two = await batchJson([many, '--jobs', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    // Ten copies of one county: each of its 5 units counts once (the copy under county-9, last in
    // path order), the other 55 valid files are superseded duplicates; 10 invalid, and of the
    // 5 kept units the vetoed and the incomplete one fail: 10 + 55 + 2.
    expect(one.json.counts).toMatchObject({ files: 70, valid: 60, invalid: 10, failed: 67, superseded: 55 });
    expect(two.json).toEqual(one.json);
    const files = two.json.files.map((f) => f.file);
    expect([...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(files);
  });

  it('reports a GBK-encoded file among valid ones and counts it (exit 1), without stopping', async () => {
    const folder = join(dir, 'gbk');
    cpSync(EXAMPLES, folder, { recursive: true });
    writeFileSync(join(folder, 'gbk.yaml'), Buffer.concat([Buffer.from('schemaVersion: 1\nunit: { name: '), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from(', type: township }\n')]));
    const { code, json, stderr } = await batchJson([folder, '--lang', 'en']);
    expect(code).toBe(1);
    expect(json.counts).toMatchObject({ files: 6, valid: 5, invalid: 1, unreadable: 1, failed: 1 });
    expect(json.files.find((f) => f.file.endsWith('gbk.yaml'))!.reasons).toEqual(['unreadable']);
    expect(stderr).toMatch(/gbk\.yaml:2:\d+ {2}error {2}the file is not UTF-8/);
  });

  it('reports a symlink loop in a submitted folder as a finding (exit 1)', async () => {
    const { symlinkSync } = await import('node:fs');
    const folder = join(dir, 'loop');
    mkdirSync(folder);
    cpSync(join(EXAMPLES, 'township.yaml'), join(folder, 'township.yaml'));
    symlinkSync(folder, join(folder, 'again'));
    const { code, json } = await batchJson([folder]);
    expect(code).toBe(1);
    expect(json.counts).toMatchObject({ files: 2, valid: 1, unreadable: 1 });
  });

  it('exits 2 on usage errors: a missing path, bad --jobs, --fail-under or --format, an unknown checklist', async () => {
    const missing = await runInProcess(['batch', EXAMPLES, 'no/such/folder', '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('not found: no/such/folder');
    expect(missing.stdout).toBe('');
    for (const args of [['--jobs', '0'], ['--jobs', 'x'], ['--jobs', '1.5'], ['--fail-under', 'abc'], ['--fail-under', '-1'], ['--format', 'pdf'], ['--checklist', 'no-such-list']]) {
      const r = await runInProcess(['batch', EXAMPLES, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const unwritable = await runInProcess(['batch', EXAMPLES, '--out', join(dir, 'no', 'such', 'dir', 'x.md'), '--lang', 'en']);
    expect(unwritable.code).toBe(2);
    // The system's reason in words, its code kept beside them.
    expect(unwritable.stderr).toMatch(/cannot write .*x\.md: its folder does not exist \(ENOENT\)/);
    // Before the batch is scored: nothing printed, not even the summary that had somewhere to go.
    const junit = await runInProcess(['batch', EXAMPLES, '--junit', join(dir, 'no', 'such', 'dir', 'j.xml'), '--lang', 'en']);
    expect(junit.code).toBe(2);
    expect(junit.stdout).toBe('');
    expect(junit.stderr).toMatch(/cannot write .*j\.xml: its folder does not exist \(ENOENT\)/);
    writeFileSync(join(dir, 'a-file'), '');
    const notFolder = await runInProcess(['batch', EXAMPLES, '--out', join(dir, 'a-file', 'x.md'), '--lang', 'en']);
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toMatch(/cannot write .*x\.md: a part of the path is not a folder \(ENOTDIR\)/);
    const zh = await runInProcess(['batch', EXAMPLES, '--out', join(dir, 'no', 'such', 'dir', 'x.md')]);
    expect(zh.stderr).toMatch(/无法写入 .*x\.md：所在文件夹不存在（ENOENT）/);
    const ledger = await runInProcess(['ledger', EXAMPLES, '--out', join(dir, 'no', 'such', 'dir', 'l.md'), '--lang', 'en']);
    expect(ledger.code).toBe(2);
    expect(ledger.stderr).toMatch(/^wangxin: error: cannot write .*l\.md: its folder does not exist \(ENOENT\)$/m);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect((await runInProcess(['batch', empty])).code).toBe(2);
  });

  it('runs through the real binary with the same exit codes', () => {
    const ok = runBinary(['batch', EXAMPLES, '--jobs', '2'], EPOCH);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('| 文件 | 5 |');
    const bad = runBinary(['batch', MIXED, '--junit', join(dir, 'bin-junit.xml')], { ...EPOCH, CI: 'true' });
    expect(bad.code).toBe(1);
    expect(findAll(parseXml(readFileSync(join(dir, 'bin-junit.xml'), 'utf8')), 'testcase')).toHaveLength(7);
    expect(runBinary(['batch', 'missing-folder'], EPOCH).code).toBe(2);
    void ROOT;
  });
});

describe('batch --junit on a batch whose JUnit is written in parts', () => {
  it('writes the same XML to a file as to standard output (there with a final line break), every file a test case', async () => {
    const folder = join(dir, 'junit-parts');
    generateFiles(folder, 300, { seed: 11, checklistFile: join(ROOT, 'checklists', 'county-cyber-2018.yaml') });
    const file = join(dir, 'junit-parts.xml');
    const toFile = await runInProcess(['batch', folder, '--junit', file, '--out', join(dir, 'junit-parts.md')], EPOCH);
    expect(toFile.code).toBe(1);
    const toStdout = await runInProcess(['batch', folder, '--junit', '-', '--out', join(dir, 'junit-parts-2.md')], EPOCH);
    const written = readFileSync(file, 'utf8').replace(/time="[0-9.]+"/g, 'time=""');
    // More than one part of 64 K characters.
    expect(written.length).toBeGreaterThan(65536);
    expect(toStdout.stdout.replace(/time="[0-9.]+"/g, 'time=""')).toBe(written + '\n');
    expect(findAll(parseXml(written), 'testcase')).toHaveLength(300);
  });
});

describe('batch --format json with --junit', () => {
  it('writes both, each whole, whichever of them goes to standard output, and replaces earlier ones', async () => {
    const folder = join(dir, 'json-junit');
    generateFiles(folder, 120, { seed: 12, checklistFile: join(ROOT, 'checklists', 'county-cyber-2018.yaml') });
    const json = join(dir, 'json-junit.json');
    const junit = join(dir, 'json-junit.xml');
    // An earlier summary and JUnit to be replaced (the JUnit is written while the summary is flushed and renamed).
    writeFileSync(json, 'old');
    writeFileSync(junit, 'old');
    const both = await runInProcess(['batch', folder, '--format', 'json', '--out', json, '--junit', junit, '--lang', 'en'], EPOCH);
    expect(both.code).toBe(1);
    expect(both.stdout).toBe('');
    // Each output named once, the summary first.
    expect(both.stderr.split('\n').filter((l) => l.startsWith('Wrote '))).toEqual([`Wrote ${json}`, `Wrote ${junit}`]);
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    expect(getValidator('batch')(doc), JSON.stringify(getValidator('batch').errors)).toBe(true);
    expect(doc.files).toHaveLength(120);
    const xml = readFileSync(junit, 'utf8');
    expect(findAll(parseXml(xml), 'testcase')).toHaveLength(120);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The JUnit on standard output, the summary in a file.
    const junitOut = await runInProcess(['batch', folder, '--format', 'json', '--out', json, '--junit', '-', '--lang', 'en'], EPOCH);
    expect(junitOut.stdout.replace(/time="[0-9.]+"/g, 'time=""')).toBe(xml.replace(/time="[0-9.]+"/g, 'time=""') + '\n');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(doc);
    // The summary on standard output, the JUnit in a file.
    rmSync(junit);
    const jsonOut = await runInProcess(['batch', folder, '--format', 'json', '--junit', junit, '--lang', 'en'], EPOCH);
    expect(JSON.parse(jsonOut.stdout)).toEqual(doc);
    expect(readFileSync(junit, 'utf8').replace(/time="[0-9.]+"/g, 'time=""')).toBe(xml.replace(/time="[0-9.]+"/g, 'time=""'));
  });

  it('--junit - without --out is a usage error (exit 2): the summary would go to standard output too, the two mixed', async () => {
    for (const format of ['json', 'md']) {
      const r = await runInProcess(['batch', EXAMPLES, '--format', format, '--junit', '-', '--lang', 'en'], EPOCH);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--junit - and the summary would both go to standard output');
    }
    // With the summary in a file, the JUnit may have standard output.
    const ok = await runInProcess(['batch', EXAMPLES, '--junit', '-', '--out', join(dir, 'junit-stdout.md'), '--allow-incomplete'], EPOCH);
    expect(ok.stdout).toMatch(/^<\?xml/);
  });

  it('a folder named as --junit is a clear usage error (exit 2, no stack trace), the summary written all the same', () => {
    const folder = join(dir, 'junit-folder');
    mkdirSync(folder, { recursive: true });
    const json = join(dir, 'junit-folder.json');
    // Through the real binary: a rejection left unhandled would end the process with a stack trace.
    const r = runBinary(['batch', EXAMPLES, '--format', 'json', '--out', json, '--junit', folder, '--lang', 'en'], EPOCH);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${folder}: it is a folder`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(getValidator('batch')(JSON.parse(readFileSync(json, 'utf8')))).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('wangxin batch and a custom checklist among the files', () => {
  it('lists it without using it, and says to give it with --checklist when answer files name it', async () => {
    const files = readdirSync(join('test', 'fixtures', 'batch', 'county')).map((f) => join('test', 'fixtures', 'batch', 'county', f));
    const r = await runInProcess(['batch', ...files, '--lang', 'en'], EPOCH);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hint: some answer files name a checklist that is not built in; the checklists found among the files (test/fixtures/batch/county/checklist.yaml) are listed, not used to score: give the one they were filled in from with --checklist');
    const given = await runInProcess(['batch', ...files, '--checklist', join('test', 'fixtures', 'batch', 'county', 'checklist.yaml')], EPOCH);
    expect(given.stderr).not.toContain('--checklist 指定');
    expect(given.stderr).toContain('0 个无效');
  });
});
