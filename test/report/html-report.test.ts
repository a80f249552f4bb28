// The HTML report: self-contained, printable, escaped, with the chart and the same sections as the Markdown.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/json-report.js';
import { formatHtml } from '../../src/report/html-report.js';
import { scoreAnswers } from '../../src/score/score.js';
import type { Lang } from '../../src/i18n/lang.js';
import { EXAMPLES, FIXED_TIME, examplePath, loadAnswers } from './load.js';
import { answers, area, checklist, item } from '../score/helpers.js';

async function htmlOf(file: string, lang: Lang = 'zh'): Promise<string> {
  const { checklist, answers } = await loadAnswers(file);
  const report = buildReport(scoreAnswers(checklist, answers), checklist, answers, { lang, generatedAt: FIXED_TIME, toolVersion: '0.0.0-test' });
  return formatHtml(report, { lang, checklist });
}

describe('HTML report', () => {
  it.each(EXAMPLES)('matches the snapshot of the %s example', async (name) => {
    await expect(await htmlOf(examplePath(name))).toMatchFileSnapshot(`__snapshots__/${name}.zh.html`);
  });

  it('is one self-contained, printable UTF-8 page', async () => {
    const html = await htmlOf(examplePath('township'));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
    expect(html).toMatch(/tr \{[^}]*break-inside: avoid/);
    expect(html).toContain('Microsoft YaHei');
    // Nothing loaded from elsewhere: no scripts, links, images, fonts or external URLs in attributes.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\(/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
  });

  it('has an inline SVG chart of the areas and every section', async () => {
    const html = await htmlOf(examplePath('township'));
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html.match(/<rect [^>]*fill="#(2da44e|54aeff|d4a72c|cf222e)"/g)).toHaveLength(5);
    for (const heading of ['各项得分', '逐项结果', '整改清单', '提分建议', '计分方法']) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<strong>85.5</strong>');
  });

  it('shows an area with no item for the unit type as not applicable, in the table and the chart', async () => {
    const html = await htmlOf(examplePath('internet-enterprise'), 'en');
    expect(html).toMatch(/<tr><td>[^<]+<\/td><td class="num">0<\/td><td class="num">—<\/td><td class="num"><span class="muted">not applicable<\/span><\/td><\/tr>/);
    expect(html).toMatch(/<text [^>]*fill="#57606a">not applicable<\/text>/);
    expect(html.match(/<tr><td>/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('shows a note containing <script> as text', async () => {
    const html = await htmlOf('test/fixtures/score/evil-notes.yaml');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>党委</b>');
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>网信工作自查报告：某镇|&lt;b&gt;党委&lt;/b&gt;');
  });

  it('escapes checklist texts too, in the tables and in the SVG chart', () => {
    const list = checklist([area('A', [item('a1', 2, { text: '<script>x()</script>', guidance: '<b>查</b>' })])]);
    list.areas[0].title = '领域 <script>alert(1)</script> & "引号"';
    const given = answers({ a1: { status: 'fail' } });
    const html = formatHtml(buildReport(scoreAnswers(list, given), list, given, { lang: 'zh', generatedAt: FIXED_TIME }), { lang: 'zh', checklist: list });
    expect(html).not.toMatch(/<script|<b>查/);
    expect(html).toContain('<text x="322" y="22" text-anchor="end" fill="#1f2328">领域 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;</text>');
    expect(html).toContain('&lt;b&gt;查&lt;/b&gt;');
  });

  it('shows the veto banner', async () => {
    const html = await htmlOf('test/fixtures/score/vetoed.yaml');
    expect(html).toMatch(/<div class="veto" role="alert">一票否决：A3\.3\.4/);
    expect(html).toContain('<span class="grade lowest">不合格</span>');
  });

  it('speaks English when asked', async () => {
    const html = await htmlOf(examplePath('township'), 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>Rectification list</h2>');
    expect(html).toContain('Township party committee');
  });
});
