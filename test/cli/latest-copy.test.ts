// A unit that submitted more than once counts once, its latest copy, in batch's rectification counts and units, the ledger and a baseline.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';

const TOWNSHIP = join('examples', 'loop', '2026', 'township.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'wangxin-latest-copy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A folder with the township's answer file twice. */
function twoCopies(name: string): string {
  const folder = join(tmp, name);
  mkdirSync(folder);
  cpSync(TOWNSHIP, join(folder, 'a.yaml'));
  cpSync(TOWNSHIP, join(folder, 'b.yaml'));
  return folder;
}

describe('one unit, two copies', () => {
  it('batch counts the rectification tasks and the units of the copy that counts only', async () => {
    const folder = twoCopies('batch');
    const alone = JSON.parse((await runInProcess(['batch', TOWNSHIP, '--format', 'json', '--as-of', '2026-11-15'])).stdout);
    const r = await runInProcess(['batch', folder, '--format', 'json', '--as-of', '2026-11-15', '--allow-duplicates']);
    const doc = JSON.parse(r.stdout);
    expect(doc.counts).toMatchObject({ valid: 2, superseded: 1 });
    expect(alone.rectification.units).toBe(1);
    expect(alone.rectification.tasks).toBeGreaterThan(0);
    expect(doc.rectification).toEqual(alone.rectification);
    const md = (await runInProcess(['batch', folder, '--lang', 'en', '--allow-duplicates'])).stdout;
    expect(md).toContain('| Units (valid files) | 1 |');
  });

  it('the ledger lists the tasks of the copy that counts, and says which copy it left out', async () => {
    const folder = twoCopies('ledger');
    const alone = JSON.parse((await runInProcess(['ledger', TOWNSHIP, '--format', 'json', '--as-of', '2026-11-15'])).stdout);
    const r = await runInProcess(['ledger', folder, '--format', 'json', '--as-of', '2026-11-15', '--lang', 'en']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.counts).toEqual(alone.counts);
    expect(doc.counts.units).toBe(1);
    expect(doc.open.every((t: { file: string }) => t.file === join(folder, 'b.yaml'))).toBe(true);
    expect(r.stderr).toContain(`${join(folder, 'a.yaml')}: an earlier submission of`);
    expect(r.stderr).toContain(`${join(folder, 'b.yaml')} counts instead, and this file is left out of the ledger`);
  });

  it('the ledger keeps the copy with the latest date, whatever the path order', async () => {
    const folder = join(tmp, 'dated');
    mkdirSync(folder);
    const text = readFileSync(TOWNSHIP, 'utf8');
    writeFileSync(join(folder, 'a.yaml'), text.replace(/^period: (.*)$/m, 'period: $1\ndate: 2026-11-30'));
    // The older copy, last in path order.
    writeFileSync(join(folder, 'z.yaml'), text.replace(/^period: (.*)$/m, 'period: $1\ndate: 2026-10-01'));
    const r = await runInProcess(['ledger', folder, '--format', 'json', '--as-of', '2026-11-15']);
    const doc = JSON.parse(r.stdout);
    expect(doc.counts.units).toBe(1);
    expect(new Set(doc.open.map((t: { file: string }) => t.file))).toEqual(new Set([join(folder, 'a.yaml')]));
  });

  it('the ledger passes over a checklist kept among the submissions, as batch does', async () => {
    const folder = join(tmp, 'with-checklist');
    mkdirSync(folder);
    cpSync(TOWNSHIP, join(folder, 'township.yaml'));
    cpSync(join('checklists', 'county-cyber-2018.yaml'), join(folder, 'checklist.yaml'));
    const r = await runInProcess(['ledger', folder, '--format', 'json', '--as-of', '2026-11-15']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts.units).toBe(1);
  });

  it('a baseline with two copies of a unit compares with the one with the latest date', async () => {
    const folder = join(tmp, 'baseline');
    mkdirSync(folder);
    const text = readFileSync(join('examples', 'answers', 'township.yaml'), 'utf8');
    writeFileSync(join(folder, 'a.yaml'), text.replace(/^period: (.*)$/m, 'period: $1\ndate: 2026-11-30'));
    // The older copy, last in path order, with a worse answer.
    writeFileSync(join(folder, 'z.yaml'), text.replace(/^period: (.*)$/m, 'period: $1\ndate: 2026-10-01').replace('A1.1.1: { status: pass', 'A1.1.1: { status: fail'));
    const now = JSON.parse((await runInProcess(['batch', join('examples', 'answers', 'township.yaml'), '--format', 'json'])).stdout);
    const r = await runInProcess(['batch', join('examples', 'answers', 'township.yaml'), '--baseline', folder, '--format', 'json']);
    const entry = JSON.parse(r.stdout).ranking[0];
    expect(entry.baseline.score).toBe(now.ranking[0].score);
    expect(entry.baseline.delta).toBe(0);
    expect(r.stderr).toContain('a.yaml');
  });
});
