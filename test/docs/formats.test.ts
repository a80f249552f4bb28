// docs/formats.md: its worked example is run through `wangxin score`, and every number it states must be the scorer's.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../src/score/score.js';
import { checkFile } from '../../src/check/check-file.js';
import { getValidator } from '../../src/validate/ajv-factory.js';
import { formatFixed } from '../../src/score/round.js';
import { ROOT, runBinary } from '../helpers/run-cli.js';

const DOC = readFileSync(join(ROOT, 'docs', 'formats.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'wangxin-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fenced block or table right after `<!-- worked-example:NAME -->`. */
function block(name: string): string {
  const at = DOC.indexOf(`<!-- worked-example:${name} -->\n`);
  expect(at, name).toBeGreaterThan(-1);
  const rest = DOC.slice(at).split('\n').slice(1);
  if (rest[0].startsWith('```')) return rest.slice(1, rest.indexOf('```', 1)).join('\n') + '\n';
  const end = rest.findIndex((l) => !l.startsWith('|'));
  return rest.slice(0, end).join('\n');
}

/** The rows of a Markdown table, header and rule left out, as trimmed cells. */
function rows(table: string): string[][] {
  return table
    .split('\n')
    .slice(2)
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

const checklistFile = join(dir, 'worked.yaml');
const answersFile = join(dir, 'answers.yaml');
writeFileSync(checklistFile, block('checklist'));
writeFileSync(answersFile, block('answers'));

describe('docs/formats.md worked example', () => {
  it('is a valid checklist and a valid answer file', () => {
    const r = runBinary(['validate', checklistFile, answersFile, '--lang', 'en']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('states the result wangxin score --format json gives', () => {
    const r = runBinary(['score', answersFile, '--checklist', checklistFile, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown> & { items: { id: string; earned: number; max: number }[]; areas: Record<string, unknown>[] };
    expect(getValidator('report')(report)).toBe(true);
    const stated = JSON.parse(block('result')) as Record<string, unknown> & { areas: Record<string, unknown>[] };
    for (const [key, value] of Object.entries(stated)) {
      if (key === 'areas') continue;
      expect(report[key], key).toEqual(value);
    }
    expect(report.areas.map((a) => Object.fromEntries(Object.keys(stated.areas[0]).map((k) => [k, a[k]])))).toEqual(stated.areas);
    // The items table: every applying item, its earned points and maximum.
    expect(rows(block('items')).map(([id, , earned, max]) => [id, Number(earned), Number(max)])).toEqual(report.items.map((i) => [i.id, i.earned, i.max]));
    // The areas table.
    const areaRows = rows(block('areas')).map(([id, weight, earned, max, ratio, score]) => [id, Number(weight), Number(earned), Number(max), ratio === '—' ? null : Number(ratio), score === '—' ? null : Number(score)]);
    expect(areaRows).toEqual(report.areas.map((a) => [a.id, a.weight, a.earned, a.max, a.ratio, a.score]));
  });

  it('works out steps 4 to 8 with the scorer\'s own numbers', async () => {
    const checklist = (await checkFile(checklistFile, {}, 'checklist')).checklist!;
    const answers = (await checkFile(answersFile, { ref: checklistFile }, 'answers')).answers!;
    const result = scoreAnswers(checklist, answers);
    const counting = result.areas.filter((a) => a.ratio !== null);
    const weighted = counting.reduce((s, a) => s + a.weight * a.ratio!, 0);
    const total = counting.reduce((s, a) => s + a.weight, 0);
    const terms = counting.map((a) => `${a.weight} × ${a.ratio}`).join(' + ');
    const weights = counting.map((a) => a.weight).join(' + ');
    const truncated = (x: number): string => `${Math.trunc(x * 10_000) / 10_000}…`;
    const prose = DOC.replace(/\s*\n\s*/g, ' ');
    expect(prose).toContain(`Base = 100 × (${terms}) ÷ (${weights}) = 100 × ${weighted} ÷ ${total} = ${truncated(result.baseScore)}`);
    expect(prose).toContain(`min(${result.bonusEarned}, \`cap\` ${checklist.scoring!.bonus!.cap}) = ${result.bonusScore}`);
    expect(prose).toContain(`Score = ${truncated(result.baseScore)} + ${result.bonusScore} = ${truncated(result.score)}`);
    expect(prose).toContain(`the JSON report says ${formatFixed(result.score, 2)} (base ${formatFixed(result.baseScore, 2)}), the Markdown report ${formatFixed(result.score, 1)}`);
    const md = runBinary(['score', answersFile, '--checklist', checklistFile]);
    expect(md.stdout).toContain(`**总分 ${formatFixed(result.score, 1)} 分，等级：良好**`);
  });
});

describe('docs/formats.md links', () => {
  it('points only at files of this repository that exist', () => {
    const links = [...DOC.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(existsSync(join(ROOT, 'docs', link)), link).toBe(true);
  });
});
