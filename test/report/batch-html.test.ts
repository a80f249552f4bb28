// The batch summary as HTML: one self-contained page with its sections, charts with their tables, every file's text escaped.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';
import { heatColour } from '../../src/report/batch-html.js';

const COUNTY = join('test', 'fixtures', 'batch', 'county');
const ROSTER = join('test', 'fixtures', 'batch', 'roster', 'units.yaml');
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'wangxin-batch-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A unit name that tries to break out of every context of the page. */
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&\u202e镇';

/** The county fixture plus a township with a hostile name and an invalid file, in a folder of their own. */
function hostileCounty(): string {
  const folder = join(dir, 'county');
  cpSync(COUNTY, folder, { recursive: true });
  const jia = readFileSync(join(COUNTY, 'jia.yaml'), 'utf8');
  writeFileSync(join(folder, 'evil.yaml'), jia.replace('unit: { name: 甲镇, type: township }', `unit: { name: ${JSON.stringify(HOSTILE)}, type: township }`));
  writeFileSync(join(folder, 'broken.yaml'), jia.replace('A1.1: { status: pass }', 'A1.1: { status: pas }'));
  return folder;
}

async function html(lang: 'zh' | 'en'): Promise<{ text: string; file: string; code: number }> {
  const folder = existsSync(join(dir, 'county')) ? join(dir, 'county') : hostileCounty();
  const file = join(dir, `汇总-${lang}.html`);
  // The format comes from the extension.
  const r = await runInProcess(['batch', folder, '--checklist', join(folder, 'checklist.yaml'), '--roster', ROSTER, '--out', file, '--lang', lang], EPOCH);
  return { text: readFileSync(file, 'utf8'), file, code: r.code };
}

const HEADINGS = {
  zh: ['概况', '分布', '各单位分领域得分', '全县情况', '排名', '报送情况', '无效文件 (1)', '重复提交 (1)', '其他文件（未评分） (1)'],
  en: ['Overview', 'Distribution', 'Area scores by unit', 'County-wide findings', 'Ranking', 'Who has submitted', 'Invalid files (1)', 'Submitted more than once (1)', 'Other files, not scored (1)'],
};

describe('batch --format html', () => {
  it.each(['zh', 'en'] as const)('is one self-contained page with every section, each chart followed by its numbers (%s)', async (lang) => {
    const { text, code } = await html(lang);
    expect(code).toBe(1);
    expect(text.startsWith('<!DOCTYPE html>')).toBe(true);
    // No script, no external resource of any kind.
    expect(text).not.toMatch(/<script|<link|<img|<iframe|<object|@import|@font-face|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect([...text.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(HEADINGS[lang]);
    expect(text).toContain('@page { size: A4');
    // The area legend in the page's own punctuation.
    expect(text).toMatch(lang === 'zh' ? /<p class="note"><b>A1<\/b> [^<]*；<b>A2<\/b>/ : /<p class="note"><b>A1<\/b> [^<]*; <b>A2<\/b>/);
    // Three charts (grades, units × areas, items), each an inline SVG with a title, a table after it.
    const svgs = [...text.matchAll(/<svg [^>]*role="img"[^>]*><title>[^<]+<\/title>/g)];
    expect(svgs).toHaveLength(3);
    for (const m of svgs) expect(text.slice(m.index!).search(/<\/svg>[\s\S]*?<table/)).toBeGreaterThan(0);
    // The figures worked out by hand in test/cli/batch-findings.test.ts, as cells.
    expect(text).toContain('<tr><td>A2.1</td><td>' + (lang === 'zh' ? '终端安装防病毒软件' : 'Terminals run antivirus software') + '</td><td class="num">0</td><td class="num">1</td><td class="num">1</td><td class="num">5</td><td class="num">7.5</td></tr>');
    // The reasons and the instruction for the invalid file.
    expect(text).toContain(lang === 'zh' ? '一票否决：A2.3（年内未发生重大网络安全事件）' : 'vetoed by A2.3 (No major incident during the year)');
    expect(text).toContain(lang === 'zh' ? '贵单位报送的自查答卷“broken.yaml”' : 'The self-check answer file &quot;broken.yaml&quot; your unit sent');
    expect(text).toContain('<td>戊镇</td>');
  });

  it('escapes a hostile unit name everywhere it appears, in text and in the SVG', async () => {
    const { text } = await html('zh');
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain('\u202e');
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;\\u{202e}镇';
    // The ranking, the per-type ranking and the area table show it whole.
    expect(text.split(escaped).length - 1).toBeGreaterThanOrEqual(3);
  });

  it('parses in a real browser into the same structure, with the hostile name as text', async (t) => {
    if (!existsSync(CHROMIUM)) t.skip();
    const { file } = await html('en');
    const profile = mkdtempSync(join(dir, 'profile-'));
    const r = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`, '--dump-dom', pathToFileURL(file).href], { encoding: 'utf8', timeout: 60_000 });
    const dom = r.stdout;
    expect(dom, r.stderr).toContain('</html>');
    // What the browser built, serialised back: no element came out of a unit's name.
    expect(dom).not.toMatch(/<script|<img/i);
    expect([...dom.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(HEADINGS.en);
    expect(dom.match(/<svg /g)).toHaveLength(3);
    expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('colours scores from red to green, with readable text on each', () => {
    expect(heatColour(20).fill).toBe('hsl(0,70%,50%)');
    expect(heatColour(70).fill).toBe('hsl(45,70%,50%)');
    expect(heatColour(100).fill).toBe('hsl(130,70%,38%)');
    expect(heatColour(70).text).toBe('#1f2328');
    expect(heatColour(20).text).toBe('#ffffff');
  });
});

describe('the HTML summary has every section of the Markdown one', () => {
  it('baseline, follow-up, rectification tasks, evidence problems and other files too, in both languages', async () => {
    const folder = join(dir, 'sections');
    cpSync('examples/loop/2026', folder, { recursive: true });
    cpSync('checklists/county-cyber-2018.yaml', join(folder, 'checklist.yaml'));
    // A unit whose evidence is not there, for --verify-evidence.
    cpSync('examples/answers/township.yaml', join(folder, 'other-town.yaml'));
    writeFileSync(join(folder, 'other-town.yaml'), readFileSync(join(folder, 'other-town.yaml'), 'utf8').replace('某某镇党委', '另一镇党委'));
    for (const lang of ['zh', 'en']) {
      const args = ['batch', folder, '--baseline', 'examples/loop/2025', '--verify-evidence', '--as-of', '2026-11-15', '--lang', lang];
      const md = (await runInProcess(args, EPOCH)).stdout;
      const html = (await runInProcess([...args, '--format', 'html'], EPOCH)).stdout;
      const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      const mdHeadings = [...md.matchAll(/^##+ (.+)$/gm)].map((m) => m[1].replace(/\\(.)/g, '$1'));
      const htmlHeadings = new Set([...html.matchAll(/<h[23][^>]*>([^<]*)<\/h[23]>/g)].map((m) => unescape(m[1])));
      const missing = mdHeadings.filter((x) => !htmlHeadings.has(x));
      expect(missing, lang).toEqual([]);
      expect(mdHeadings.length).toBeGreaterThan(10);
      // The rectification line under the counts, and the change column.
      const line = md.split('\n').find((l) => /整改任务|rectification task/i.test(l) && /ledger/.test(l))!;
      expect(unescape(html.replace(/<\/?code>/g, ''))).toContain(line.replace(/\*\*/g, '').replace(/`/g, ''));
      expect(html).toMatch(lang === 'zh' ? /<th[^>]*>变化<\/th>/ : /<th[^>]*>Change<\/th>/);
    }
  });
});
