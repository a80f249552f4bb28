// Crash safety: SIGKILL at random points while answer files, reports and summaries are written leaves a complete old or new file.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/batch/discover.js';
import type { Answers } from '../../src/model/answers.js';
import { listItems } from '../../src/model/checklist.js';
import { builtinFile } from '../../src/checklist/resolve-checklist.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';
import { checkText } from '../../src/check/check-file.js';
import { serializeAnswers } from '../../src/walk/answer-file.js';
import { BIN, ROOT, runBinary } from '../helpers/run-cli.js';
import { parseXml } from '../batch/xml.js';
// The bench's seeded PRNG (mulberry32), so a failing kill schedule can be replayed.
import { makeRandom as prng } from '../../scripts/bench/generate.mjs';

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-crash-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1', SOURCE_DATE_EPOCH: '1780000000' };

/**
 * Spawns `args`, waits until it prints `ready` on stdout (or `delayFromStart`), then SIGKILLs it
 * after `delay` ms. Resolves when the process is gone.
 */
function runAndKill(args: string[], delay: number, waitForReady: boolean, cwd: string): Promise<{ killed: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), delay);
    };
    if (waitForReady) child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && arm());
    else arm();
    child.stdout.resume();
    child.stderr.resume();
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      done({ killed: signal === 'SIGKILL' });
    });
  });
}

/** Temp files the atomic writer leaves when killed between creating and renaming them. */
const strays = (dir: string): string[] => readdirSync(dir).filter((n) => n.startsWith('.') && n.endsWith('.tmp'));

describe('crash safety of answer files (saveAnswers in a loop, SIGKILL at random times)', () => {
  it('leaves the complete old or the complete new version after every kill; at most one temp file per kill', async () => {
    const loaded = await loadChecklist(builtinFile('county-cyber-2018')!);
    const checklist = loaded.checklist!;
    const make = (tag: string): Answers => {
      const answers: Record<string, Answers['answers'][string]> = {};
      for (const { item } of listItems(checklist)) {
        // Long notes make each version ~400 KB, so kills land mid-write.
        if (item.kind === 'ratio') answers[item.id] = { value: 0.5, note: `${tag} ${'比例'.repeat(2000)}` };
        else if (item.kind === 'deduct') answers[item.id] = { deductions: {}, note: `${tag} ${'扣分'.repeat(2000)}` };
        // A veto item is answered pass or fail only.
        else answers[item.id] = { status: tag === 'A' ? 'pass' : item.veto ? 'fail' : 'partial', note: `${tag} ${'说明'.repeat(2000)}` };
      }
      return { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name: `单位${tag}`, type: 'cyber-office' }, answers };
    };
    const dir = join(tmp, 'answers');
    mkdirSync(dir);
    const file = join(dir, '某单位.yaml');
    const versions = [make('A'), make('B')];
    const texts = versions.map((v) => serializeAnswers(v, { file, checklist }));
    writeFileSync(join(tmp, 'versions.json'), JSON.stringify({ file, versions }));
    const script = join(tmp, 'writer.mjs');
    writeFileSync(
      script,
      [
        `import { readFileSync } from 'node:fs';`,
        `import { saveAnswers } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/walk/answer-file.js')).href)};`,
        `import { builtinFile } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/checklist/resolve-checklist.js')).href)};`,
        `import { loadChecklist } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/checklist/load-checklist.js')).href)};`,
        `const { file, versions } = JSON.parse(readFileSync(${JSON.stringify(join(tmp, 'versions.json'))}, 'utf8'));`,
        `const checklist = (await loadChecklist(builtinFile('county-cyber-2018'))).checklist;`,
        `await saveAnswers(file, versions[0], checklist);`,
        `process.stdout.write('ready\\n');`,
        `for (let i = 1; ; i++) await saveAnswers(file, versions[i % 2], checklist);`,
      ].join('\n'),
    );
    const random = prng(6);
    let kills = 0;
    const seen = new Set<number>();
    let leftBehind = 0;
    for (let round = 0; round < 24; round++) {
      const before = strays(dir).length;
      const { killed } = await runAndKill([script], Math.floor(random() * 60), true, tmp);
      if (killed) kills++;
      const text = readFileSync(file, 'utf8');
      expect(texts.includes(text), `round ${round}: a torn file (${text.length} chars)`).toBe(true);
      seen.add(texts.indexOf(text));
      const check = await checkText(text, file);
      expect(check.errors).toEqual([]);
      // A SIGKILL can leave the one temp file it was writing: never more.
      expect(strays(dir).length - before).toBeLessThanOrEqual(1);
      leftBehind += strays(dir).length - before;
    }
    expect(kills).toBeGreaterThanOrEqual(20);
    // The kills landed while writing: both versions were left at some point, and (as documented)
    // some kills left their temp file behind.
    expect(seen.size).toBe(2);
    expect(leftBehind).toBeGreaterThan(0);
    // Strays are dot-files ending in .tmp: batch discovery does not take them for answer files.
    writeFileSync(join(dir, '.某单位.yaml.999.1.abc.tmp'), 'schemaVersion: [');
    const found = await discoverFiles([dir], tmp);
    expect(found.files.map((f) => f.file)).toEqual([join(dir, '某单位.yaml')]);
    expect(found.findings).toEqual([]);
  }, 60_000);
});

describe('crash safety of reports and summaries (the real binary, SIGKILL at random times)', () => {
  it('score --out: the report is always the complete old one or the complete new one', async () => {
    const dir = join(tmp, 'score');
    mkdirSync(dir);
    copyFileSync(join(ROOT, 'examples/answers/cii-operator.yaml'), join(dir, 'a.yaml'));
    const out = join(dir, 'r.json');
    const first = runBinary(['score', 'a.yaml', '--out', 'r.json'], {}, dir);
    expect(first.code, first.stderr).toBe(0);
    const strip = (text: string): unknown => {
      const report = JSON.parse(text) as Record<string, unknown>;
      delete report.generatedAt;
      return report;
    };
    const reference = strip(readFileSync(out, 'utf8'));
    const random = prng(7);
    let kills = 0;
    for (let round = 0; round < 20; round++) {
      const { killed } = await runAndKill([BIN, 'score', 'a.yaml', '--out', 'r.json'], 20 + Math.floor(random() * 200), false, dir);
      if (killed) kills++;
      expect(strip(readFileSync(out, 'utf8'))).toEqual(reference);
      expect(strays(dir).length).toBeLessThanOrEqual(kills);
    }
    expect(kills).toBeGreaterThan(0);
  }, 60_000);

  it('batch --out --junit: the summary and the JUnit file are each complete, old or new', async () => {
    const dir = join(tmp, 'batch');
    mkdirSync(join(dir, 'in'), { recursive: true });
    for (const n of ['township', 'department', 'cyber-office', 'internet-enterprise', 'cii-operator']) {
      for (let copy = 0; copy < 4; copy++) copyFileSync(join(ROOT, `examples/answers/${n}.yaml`), join(dir, 'in', `${n}-${copy}.yaml`));
    }
    const args = ['batch', 'in', '--format', 'json', '--out', 'summary.json', '--junit', 'junit.xml', '--allow-incomplete', '--jobs', '2'];
    const first = runBinary(args, { SOURCE_DATE_EPOCH: '1780000000' }, dir);
    expect([0, 1]).toContain(first.code);
    const summary = readFileSync(join(dir, 'summary.json'), 'utf8');
    const junitRoot = (xml: string): string => {
      const root = parseXml(xml);
      return `${root.name}:${root.children.length}`;
    };
    const junitShape = junitRoot(readFileSync(join(dir, 'junit.xml'), 'utf8'));
    const random = prng(8);
    let kills = 0;
    for (let round = 0; round < 20; round++) {
      const { killed } = await runAndKill([BIN, ...args], 30 + Math.floor(random() * 400), false, dir);
      if (killed) kills++;
      // SOURCE_DATE_EPOCH fixes the time stamp: old and new summaries are the same text.
      expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe(summary);
      expect(junitRoot(readFileSync(join(dir, 'junit.xml'), 'utf8'))).toBe(junitShape);
      expect(strays(dir).length).toBeLessThanOrEqual(2 * kills);
    }
    expect(kills).toBeGreaterThan(0);
    // Strays never become batch input.
    for (const s of strays(dir)) unlinkSync(join(dir, s));
    expect(existsSync(join(dir, 'summary.json'))).toBe(true);
  }, 90_000);
});
