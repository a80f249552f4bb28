// `npm run bench`: wangxin batch (Markdown, HTML and JSON) against ajv-cli and a parse-only floor on the same generated files, plus memory, a national-scale run and start-up.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBigChecklist, generateFiles } from './bench/generate.mjs';
import { generateWorkbooks } from './bench/workbooks.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'wangxin.js');
const AJV = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const CHECKLIST = join(ROOT, 'checklists', 'county-cyber-2018.yaml');
const HAS_TIME = existsSync('/usr/bin/time');

function parseArgs(argv) {
  const options = { files: 10000, small: 1000, national: 100000, workbooks: 1000, seed: 20180420, runs: 3, startupRuns: 7, keep: false, jobs: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (key === '--files') options.files = Number(value());
    else if (key === '--small') options.small = Number(value());
    else if (key === '--national') options.national = Number(value());
    else if (key === '--seed') options.seed = Number(value());
    else if (key === '--workbooks') options.workbooks = Number(value());
    else if (key === '--runs') options.runs = Number(value());
    else if (key === '--startup-runs') options.startupRuns = Number(value());
    else if (key === '--jobs') options.jobs = Number(value());
    else if (key === '--keep') options.keep = true;
    else if (key === '--help' || key === '-h') {
      console.log('node scripts/bench.mjs [--files N=10000] [--small N=1000] [--national N=100000 (0: skip)] [--workbooks N=1000 (0: skip)] [--seed N] [--runs N=3 (best of)] [--startup-runs N=7] [--jobs N] [--keep]');
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

/** Runs a command to completion; returns wall seconds, max RSS in MiB (when measurable) and the exit code. */
async function measure(command, args, options = {}) {
  const started = performance.now();
  if (HAS_TIME) {
    const out = join(tmpdir(), `wangxin-bench-time-${process.pid}.txt`);
    const r = spawnSync('/usr/bin/time', ['-o', out, '-f', '%M %U %S', command, ...args], { stdio: ['ignore', 'ignore', options.stderr ?? 'ignore'], env: { ...process.env, CI: '1' }, maxBuffer: 1 << 30 });
    const seconds = (performance.now() - started) / 1000;
    const [kib, user, sys] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rmSync(out, { force: true });
    return { seconds, rssMiB: Number.isFinite(kib) ? kib / 1024 : undefined, cpu: user + sys, code: r.status };
  }
  // Without GNU time: poll the child's RSS with ps (threads share the process, so workers are included).
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, CI: '1' } });
    let peak = 0;
    const timer = setInterval(() => {
      const r = spawnSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' });
      const kib = Number(r.stdout.trim());
      if (kib > peak) peak = kib;
    }, 25);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolvePromise({ seconds: (performance.now() - started) / 1000, rssMiB: peak ? peak / 1024 : undefined, code });
    });
  });
}

/**
 * The fastest of `results`, its wall and CPU time, with the highest peak memory of them all: the
 * time a machine can do it in, and the memory it may need.
 */
function bestOf(results) {
  let fastest = results[0];
  for (const r of results) if (r.seconds < fastest.seconds) fastest = r;
  const peaks = results.map((r) => r.rssMiB).filter((m) => m !== undefined);
  return { ...fastest, rssMiB: peaks.length > 0 ? Math.max(...peaks) : undefined };
}

async function best(runs, fn) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await fn());
  return bestOf(results);
}

/** {@link best} of each of `fns`, run in turns: the first, the second, …, then the first again. */
async function bestInTurns(runs, fns) {
  const results = fns.map(() => []);
  for (let i = 0; i < runs; i++) for (let k = 0; k < fns.length; k++) results[k].push(await fns[k]());
  return results.map(bestOf);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The files ajv-cli can read at all: it stops the whole run at the first file js-yaml cannot parse. */
function ajvReadable(files) {
  const require = createRequire(AJV);
  const jsYaml = require('js-yaml');
  const load = jsYaml.safeLoad ?? jsYaml.load;
  return files.filter((f) => {
    try {
      load(readFileSync(f, 'utf8'));
      return true;
    } catch {
      return false;
    }
  });
}

const PARSE_FLOOR = `
const { readFileSync } = require('node:fs');
const { parse } = require(${JSON.stringify(join(ROOT, 'node_modules', 'yaml'))});
const files = readFileSync(process.argv[1], 'utf8').split('\\n').filter(Boolean);
let ok = 0;
for (const f of files) { try { parse(readFileSync(f, 'utf8'), { uniqueKeys: true }); ok++; } catch {} }
if (ok < 0) console.log(ok);
`;

// exceljs merely loading each workbook, one after another in one thread: what a naive reader costs.
const EXCELJS_LOAD = `
const { readFileSync } = require('node:fs');
const ExcelJS = require(${JSON.stringify(join(ROOT, 'node_modules', 'exceljs'))});
const files = readFileSync(process.argv[1], 'utf8').split('\\n').filter(Boolean);
(async () => { for (const f of files) { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(readFileSync(f)); } })();
`;

const fmt = (s) => `${s.toFixed(2)} s`;
const cpuText = (c) => (c === undefined || !Number.isFinite(c) ? 'n/a' : `${c.toFixed(2)} s`);
const mib = (m) => (m === undefined ? 'n/a' : `${m.toFixed(0)} MiB`);
const verdict = (ratio, target) => (ratio <= target ? 'PASS' : 'MISS');

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist', 'batch', 'worker.js'))) {
    console.error('dist/ is missing: run `npm run build` first.');
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'wangxin-bench-'));
  try {
    console.log(`wangxin benchmark — ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
    // Other work on the machine skews the threaded run most: say how busy it was.
    console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`generating ${options.files} + ${options.small} answer files (seed ${options.seed}) in ${dir} …`);
    const big = generateFiles(join(dir, 'big'), options.files, { checklistFile: CHECKLIST, seed: options.seed });
    generateFiles(join(dir, 'small'), options.small, { checklistFile: CHECKLIST, seed: options.seed });
    const invalid = big.filter((f) => f.kind !== 'valid').length;
    console.log(`  ${big.length} files, ${invalid} invalid on purpose (${((100 * invalid) / big.length).toFixed(1)}%)`);
    // The writers' styles (a file may have several: block layout with folded notes, CRLF and a BOM …).
    const styles = new Map();
    for (const f of big) for (const s of f.style.split('+')) styles.set(s, (styles.get(s) ?? 0) + 1);
    console.log(`  styles: ${[...styles].map(([s, n]) => `${s} ${((100 * n) / big.length).toFixed(0)}%`).join(', ')}\n`);
    const jobs = options.jobs ? ['--jobs', String(options.jobs)] : [];
    // The same CI job in both formats: validate, score, the summary (Markdown, or JSON with every unit's report) and JUnit.
    const batchArgs = (sub, format = 'md') => [BIN, 'batch', join(dir, sub), '--format', format, '--out', join(dir, `summary-${sub}.${format}`), '--junit', join(dir, `junit-${sub}.xml`), ...jobs];

    const readable = ajvReadable(big.map((f) => f.file));
    const ajvArgs = [AJV, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--all-errors', '--allow-union-types', '-s', join(ROOT, 'schemas', 'answers.schema.json'), ...readable.flatMap((f) => ['-d', f])];
    // Taken in turns (Markdown, JSON, HTML, ajv-cli; again …), so that a machine that slows down or
    // speeds up during the bench weighs on all four alike rather than on whichever ran then.
    const [batch, batchJson, batchHtml, ajv] = await bestInTurns(options.runs, [
      () => measure(process.execPath, batchArgs('big')),
      () => measure(process.execPath, batchArgs('big', 'json')),
      () => measure(process.execPath, batchArgs('big', 'html')),
      () => measure(process.execPath, ajvArgs),
    ]);
    const list = join(dir, 'files.txt');
    writeFileSync(list, big.map((f) => f.file).join('\n'));
    const floor = await best(options.runs, () => measure(process.execPath, ['-e', PARSE_FLOOR, list]));
    const small = await best(options.runs, () => measure(process.execPath, batchArgs('small')));
    const smallJson = await best(options.runs, () => measure(process.execPath, batchArgs('small', 'json')));
    const smallHtml = await best(options.runs, () => measure(process.execPath, batchArgs('small', 'html')));

    // One file with 100,000 errors: validate --format json keeps the first diagnostics of each file and counts the rest.
    const manyErrors = join(dir, 'errors-100k.yaml');
    let many = 'schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.0.0 }\nunit: { name: 某某镇党委, type: township }\nanswers:\n';
    for (let i = 0; i < 100_000; i++) many += `  X${i}.1.1: { status: pass }\n`;
    writeFileSync(manyErrors, many);
    const validateMany = await measure(process.execPath, [BIN, 'validate', manyErrors, '--format', 'json']);

    const example = join(ROOT, 'examples', 'answers', 'township.yaml');
    const scoreTimes = [];
    const nodeTimes = [];
    let scoreCode;
    for (let i = 0; i < options.startupRuns; i++) {
      const s = await measure(process.execPath, [BIN, 'score', example]);
      scoreCode = s.code;
      scoreTimes.push(s.seconds);
      nodeTimes.push((await measure(process.execPath, ['-e', '0'])).seconds);
    }
    const scoreMedian = median(scoreTimes);

    // One unit on a 10,000-item checklist: scoring and "what raises the score most" stay near-linear.
    const bigList = generateBigChecklist(join(dir, 'big-checklist'), 10000, { seed: options.seed });
    const bigScore = await best(options.runs, () =>
      measure(process.execPath, [BIN, 'score', bigList.answersFile, '--checklist', bigList.checklistFile, '--format', 'json', '--out', join(dir, 'big-report.json')]),
    );
    const nodeMedian = median(nodeTimes);

    // National scale: generated, measured once, removed (not kept with --keep: some 400 MB of answers and 1.5 GB of JSON).
    let national;
    if (options.national > 0) {
      console.log(`generating ${options.national} answer files for the national run …`);
      const folder = join(dir, 'national');
      generateFiles(folder, options.national, { checklistFile: CHECKLIST, seed: options.seed + 1 });
      national = await measure(process.execPath, [BIN, 'batch', folder, '--format', 'json', '--out', join(dir, 'summary-national.json'), '--junit', join(dir, 'junit-national.xml'), ...jobs]);
      rmSync(folder, { recursive: true, force: true });
      rmSync(join(dir, 'summary-national.json'), { force: true });
    }

    // Answer workbooks: batch over them against exceljs loading them, and memory at 10× the files.
    let workbooks;
    if (options.workbooks > 0) {
      const small = Math.max(1, Math.round(options.workbooks / 10));
      console.log(`generating ${options.workbooks} + ${small} answer workbooks …`);
      const made = await generateWorkbooks(ROOT, join(dir, 'wb-big'), options.workbooks, options.seed);
      await generateWorkbooks(ROOT, join(dir, 'wb-small'), small, options.seed);
      const wbList = join(dir, 'workbooks.txt');
      writeFileSync(wbList, Array.from({ length: options.workbooks }, (_, i) => join(dir, 'wb-big', `unit-${String(i).padStart(5, '0')}.xlsx`)).join('\n'));
      workbooks = {
        made,
        small,
        batch: await best(options.runs, () => measure(process.execPath, batchArgs('wb-big'))),
        load: await best(options.runs, () => measure(process.execPath, ['-e', EXCELJS_LOAD, wbList])),
        batchSmall: await best(options.runs, () => measure(process.execPath, batchArgs('wb-small'))),
      };
    }

    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    const rows = [
      [`wangxin batch (validate + score + summary + JUnit), ${big.length} files`, fmt(batch.seconds), cpuText(batch.cpu), mib(batch.rssMiB), `exit ${batch.code}`],
      [`wangxin batch --format json (every report), ${big.length} files`, fmt(batchJson.seconds), cpuText(batchJson.cpu), mib(batchJson.rssMiB), `exit ${batchJson.code}`],
      [`wangxin batch --format html (one page, charts), ${big.length} files`, fmt(batchHtml.seconds), cpuText(batchHtml.cpu), mib(batchHtml.rssMiB), `exit ${batchHtml.code}`],
      [`ajv-cli 5 validate (schema only), ${readable.length} files it can parse`, fmt(ajv.seconds), cpuText(ajv.cpu), mib(ajv.rssMiB), `exit ${ajv.code}`],
      [`parse-only floor (yaml, 1 thread), ${big.length} files`, fmt(floor.seconds), cpuText(floor.cpu), mib(floor.rssMiB), `exit ${floor.code}`],
      [`wangxin batch, ${options.small} files`, fmt(small.seconds), cpuText(small.cpu), mib(small.rssMiB), `exit ${small.code}`],
      [`wangxin batch --format json, ${options.small} files`, fmt(smallJson.seconds), cpuText(smallJson.cpu), mib(smallJson.rssMiB), `exit ${smallJson.code}`],
      [`wangxin batch --format html, ${options.small} files`, fmt(smallHtml.seconds), cpuText(smallHtml.cpu), mib(smallHtml.rssMiB), `exit ${smallHtml.code}`],
      ...(national ? [[`wangxin batch --format json, ${options.national} files (national)`, fmt(national.seconds), cpuText(national.cpu), mib(national.rssMiB), `exit ${national.code}`]] : []),
      [`wangxin validate --format json, 1 file with 100000 errors`, fmt(validateMany.seconds), cpuText(validateMany.cpu), mib(validateMany.rssMiB), `exit ${validateMany.code}`],
      [`wangxin score (1 file), median of ${options.startupRuns}`, `${(scoreMedian * 1000).toFixed(0)} ms`, '', '', `exit ${scoreCode}`],
      [`node -e 0, median of ${options.startupRuns}`, `${(nodeMedian * 1000).toFixed(0)} ms`, '', '', ''],
      ...(workbooks
        ? [
            [`wangxin batch, ${options.workbooks} workbooks (${workbooks.made.invalid} invalid)`, fmt(workbooks.batch.seconds), cpuText(workbooks.batch.cpu), mib(workbooks.batch.rssMiB), `exit ${workbooks.batch.code}`],
            [`exceljs Workbook.xlsx.load (1 thread), ${options.workbooks} workbooks`, fmt(workbooks.load.seconds), cpuText(workbooks.load.cpu), mib(workbooks.load.rssMiB), `exit ${workbooks.load.code}`],
            [`wangxin batch, ${workbooks.small} workbooks`, fmt(workbooks.batchSmall.seconds), cpuText(workbooks.batchSmall.cpu), mib(workbooks.batchSmall.rssMiB), `exit ${workbooks.batchSmall.code}`],
          ]
        : []),
      ['wangxin score, 10,000-item checklist (JSON report)', fmt(bigScore.seconds), cpuText(bigScore.cpu), mib(bigScore.rssMiB), `exit ${bigScore.code}`],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log('measurement'.padEnd(width), '  wall time   CPU time   peak RSS');
    for (const r of rows) console.log(r[0].padEnd(width), ' ', r[1].padStart(9), ' ', r[2].padStart(9), ' ', r[3].padStart(9), ' ', r[4]);
    console.log('');
    const perFile = (batch.seconds / big.length) * 1000;
    console.log(`wangxin batch: ${perFile.toFixed(3)} ms per file; ${(big.length / batch.seconds).toFixed(0)} files/s`);
    console.log(`wangxin batch --format json: ${((batchJson.seconds / big.length) * 1000).toFixed(3)} ms per file; ${(big.length / batchJson.seconds).toFixed(0)} files/s`);
    if (national) console.log(`national run: ${options.national} files, peak memory ${mib(national.rssMiB)}, ${fmt(national.seconds)}`);
    const r1 = batch.seconds / ajv.seconds;
    const r2 = batch.rssMiB && small.rssMiB ? batch.rssMiB / small.rssMiB : NaN;
    const r3 = scoreMedian / nodeMedian;
    const j1 = batchJson.seconds / ajv.seconds;
    const j2 = batchJson.rssMiB && smallJson.rssMiB ? batchJson.rssMiB / smallJson.rssMiB : NaN;
    const memoryLine = (label, r) => label.padEnd(45) + `${r.toFixed(2).padStart(5)}   <= 1.5   ${Number.isNaN(r) ? 'n/a' : verdict(r, 1.5)}`;
    console.log('\nratio                                        value   target   ');
    console.log(`wangxin batch / ajv-cli                      ${r1.toFixed(2).padStart(5)}   <= 1.0   ${verdict(r1, 1.0)}`);
    console.log(memoryLine(`batch peak memory ${big.length} / ${options.small} files`, r2));
    console.log(`wangxin batch --format json / ajv-cli        ${j1.toFixed(2).padStart(5)}   <= 1.0   ${verdict(j1, 1.0)}`);
    console.log(memoryLine(`json peak memory ${big.length} / ${options.small} files`, j2));
    const h1 = batchHtml.seconds / ajv.seconds;
    const h2 = batchHtml.rssMiB && smallHtml.rssMiB ? batchHtml.rssMiB / smallHtml.rssMiB : NaN;
    console.log(`wangxin batch --format html / ajv-cli        ${h1.toFixed(2).padStart(5)}   <= 1.0   ${verdict(h1, 1.0)}`);
    console.log(memoryLine(`html peak memory ${big.length} / ${options.small} files`, h2));
    console.log(`wangxin score (1 file) / node -e 0           ${r3.toFixed(2).padStart(5)}   <= 1.5   ${scoreCode === 0 ? verdict(r3, 1.5) : 'n/a (score failed)'}`);
    console.log(`batch / parse-only floor                     ${(batch.seconds / floor.seconds).toFixed(2).padStart(5)}   (for reference)`);
    console.log(`score, 10,000-item checklist (seconds)       ${bigScore.seconds.toFixed(2).padStart(5)}   <= 2.0   ${bigScore.code === 0 ? verdict(bigScore.seconds, 2.0) : 'n/a (score failed)'}`);
    if (workbooks) {
      const w1 = workbooks.batch.seconds / workbooks.load.seconds;
      const w2 = workbooks.batch.rssMiB && workbooks.batchSmall.rssMiB ? workbooks.batch.rssMiB / workbooks.batchSmall.rssMiB : NaN;
      console.log(`workbooks: batch / exceljs load              ${w1.toFixed(2).padStart(5)}   <= 1.0   ${verdict(w1, 1.0)}`);
      console.log(memoryLine(`workbook peak memory ${options.workbooks} / ${workbooks.small}`, w2));
    }
    if (national && batchJson.rssMiB && national.rssMiB) {
      console.log(`json peak memory ${options.national} / ${big.length} files`.padEnd(45) + `${(national.rssMiB / batchJson.rssMiB).toFixed(2).padStart(5)}   (for reference)`);
    }
  } finally {
    if (options.keep) console.log(`\nkept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
