// The Markdown report: snapshots of the examples, and the parts a person relies on (veto banner, escaping, lists).
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/json-report.js';
import { formatMarkdown } from '../../src/report/markdown-report.js';
import { scoreAnswers } from '../../src/score/score.js';
import type { Lang } from '../../src/i18n/lang.js';
import { EXAMPLES, FIXED_TIME, examplePath, loadAnswers } from './load.js';

async function markdownOf(file: string, lang: Lang = 'zh'): Promise<string> {
  const { checklist, answers } = await loadAnswers(file);
  const report = buildReport(scoreAnswers(checklist, answers), checklist, answers, { lang, generatedAt: FIXED_TIME, toolVersion: '0.0.0-test' });
  return formatMarkdown(report, { lang, checklist });
}

describe('Markdown report', () => {
  it.each(EXAMPLES)('matches the snapshot of the %s example', async (name) => {
    await expect(await markdownOf(examplePath(name))).toMatchFileSnapshot(`__snapshots__/${name}.zh.md`);
  });

  it('matches the English snapshot of the township example', async () => {
    await expect(await markdownOf(examplePath('township'), 'en')).toMatchFileSnapshot('__snapshots__/township.en.md');
  });

  it('has the header, the score line, the area bars and every section', async () => {
    const md = await markdownOf(examplePath('township'));
    expect(md).toMatch(/^# 网信工作自查报告：某某镇党委\n/);
    expect(md).toContain('| 填报人 | 李明（党委宣传委员，0871-6100001） |');
    expect(md).toContain('| 检查表 | 县级网络安全和信息化工作自查表（2018）（county-cyber-2018，版本 1.1.0） |');
    expect(md).toContain('**总分 85.5 分，等级：良好**');
    expect(md).toMatch(/\| █████████░ 92\.4 \|/);
    for (const heading of ['## 各项得分', '## 逐项结果', '## 整改清单', '## 提分建议', '## 计分方法']) expect(md).toContain(heading);
    expect(md).not.toContain('[!CAUTION]');
  });

  it('lists an area with no item for the unit type in the area table as not applicable, weight 0', async () => {
    // No item of A2 applies to an internet enterprise.
    const zh = await markdownOf(examplePath('internet-enterprise'));
    const table = zh.slice(zh.indexOf('## 各项得分'), zh.indexOf('## 逐项结果'));
    expect(table).toMatch(/\| 二、[^|]+ \| 0 \| — \| 不适用 \|/);
    expect(table.match(/^\| [一二三四五]、/gm)).toHaveLength(5);
    const en = await markdownOf(examplePath('internet-enterprise'), 'en');
    expect(en).toMatch(/\| [^|]+ \| 0 \| — \| not applicable \|/);
  });

  it('lists every fail, partial and unanswered item in the rectification list with guidance', async () => {
    const md = await markdownOf(examplePath('township'));
    const section = md.slice(md.indexOf('## 整改清单'), md.indexOf('## 提分建议'));
    for (const id of ['A1.2.2', 'A2.2.1', 'A3.2.5', 'A4.1.5', 'A4.1.7']) expect(section).toContain(`**${id}**`);
    expect(section).not.toContain('**A1.1.1**');
    expect(section).toContain('检查方法：查阅自查报告、问题清单和整改台账');
    expect(section).toContain('应备佐证材料：自查报告、问题清单、整改台账');
  });

  it('says how far the base is from unlocking the bonus points already earned', async () => {
    const { checklist, answers } = await loadAnswers(examplePath('township'));
    // Township: base 80.5 with 5 bonus points; two more items failed put the base under 80.
    answers.answers['A4.1.1'] = { status: 'fail' };
    answers.answers['A4.1.2'] = { status: 'fail' };
    const result = scoreAnswers(checklist, answers);
    expect(result.baseScore).toBeLessThan(80);
    const report = buildReport(result, checklist, answers, { lang: 'zh', generatedAt: FIXED_TIME, toolVersion: '0.0.0-test' });
    const need = (Math.ceil((80 - result.baseScore) * 10) / 10).toFixed(1);
    const zh = formatMarkdown(report, { lang: 'zh', checklist });
    const gains = zh.slice(zh.indexOf('## 提分建议'), zh.indexOf('## 计分方法'));
    expect(gains).toContain(`基础分再提高 ${need} 分（达到 80 分）即可计入已得加分 5 分`);
    const en = formatMarkdown(buildReport(result, checklist, answers, { lang: 'en', generatedAt: FIXED_TIME, toolVersion: '0.0.0-test' }), { lang: 'en', checklist });
    expect(en).toContain(`raise the base score by ${need} (to 80) and the 5 bonus points already earned count`);
    // Reached, nothing is said.
    expect(await markdownOf(examplePath('township'))).not.toContain('即可计入已得加分');
  });

  it('says a veto once: the text that says (一票否决) gets no veto tag beside it', async () => {
    const md = await markdownOf(examplePath('township'));
    const line = md.split('\n').find((l) => l.startsWith('| A3.3.5 |'))!;
    expect(line.match(/一票否决|否决项/g)).toEqual(['一票否决']);
    const en = (await markdownOf(examplePath('township'), 'en')).split('\n').find((l) => l.startsWith('| A3.3.5 |'))!;
    expect(en.match(/veto/gi)).toEqual(['veto']);
  });

  it('leaves bonus items out of the rectification list and lists those not yet won under 可争取的加分', async () => {
    const md = await markdownOf(examplePath('township'));
    const section = md.slice(md.indexOf('## 整改清单'), md.indexOf('## 可争取的加分'));
    expect(section).not.toContain('★');
    for (const id of ['A3.2.5', 'A4.1.7']) expect(section).not.toContain(`**${id}**`);
    const bonus = md.slice(md.indexOf('## 可争取的加分'), md.indexOf('## 提分建议'));
    expect(bonus).toMatch(/1\. \*\*A3\.2\.5\*\* ★[^\n]*（可加 3 分）/);
    expect(bonus).toMatch(/2\. \*\*A4\.1\.7\*\* ★[^\n]*（可加 5 分）/);
    expect(bonus).not.toContain('A2.3.3');
    const en = await markdownOf(examplePath('township'), 'en');
    expect(en).toMatch(/## Bonus points within reach\n\n[^\n]*\n\n1\. \*\*A3\.2\.5\*\*[^\n]*\(up to 3 points\)/);
  });

  it('ranks the gains by their effect on the final score and shows the formula with the numbers', async () => {
    const md = await markdownOf(examplePath('township'));
    const gains = md.slice(md.indexOf('## 提分建议'), md.indexOf('## 计分方法'));
    expect(gains).toMatch(/1\. \*\*A4\.1\.7\*\*.*\+5\.0 分 → 90\.5/);
    expect(md).toContain('基础分 = 100 × Σ(权重 × 得分率) ÷ Σ权重 = 100 × (8.5 × 0.9235 + 8.5 × 0.7794');
    expect(md).toContain('总分 = 基础分 + 加分 = 80.5 + 5.0 = 85.5');
  });

  it('shows a veto banner naming the veto item', async () => {
    const md = await markdownOf('test/fixtures/score/vetoed.yaml');
    expect(md).toContain('> [!CAUTION]');
    expect(md).toMatch(/> ⛔ \*\*一票否决：A3\.3\.4 年内未出现网络政治事件.*“不合格”/);
    expect(md).toContain('等级：不合格');
    // Unanswered items are announced and listed to rectify.
    expect(md).toContain('> [!WARNING]');
    expect(md).toMatch(/\*\*A2\.1\.1\*\*.*（未作答，得 0 \/ 3 分）/);
  });

  it('escapes names and notes so that tables and the page cannot break', async () => {
    const md = await markdownOf('test/fixtures/score/evil-notes.yaml');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<b>');
    expect(md).toContain('&lt;script&gt;alert(\'x\')&lt;/script&gt;');
    expect(md).toContain('# 网信工作自查报告：某镇\\|&lt;b&gt;党委&lt;/b&gt; \\*粗\\* \\[链接\\](http://x)');
    // Every table row keeps its number of cells: count unescaped pipes per row of the items table.
    const rows = md.split('\n').filter((l) => l.startsWith('| A1.1.'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    // A note's newlines stay inside the cell; "# 不是标题" does not become a heading.
    expect(md).not.toMatch(/^# 不是标题/m);
    expect(md).not.toMatch(/^- 不是列表/m);
  });

  it('rounds once, from the exact score, not from the 2-decimal JSON value', async () => {
    // base = 100 × 10 / 59 = 16.949…: JSON 16.95, Markdown 16.9 (not 17.0 by double rounding)
    const { checklist, answers } = await loadAnswers('test/fixtures/score/vetoed.yaml');
    const report = buildReport(scoreAnswers(checklist, answers), checklist, answers, { lang: 'zh', generatedAt: FIXED_TIME });
    expect(report.score).toBe(16.95);
    expect(formatMarkdown(report, { lang: 'zh', checklist })).toContain('**总分 16.9 分，等级：不合格**');
    // A report read back from JSON has only the 2-decimal values to go by.
    expect(formatMarkdown(JSON.parse(JSON.stringify(report)), { lang: 'zh', checklist })).toContain('**总分 17.0 分');
  });

  it('says which answers were ignored', async () => {
    const md = await markdownOf('test/fixtures/score/not-applying.yaml');
    expect(md).toContain('不适用于本单位类型，已忽略：A3.1.4');
  });
});
