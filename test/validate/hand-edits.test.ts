// Answer files edited by hand with the commonest mistakes: every error in one run, each located, with a hint that says what to write.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';

const DIR = 'test/fixtures/hand-edits';

interface Found {
  at: string;
  code: string;
  zh: string;
  en: string;
}

/** Every error of one file, in both languages, as `validate --format json` reports them. */
async function errorsOf(name: string): Promise<Found[]> {
  const run = async (lang: string) => {
    const r = await runInProcess(['validate', '--format', 'json', '--lang', lang, `${DIR}/${name}`]);
    expect(r.code, r.stderr).toBe(1);
    return (JSON.parse(r.stdout) as { files: { errors: { line: number; column: number; code: string; message: string }[] }[] }).files[0].errors;
  };
  const [zh, en] = [await run('zh'), await run('en')];
  return zh.map((e, i) => ({ at: `${e.line}:${e.column}`, code: e.code, zh: e.message, en: en[i].message }));
}

describe('validate: every error of a file in one run', () => {
  it('a field indented one space too far: the message at the line before says the next line may be the cause', async () => {
    const found = await errorsOf('indented-too-far.yaml');
    // Line 7 (the comment is line 1): the line before the one indented too far.
    expect(found[0].at).toBe('7:13');
    expect(found[0].zh).toContain('或下一行比这一行缩进得多');
    expect(found[0].en).toContain('or the next line indented too far');
  });

  it('an answer written bare and a date without leading zeros: each says how to write it', async () => {
    const found = await errorsOf('bare-answer-and-date.yaml');
    expect(found.map((f) => `${f.at} ${f.code}`)).toEqual(['6:11 SCHEMA_TYPE', '7:11 SCHEMA_TYPE', '8:72 SCHEMA_PATTERN']);
    expect(found[0].zh).toBe('answers.A1.1.1：应当是 object 类型；一个答案写在花括号里：{ status: pass }');
    expect(found[0].en).toBe('answers.A1.1.1: must be object; an answer goes in braces: { status: pass }');
    expect(found[1].en).toContain('an answer goes in braces: { value: 0.75 }');
    expect(found[2].zh).toContain('日期请写成 年-月-日，如 2026-06-30');
    expect(found[2].en).toContain('write the date year-month-day, such as 2026-06-30');
  });

  it('a wrong status, a value out of range and na without a note: all three, schema and semantic rules together', async () => {
    const found = await errorsOf('three-mistakes.yaml');
    expect(found.map((f) => `${f.at} ${f.code}`)).toEqual(['5:21 SCHEMA_ENUM', '6:20 VALUE_OUT_OF_RANGE', '7:21 NA_WITHOUT_NOTE']);
    expect(found[0].en).toMatch(/did you mean "pass"\?/);
  });

  it('an empty status: one error, not two', async () => {
    const found = await errorsOf('empty-status.yaml');
    expect(found).toHaveLength(1);
    expect(found[0].at).toBe('5:21');
    expect(found[0].zh).toMatch(/status 不能为空.*pass \| partial \| fail \| na/);
    expect(found[0].en).toMatch(/status is empty.*pass \| partial \| fail \| na/);
  });
});

describe('validate: hints for the commonest hand-editing mistakes', () => {
  it('a status written as its label, in either language, says which value to write', async () => {
    const found = await errorsOf('status-labels.yaml');
    expect(found.map((f) => `${f.at} ${f.code}`)).toEqual(['5:21 SCHEMA_ENUM', '6:21 SCHEMA_ENUM', '7:21 SCHEMA_ENUM', '8:21 SCHEMA_ENUM']);
    expect(found[0].zh).toMatch(/“符合”请写作 pass/);
    expect(found[1].zh).toMatch(/“部分符合”请写作 partial/);
    expect(found[2].en).toMatch(/for "不符合" write fail/);
    expect(found[3].en).toMatch(/for "Not applicable" write na/);
  });

  it('a full-width colon: said so, and where', async () => {
    const found = await errorsOf('fullwidth-colon.yaml');
    expect(found).toHaveLength(1);
    expect(found[0].at).toBe('5:13');
    expect(found[0].zh).toMatch(/第 5 行第 19 列是全角冒号“：”，请改为半角冒号“:”（后面加一个空格）/);
    expect(found[0].en).toMatch(/line 5, column 19 has a full-width colon "："; write an ASCII colon ":" followed by a space/);
  });

  it('an id, a version or a digest in the wrong form: what it must look like in words, not a regular expression', async () => {
    const found = await errorsOf('pattern-words.yaml');
    expect(found.map((f) => `${f.at} ${f.code}`)).toEqual(['2:18 SCHEMA_PATTERN', '2:41 SCHEMA_PATTERN', '5:61 SCHEMA_PATTERN']);
    expect(found[0].zh).toContain('应为小写字母和数字，可用短横线连接（如 city-small）');
    expect(found[1].en).toContain('it must be a version such as 1.0.0 (major.minor.patch)');
    expect(found[2].zh).toContain('应为64 位小写十六进制数字（SHA-256 摘要）');
    for (const f of found) expect(f.zh + f.en).not.toMatch(/\^|\$"/);
  });

  it('a full-width comma: said so, and where', async () => {
    const found = await errorsOf('fullwidth-comma.yaml');
    expect(found).toHaveLength(1);
    expect(found[0].zh).toMatch(/第 5 行第 25 列是全角逗号“，”，请改为半角逗号“,”/);
    expect(found[0].en).toMatch(/line 5, column 25 has a full-width comma "，"; write an ASCII comma ","/);
  });

  it('a percentage for a value: write the share', async () => {
    const found = await errorsOf('value-percent.yaml');
    expect(found).toHaveLength(1);
    expect(found[0].zh).toMatch(/请写作 0\.75/);
    expect(found[0].en).toMatch(/write 0\.75/);
  });

  it('a missing comma between the lines of a flow map points at the line that lacks it', async () => {
    const found = await errorsOf('missing-comma-lines.yaml');
    expect(found).toHaveLength(1);
    expect(found[0].at.split(':')[0]).toBe('6');
    expect(found[0].zh).toMatch(/第 6 行末尾缺少逗号“,”/);
    expect(found[0].en).toMatch(/line 6 lacks a comma "," at its end/);
  });

  it('a missing comma inside a flow map on one line', async () => {
    const found = await errorsOf('missing-comma-inline.yaml');
    expect(found).toHaveLength(1);
    expect(found[0].at).toBe('5:26');
    expect(found[0].zh).toMatch(/缺少逗号“,”/);
    expect(found[0].en).toMatch(/a comma "," is missing/);
  });

  it('YAML syntax messages are translated', async () => {
    const found = await errorsOf('unclosed-quote.yaml');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.zh, f.zh).not.toMatch(/[a-z]{4,}/);
    expect(found[0].zh).toMatch(/引号没有闭合/);
    // English in plain words too, not yaml's own ("Missing closing \"quote").
    expect(found[0].en).toMatch(/a double quote is not closed/);
    for (const f of found) expect(f.en, f.en).not.toMatch(/Missing closing|flow|scalar|implicit/i);
  });
});
