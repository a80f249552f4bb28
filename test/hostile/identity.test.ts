// Names that look the same are one unit in batch duplicates and baseline matching, shown with their invisible characters escaped; an invisible na note is no note.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/run-cli.js';

const EXAMPLE = readFileSync(join(ROOT, 'examples/answers/township.yaml'), 'utf8');
const named = (name: string): string => EXAMPLE.replace('name: 某某镇党委', `name: "${name}"`);
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wangxin-identity-'));
  mkdirSync(join(dir, 'now'));
  mkdirSync(join(dir, 'then'));
  writeFileSync(join(dir, 'now', 'a.yaml'), named('某某镇党委'));
  writeFileSync(join(dir, 'now', 'b.yaml'), named('某某\\u200b镇党委'));
  writeFileSync(join(dir, 'now', 'c.yaml'), named('Cafe\\u0301'));
  writeFileSync(join(dir, 'then', 'c.yaml'), named('Caf\\u00e9'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unit identity in batch', () => {
  it('a zero-width space does not make another unit: one duplicate, the name shown with \\u{200b}', async () => {
    const r = await runInProcess(['batch', 'now', '--format', 'json'], {}, dir);
    const json = JSON.parse(r.stdout) as { counts: { duplicates: number }; duplicates: { name: string; files: string[] }[] };
    expect(json.counts.duplicates).toBe(1);
    expect(json.duplicates[0].files).toEqual([join('now', 'a.yaml'), join('now', 'b.yaml')]);
    const md = await runInProcess(['batch', 'now'], {}, dir);
    // Markdown source: the backslash itself escaped, so the page reads 某某\u{200b}镇党委.
    expect(md.stdout).toContain('某某\\\\u{200b}镇党委');
    expect(md.stdout).not.toContain('\u200b');
  });

  it('the baseline matches NFC and NFD spellings of one name', async () => {
    const r = await runInProcess(['batch', join('now', 'c.yaml'), '--baseline', 'then', '--format', 'json'], {}, dir);
    const json = JSON.parse(r.stdout) as { baseline: { matched: number; newUnits: number; missingUnits: unknown[] } };
    expect(json.baseline).toMatchObject({ matched: 1, newUnits: 0, missingUnits: [] });
  });
});

describe('a na note of invisible characters', () => {
  it('is NA_WITHOUT_NOTE, as a note of spaces is', async () => {
    const file = join(dir, 'na.yaml');
    writeFileSync(file, EXAMPLE.replace(/^ {2}A1\.1\.1: .*$/m, '  A1.1.1: { status: na, note: "\\u200b\\u200d\\ufeff" }'));
    const r = await runInProcess(['validate', '--format', 'json', file], {}, dir);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { files: { errors: { code: string }[] }[] }).files[0].errors.map((e) => e.code)).toEqual(['NA_WITHOUT_NOTE']);
  });
});
