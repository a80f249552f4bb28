#!/usr/bin/env node
// Regenerates the README pictures: the HTML report, the HTML batch summary, the terminal during `run`, the Word report and the batch workbook (docs/images/).
//
// How to run (from the repository root, after `npm run build`):
//
//     node scripts/screenshots.mjs
//
// Needs: Chromium (`/usr/bin/chromium`, or set CHROMIUM=/path/to/chrome), tmux, and a CJK font
// (fonts-wqy-microhei: "WenQuanYi Micro Hei" / "WenQuanYi Micro Hei Mono"). It is not part of
// `npm test`. What it does:
//   1. `wangxin score examples/answers/township.yaml --format html` into a temporary folder, and a
//      headless Chromium screenshot of the top of that page (1100×1600) → docs/images/report.png;
//   2. `wangxin batch test/fixtures/batch/mixed --roster R --format html` (a folder with a vetoed, an
//      incomplete, an invalid and a duplicate submission; R lists its units and one that has not
//      submitted), screenshotted the same way (1100×2200) → docs/images/batch.png;
//   3. `wangxin run` for a township in a detached tmux pane (100×34, colours forced), driven with
//      send-keys to a typical item screen; `tmux capture-pane -p -e` gives the text with its ANSI
//      colours, which is turned into a small HTML page (monospace CJK font, dark terminal colours)
//      and screenshotted → docs/images/run.png;
//   4. `wangxin score examples/answers/township.yaml --out 自查报告.docx`, converted to PDF by
//      LibreOffice (`soffice --headless --convert-to pdf`) and its first pages to PNG by pdftoppm
//      → docs/images/report-docx-1.png (page 1) and report-docx-2.png (where 整改清单 starts);
//   5. `wangxin batch examples/answers --out 汇总.xlsx`, converted the same way (Calc prints each
//      sheet on its own pages) → docs/images/batch-xlsx.png, the units × areas sheet's first page;
//   6. `wangxin convert examples/answers/township.yaml --to xlsx`, the answer workbook a unit fills
//      in (pre-filled), converted the same way → docs/images/answers-xlsx.png, its items sheet.
// Steps 4 to 6 need LibreOffice Writer and Calc (Debian: libreoffice-writer-nogui,
// libreoffice-calc-nogui) and poppler-utils; without `soffice` they are skipped with a message.
// Every picture is checked to be under 400 KB. Only the tmux server on this script's own socket
// is stopped at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'wangxin.js');
const OUT_DIR = join(ROOT, 'docs', 'images');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const MAX_BYTES = 400 * 1024;
const COLS = 100;
const ROWS = 34;
const SOCKET = `wangxin-shots-${process.pid}`;

const tmp = mkdtempSync(join(tmpdir(), 'wangxin-shots-'));
mkdirSync(OUT_DIR, { recursive: true });

/** Headless Chromium screenshot of a page; a fresh profile each time so nothing carries over. */
function screenshot(url, file, width, height) {
  const profile = mkdtempSync(join(tmp, 'profile-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
    `--screenshot=${file}`,
    `--window-size=${width},${height}`,
    url,
  ];
  const r = spawnSync(CHROMIUM, args, { encoding: 'utf8', timeout: 90_000 });
  if (!existsSync(file)) throw new Error(`chromium did not write ${file}:\n${r.stderr}`);
}

function checkSize(file) {
  const bytes = statSync(file).size;
  console.log(`${file.replace(ROOT, '')}: ${(bytes / 1024).toFixed(0)} KB`);
  if (bytes > MAX_BYTES) throw new Error(`${file} is ${bytes} bytes, over ${MAX_BYTES}: make the window smaller`);
}

// 1. The HTML report.
function shootReport() {
  const html = join(tmp, 'report.html');
  execFileSync(process.execPath, [BIN, 'score', join(ROOT, 'examples/answers/township.yaml'), '--format', 'html', '--out', html, '--lang', 'zh'], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const out = join(OUT_DIR, 'report.png');
  screenshot(pathToFileURL(html).href, out, 1100, 1600);
  checkSize(out);
}

// 1b. The batch summary as HTML.
function shootBatch() {
  const html = join(tmp, 'batch.html');
  const roster = join(tmp, 'units.yaml');
  writeFileSync(
    roster,
    [
      'schemaVersion: 1',
      'units:',
      '  - { name: 某某镇党委, type: township }',
      '  - { name: 东城镇党委, type: township }',
      '  - { name: 西城镇党委, type: township }',
      '  - { name: 县教育体育局, type: department }',
      '  - { name: 某某网络科技有限公司, type: internet-enterprise }',
      '  - { name: 中共某某县委网络安全和信息化委员会办公室, type: cyber-office }',
      '',
    ].join('\n'),
  );
  // Exit 1 is expected: the folder has failing units on purpose.
  spawnSync(process.execPath, [BIN, 'batch', join(ROOT, 'test/fixtures/batch/mixed'), '--roster', roster, '--fail-under', '60', '--out', html, '--lang', 'zh'], {
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  if (!existsSync(html)) throw new Error('wangxin batch did not write the HTML summary');
  const out = join(OUT_DIR, 'batch.png');
  screenshot(pathToFileURL(html).href, out, 1100, 2200);
  checkSize(out);
}

// 3 and 4. The Word report and the batch workbook, as LibreOffice prints them.
const SOFFICE = process.env.SOFFICE ?? 'soffice';

/** Converts an office file to PDF with a LibreOffice profile of its own (nothing shared with a running office). */
function toPdf(file) {
  const profile = pathToFileURL(mkdtempSync(join(tmp, 'lo-profile-'))).href;
  execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, file], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 180_000 });
  const pdf = file.replace(/\.[a-z]+$/, '.pdf');
  if (!existsSync(pdf)) throw new Error(`soffice did not write ${pdf}`);
  return pdf;
}

/** One page of a PDF as a PNG at `dpi`, cut to its top `height` pixels when given. */
function pdfPage(pdf, page, out, dpi, height) {
  const stem = join(tmp, `page-${page}`);
  const crop = height ? ['-x', '0', '-y', '0', '-W', '2000', '-H', String(height)] : [];
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), ...crop, '-png', '-singlefile', pdf, stem], { stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(out, readFileSync(`${stem}.png`));
  checkSize(out);
}

/** The first page of a PDF from `from` on whose text `text` stands, else `fallback`. */
function pageWith(pdf, text, fallback, from = 1) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  for (let page = from; page <= pages; page++) {
    if (execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).includes(text)) return page;
  }
  return fallback;
}

function shootOffice() {
  if (spawnSync(SOFFICE, ['--version'], { encoding: 'utf8' }).status !== 0) {
    console.log('soffice not found: the Word and workbook pictures are left as they are');
    return;
  }
  // ASCII names for the converted files: soffice is given plain paths.
  const docx = join(tmp, 'report.docx');
  execFileSync(process.execPath, [BIN, 'score', join(ROOT, 'examples/answers/township.yaml'), '--out', docx, '--lang', 'zh'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const reportPdf = toPdf(docx);
  pdfPage(reportPdf, 1, join(OUT_DIR, 'report-docx-1.png'), 72);
  // The page where the rectification list starts.
  pdfPage(reportPdf, pageWith(reportPdf, '整改清单', 2, 2), join(OUT_DIR, 'report-docx-2.png'), 72);
  const xlsx = join(tmp, 'summary.xlsx');
  // Exit 1 is expected: a unit of the examples fails the batch.
  spawnSync(process.execPath, [BIN, 'batch', join(ROOT, 'examples/answers'), '--out', xlsx, '--lang', 'zh'], { env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(xlsx)) throw new Error('batch did not write the workbook');
  // The units × areas sheet: the first page with its last column's header (after the overview
  // and the rankings, about one page each for the examples).
  const summaryPdf = toPdf(xlsx);
  pdfPage(summaryPdf, pageWith(summaryPdf, '最弱领域', 4), join(OUT_DIR, 'batch-xlsx.png'), 90, 260);
  // The answer workbook a unit fills in, pre-filled from the township's answers: the first page
  // that prints the items sheet (its header names the answer column).
  const answers = join(tmp, 'answers.xlsx');
  execFileSync(process.execPath, [BIN, 'convert', join(ROOT, 'examples/answers/township.yaml'), '--to', 'xlsx', '--out', answers], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const answersPdf = toPdf(answers);
  pdfPage(answersPdf, pageWith(answersPdf, 'A1.1.1', 1), join(OUT_DIR, 'answers-xlsx.png'), 80, 520);
}

// 2. The terminal during `run`.
function tmux(...args) {
  return execFileSync('tmux', ['-u', '-L', SOCKET, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const plain = () => tmux('capture-pane', '-p', '-t', 'shot');
const keys = (...k) => tmux('send-keys', '-t', 'shot', ...k);
const type = (text) => tmux('send-keys', '-t', 'shot', '-l', text);

async function waitFor(pattern, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = plain();
    if (pattern.test(last)) {
      await sleep(150); // inquirer attaches its key handlers just after drawing
      return last;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${pattern}; the screen was:\n${last}`);
}

const atItem = (id) => waitFor(new RegExp(`^${id.replace(/\./g, '\\.')} {2}\\[[\\s\\S]*^\\? 本项`, 'm'));

/** Answers the status item on screen with the choice `downs` places below 符合, and an optional note. */
async function answerStatus(id, downs, note = '', evidence = '') {
  await atItem(id);
  // A new item starts with nothing selected: the first Down selects 符合.
  for (let i = 0; i < downs + 1; i++) keys('Down');
  keys('Enter');
  await waitFor(/^\? (备注|存在的问题|不适用的理由)/m);
  if (note) type(note);
  keys('Enter');
  await waitFor(/^\? 佐证材料/m);
  if (evidence) type(evidence);
  keys('Enter');
}

async function shootRun() {
  const answers = join(tmp, 'answers.yaml');
  const command = `env FORCE_COLOR=1 TERM=xterm-256color LANG=zh_CN.UTF-8 node ${BIN} run --unit 某某镇党委 --unit-type township --answers ${answers} --lang zh; sleep 60`;
  tmux('new-session', '-d', '-s', 'shot', '-x', String(COLS), '-y', String(ROWS), '-c', tmp, command);
  try {
    await waitFor(/^\? 填报人姓名/m);
    type('李明');
    keys('Enter');
    await waitFor(/^\? 填报人职务/m);
    type('党委宣传委员');
    keys('Enter');
    await waitFor(/^\? 填报人联系方式/m);
    type('0871-6100001');
    keys('Enter');
    await waitFor(/^\? 评估期间/m);
    type('2026年度');
    keys('Enter');
    await answerStatus('A1.1.1', 0, '3月中心组专题学习', '2026-03-中心组学习记录.pdf');
    await answerStatus('A1.1.2', 0, '4月党委会传达');
    await answerStatus('A1.1.3', 0); // the veto on falsified materials
    await answerStatus('A1.2.1', 0);
    // A typical item screen: progress, the item with its basis, guidance and evidence, the status choice.
    await atItem('A1.2.2');
    keys('Down', 'Down');
    await waitFor(/^❯ 部分符合/m);
    const ansi = tmux('capture-pane', '-p', '-e', '-t', 'shot');
    const lines = ansi.replace(/\n+$/, '').split('\n');
    const html = join(tmp, 'terminal.html');
    writeFileSync(html, terminalPage(lines));
    const out = join(OUT_DIR, 'run.png');
    const { width, height } = pageSize(lines.length);
    screenshot(pathToFileURL(html).href, out, width, height);
    checkSize(out);
  } finally {
    try {
      tmux('kill-server');
    } catch {
      /* already gone */
    }
  }
}

// ANSI (SGR) to HTML, for the captured pane.
const FONT_PX = 15;
const LINE_PX = 22;
const CELL_PX = FONT_PX * 0.55; // WenQuanYi Micro Hei Mono: half-width Latin, full-width CJK
const PAD_PX = 18;

function pageSize(rows) {
  return { width: Math.ceil(COLS * CELL_PX + 2 * PAD_PX + 8), height: Math.ceil(rows * LINE_PX + 2 * PAD_PX + 40) };
}

/** The 16 terminal colours (a dark theme close to common defaults). */
const PALETTE = ['#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d0d0d0', '#7f848e', '#ff7b86', '#b5e890', '#ffd787', '#82c4ff', '#e0a0ff', '#7fdbe6', '#ffffff'];

function color256(n) {
  if (n < 16) return PALETTE[n];
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v},${v},${v})`;
  }
  const i = n - 16;
  const step = (x) => (x === 0 ? 0 : 55 + x * 40);
  return `rgb(${step(Math.floor(i / 36))},${step(Math.floor(i / 6) % 6)},${step(i % 6)})`;
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Characters no installed font has (the pictures would show a box): drawn with CSS instead,
 * one terminal cell wide. ⏸ is the "save and quit" choice of the walk's navigation.
 */
const DRAWN = { '⏸': '<span class="pause"></span>' };
const drawMissing = (html) => html.replace(/[⏸]/g, (c) => DRAWN[c]);

/** Converts one line with SGR escapes to HTML spans. */
export function ansiToHtml(line) {
  let style = { fg: undefined, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false };
  let out = '';
  const apply = (codes) => {
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 0) style = { fg: undefined, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false };
      else if (c === 1) style.bold = true;
      else if (c === 2) style.dim = true;
      else if (c === 3) style.italic = true;
      else if (c === 4) style.underline = true;
      else if (c === 7) style.inverse = true;
      else if (c === 22) style.bold = style.dim = false;
      else if (c === 23) style.italic = false;
      else if (c === 24) style.underline = false;
      else if (c === 27) style.inverse = false;
      else if (c >= 30 && c <= 37) style.fg = PALETTE[c - 30];
      else if (c >= 90 && c <= 97) style.fg = PALETTE[c - 90 + 8];
      else if (c === 39) style.fg = undefined;
      else if (c >= 40 && c <= 47) style.bg = PALETTE[c - 40];
      else if (c >= 100 && c <= 107) style.bg = PALETTE[c - 100 + 8];
      else if (c === 49) style.bg = undefined;
      else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
        style[c === 38 ? 'fg' : 'bg'] = color256(codes[i + 2]);
        i += 2;
      } else if ((c === 38 || c === 48) && codes[i + 1] === 2) {
        style[c === 38 ? 'fg' : 'bg'] = `rgb(${codes[i + 2]},${codes[i + 3]},${codes[i + 4]})`;
        i += 4;
      }
    }
  };
  const css = () => {
    const fg = style.inverse ? style.bg ?? PALETTE[0] : style.fg;
    const bg = style.inverse ? style.fg ?? PALETTE[7] : style.bg;
    const parts = [];
    if (fg) parts.push(`color:${fg}`);
    if (bg) parts.push(`background:${bg}`);
    if (style.bold) parts.push('font-weight:bold');
    if (style.dim) parts.push('opacity:0.6');
    if (style.italic) parts.push('font-style:italic');
    if (style.underline) parts.push('text-decoration:underline');
    return parts.join(';');
  };
  const re = /\x1b\[([0-9;]*)m/g;
  let last = 0;
  const emit = (text) => {
    if (!text) return;
    const s = css();
    const inner = drawMissing(escapeHtml(text));
    out += s ? `<span style="${s}">${inner}</span>` : inner;
  };
  for (let m = re.exec(line); m; m = re.exec(line)) {
    emit(line.slice(last, m.index));
    apply(m[1] === '' ? [0] : m[1].split(';').map(Number));
    last = re.lastIndex;
  }
  // Other escapes (cursor movement, OSC) are not part of a captured pane's text; drop any left.
  emit(line.slice(last).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''));
  return out;
}

function terminalPage(lines) {
  const body = lines.map((l) => ansiToHtml(l) || ' ').join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>wangxin run</title>
<style>
  html, body { margin: 0; background: #15171c; }
  .window { margin: 0; padding: ${PAD_PX}px; padding-top: ${PAD_PX + 22}px; position: relative; background: #1e1e1e; min-height: 100vh; box-sizing: border-box; }
  .bar { position: absolute; top: 10px; left: 14px; }
  .bar i { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px; }
  .pause { display: inline-block; width: ${CELL_PX.toFixed(2)}px; height: ${FONT_PX * 0.7}px; vertical-align: -1px; box-sizing: border-box; border-left: 3px solid currentColor; border-right: 3px solid currentColor; transform: scaleX(0.8); }
  pre { margin: 0; color: #d0d0d0; font: ${FONT_PX}px/${LINE_PX}px "WenQuanYi Micro Hei Mono", "Noto Sans Mono CJK SC", monospace; white-space: pre; }
</style></head>
<body><div class="window"><div class="bar"><i style="background:#ff5f56"></i><i style="background:#ffbd2e"></i><i style="background:#27c93f"></i></div><pre>${body}</pre></div></body></html>
`;
}

try {
  if (readFileSync(BIN, 'utf8').length === 0) throw new Error('bin/wangxin.js is empty');
  if (!process.argv.includes('--office-only')) {
    shootReport();
    shootBatch();
    await shootRun();
  }
  shootOffice();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
