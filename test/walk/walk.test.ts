// The walk with a scripted Prompter: each kind of item, validation at the prompt, navigation, resume, the file on disk.
import { translate, type MessageKey } from '../../src/i18n/translate.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/model/answers.js';
import type { Checklist } from '../../src/model/checklist.js';
import { checkFile } from '../../src/check/check-file.js';
import { saveAnswers } from '../../src/walk/answer-file.js';
import { PromptInterrupted } from '../../src/walk/prompter.js';
import { createScriptedPrompter, type ScriptStep } from '../../src/walk/scripted-prompter.js';
import { firstUnanswered, walk, type WalkOptions } from '../../src/walk/walk.js';
import { applyingItems } from '../../src/model/checklist.js';
import { blankAnswers, builtinChecklist, makeTempDir } from './helpers.js';

let checklist: Checklist;
beforeAll(async () => {
  checklist = await builtinChecklist();
});

/** Runs the walk with a script, recording every save. */
async function runWalk(answers: Answers, steps: ScriptStep[], extra: Partial<WalkOptions> = {}) {
  const prompter = createScriptedPrompter(steps);
  const saves: Answers[] = [];
  const result = await walk({
    prompter,
    checklist,
    answers,
    lang: 'zh',
    save: async (a) => {
      saves.push(structuredClone(a));
    },
    ...extra,
  });
  return { result, prompter, saves };
}

/** The item id shown on a screen. */
function screenItem(screen: string): string | undefined {
  return /^(A\d+(?:\.\d+)+) {2}\[/m.exec(screen)?.[1];
}

const QUIT: ScriptStep = { select: '@quit' };

describe('walk: answering each kind of item', () => {
  it('status item: status, note and evidence are saved as one answer', async () => {
    const answers = blankAnswers(checklist);
    const { result, prompter, saves } = await runWalk(answers, [
      { select: 'partial' },
      { input: '整改措施未明确责任人' },
      { input: '2026-纪要.pdf；https://example.org/x' },
      { confirm: false },
      QUIT,
    ]);
    expect(result).toEqual({ outcome: 'quit', answered: 1, total: 42 });
    expect(answers.answers).toEqual({ 'A1.1.1': { status: 'partial', note: '整改措施未明确责任人', evidence: ['2026-纪要.pdf', 'https://example.org/x'] } });
    expect(saves).toHaveLength(1);
    expect(saves[0].answers).toEqual(answers.answers);
    // partial asks for the gap, not a plain note.
    expect(prompter.asked[1].message).toBe(translate('zh', 'walk.note.problem'));
    expect(prompter.screens.map(screenItem)).toEqual(['A1.1.1', 'A1.1.2']);
    expect(prompter.remaining()).toBe(0);
  });

  it('the screen shows where we are, a progress bar, the text, basis, guidance and evidence', async () => {
    const answers = blankAnswers(checklist);
    const { prompter } = await runWalk(answers, [QUIT], { startAt: 'A2.3.2' });
    const screen = prompter.screens[0];
    expect(screen).toContain('第 2/5 部分 · 第 13/42 项');
    expect(screen).toContain('░░░░');
    expect(screen).toContain('已作答 0/42');
    expect(screen).toContain('依据：「');
    expect(screen).toContain('检查方法：');
    expect(screen).toContain('佐证材料：');
    expect(screen).toContain('[按比例计分]');
    const en = await runWalk(blankAnswers(checklist), [QUIT], { startAt: 'A2.3.2', lang: 'en' });
    expect(en.prompter.screens[0]).toContain('Part 2/5 · Item 13/42');
    expect(en.prompter.screens[0]).toContain('How to check: ');
  });

  it('na needs a note: empty and "-" are refused at the prompt', async () => {
    const answers = blankAnswers(checklist);
    const { prompter } = await runWalk(answers, [{ select: 'na' }, { input: '' }, { input: '  -  ' }, { input: '本单位未开设账号' }, { input: '' }, QUIT]);
    expect(answers.answers['A1.1.1']).toEqual({ status: 'na', note: '本单位未开设账号' });
    expect(prompter.asked[1].errors).toEqual([translate('zh', 'walk.note.required'), translate('zh', 'walk.note.required')]);
  });

  it('ratio item: fraction, quotient and percentage; bad values are refused with a message', async () => {
    const answers = blankAnswers(checklist);
    const { prompter } = await runWalk(
      answers,
      [{ select: '@enter' }, { input: '75' }, { input: 'abc' }, { input: '5/4' }, { input: '3/4' }, { input: '' }, { input: '' }, { confirm: false }, QUIT],
      { startAt: 'A2.3.2' },
    );
    expect(answers.answers['A2.3.2']).toEqual({ value: 0.75 });
    const ratio = prompter.asked[1];
    expect(ratio.errors).toEqual([
      translate('zh', 'walk.ratio.percentHint', { value: '75' }),
      translate('zh', 'walk.ratio.format', { value: 'abc' }),
      translate('zh', 'walk.ratio.range', { value: '5/4' }),
    ]);
    expect(ratio.errors[0]).toContain('75%');
  });

  it('ratio item answered with a percentage, and not applicable', async () => {
    const answers = blankAnswers(checklist);
    await runWalk(answers, [{ select: '@enter' }, { input: '80%' }, { input: '16/20' }, { input: '' }, { confirm: false }, QUIT], { startAt: 'A4.1.4' });
    expect(answers.answers['A4.1.4']).toEqual({ value: 0.8, note: '16/20' });
    await runWalk(answers, [{ select: 'na' }, { input: '无内设机构' }, { input: '' }, QUIT], { startAt: 'A2.3.2' });
    expect(answers.answers['A2.3.2']).toEqual({ status: 'na', note: '无内设机构' });
  });

  it('deduct item: a count per rule, validated; "no deductions" writes {}', async () => {
    const answers = blankAnswers(checklist);
    const { prompter } = await runWalk(
      answers,
      [{ select: '@enter' }, { input: '-1' }, { input: '1.5' }, { input: '2' }, { input: '' }, { input: '迟报两次' }, { input: '' }, { confirm: false }, QUIT],
      { startAt: 'A3.2.3' },
    );
    expect(answers.answers['A3.2.3']).toEqual({ deductions: { d1: 2 }, note: '迟报两次' });
    expect(prompter.asked[1].errors).toEqual([translate('zh', 'walk.deduct.bad', { value: '-1' }), translate('zh', 'walk.deduct.bad', { value: '1.5' })]);
    expect(prompter.asked[2].default).toBe('0');
    await runWalk(answers, [{ select: '@none' }, { input: '' }, { input: '' }, QUIT], { startAt: 'A4.3.5' });
    expect(answers.answers['A4.3.5']).toEqual({ deductions: {} });
  });
});

describe('walk: rectification after a shortfall', () => {
  it('is offered after fail and partial only, and can be skipped', async () => {
    const answers = blankAnswers(checklist);
    const { prompter } = await runWalk(answers, [
      { select: 'pass' }, { input: '' }, { input: '' }, // A1.1.1: no offer
      { select: 'fail' }, { input: '' }, { input: '' }, { confirm: false }, // A1.1.2: offered, skipped
      QUIT,
    ]);
    expect(prompter.asked.filter((q) => q.kind === 'confirm').map((q) => q.message)).toEqual([translate('zh', 'walk.rectify.offer')]);
    expect(answers.answers).toEqual({ 'A1.1.1': { status: 'pass' }, 'A1.1.2': { status: 'fail' } });
  });

  it('refuses blank measures, a bad due date, and a done task without evidence, at the prompt', async () => {
    const answers = blankAnswers(checklist);
    const { prompter } = await runWalk(answers, [
      { select: 'partial' }, { input: '' }, { input: '' },
      { confirm: true },
      { input: '  ' }, { input: '补开会议' },
      { input: '王芳' },
      { input: '2026-6-30' }, { input: '2026-02-30' }, { input: '2026-06-30' },
      { select: 'done' },
      { input: '昨天' }, { input: '2026-06-20' },
      { input: '' }, { input: ' , ' }, { input: '纪要.pdf' },
      QUIT,
    ]);
    const errors = (message: MessageKey): string[] => prompter.asked.find((q) => q.message === translate('zh', message))!.errors;
    expect(errors('walk.rectify.measures')).toEqual([translate('zh', 'walk.rectify.required')]);
    expect(errors('walk.rectify.due')).toEqual([translate('zh', 'walk.rectify.badDate', { value: '2026-6-30' }), translate('zh', 'walk.rectify.badDate', { value: '2026-02-30' })]);
    expect(errors('walk.rectify.doneOn')).toEqual([translate('zh', 'walk.rectify.badDate', { value: '昨天' })]);
    expect(errors('walk.rectify.evidence')).toEqual([translate('zh', 'walk.rectify.evidenceRequired'), translate('zh', 'walk.rectify.evidenceRequired')]);
    expect(answers.answers['A1.1.1']).toEqual({
      status: 'partial',
      rectify: { measures: '补开会议', owner: '王芳', due: '2026-06-30', status: 'done', doneOn: '2026-06-20', evidence: ['纪要.pdf'] },
    });
  });

  it('revisiting offers the task for editing with its fields as defaults; no drops it; a pass drops it', async () => {
    const answers = blankAnswers(checklist);
    const plan = { measures: '补开会议', owner: '王芳', due: '2026-06-30', status: 'open' as const };
    answers.answers['A1.1.1'] = { status: 'fail', rectify: plan };
    const edit = await runWalk(answers, [{ select: 'fail' }, { input: '' }, { input: '' }, { confirm: true }, { input: '' }, { input: '李明' }, { input: '' }, { select: 'in-progress' }, QUIT], { startAt: 'A1.1.1' });
    const confirm = edit.prompter.asked.find((q) => q.kind === 'confirm')!;
    expect(confirm).toMatchObject({ message: translate('zh', 'walk.rectify.edit'), default: true });
    expect(edit.prompter.asked.find((q) => q.message === translate('zh', 'walk.rectify.measures'))!.default).toBe('补开会议');
    expect(answers.answers['A1.1.1'].rectify).toEqual({ ...plan, owner: '李明', status: 'in-progress' });
    await runWalk(answers, [{ select: 'fail' }, { input: '' }, { input: '' }, { confirm: false }, QUIT], { startAt: 'A1.1.1' });
    expect(answers.answers['A1.1.1']).toEqual({ status: 'fail' });
    answers.answers['A1.1.1'] = { status: 'fail', rectify: plan };
    await runWalk(answers, [{ select: 'pass' }, { input: '' }, { input: '' }, QUIT], { startAt: 'A1.1.1' });
    expect(answers.answers['A1.1.1']).toEqual({ status: 'pass' });
  });
});

describe('walk: evidence files', () => {
  it('the prompt says paths are relative to the answer file\'s folder, and a file that does not exist is warned about (and kept)', async () => {
    const tmp = makeTempDir();
    try {
      writeFileSync(join(tmp.dir, '纪要.pdf'), 'x');
      const answers = blankAnswers(checklist);
      const { prompter } = await runWalk(answers, [{ select: 'pass' }, { input: '' }, { input: '纪要.pdf, 缺失.pdf, https://example.org/a' }, QUIT], { evidenceBase: tmp.dir });
      expect(prompter.asked[2].message).toMatch(/相对于答卷所在的文件夹/);
      // On top of the next screen, which would clear anything said before it.
      const said = prompter.screens[1];
      expect(said).toMatch(/找不到佐证材料“缺失\.pdf”/);
      expect(said).not.toMatch(/纪要\.pdf|example\.org/);
      expect(answers.answers['A1.1.1'].evidence).toEqual(['纪要.pdf', '缺失.pdf', 'https://example.org/a']);
    } finally {
      tmp.remove();
    }
  });
});

describe('walk: veto items', () => {
  it('offer only 符合 and 不符合', async () => {
    const answers = blankAnswers(checklist);
    const { prompter, saves } = await runWalk(answers, [{ select: 'fail' }, { input: '发生重大网络安全事件' }, { input: '' }, { confirm: false }, QUIT], { startAt: 'A3.3.5' });
    const statuses = prompter.asked[0].values!.filter((v) => !String(v).startsWith('@'));
    expect(statuses).toEqual(['pass', 'fail']);
    expect(saves[0].answers['A3.3.5']).toEqual({ status: 'fail', note: '发生重大网络安全事件' });
    // An ordinary status item still offers all four.
    const plain = await runWalk(blankAnswers(checklist), [QUIT], { startAt: 'A1.1.1' });
    expect(plain.prompter.asked[0].values!.filter((v) => !String(v).startsWith('@'))).toEqual(['pass', 'partial', 'fail', 'na']);
  });
});

describe('walk: navigation', () => {
  it('back returns to the previous item with its answer preselected; skip leaves it as it was', async () => {
    const answers = blankAnswers(checklist);
    const { prompter } = await runWalk(answers, [
      { select: 'pass' },
      { input: '' },
      { input: '' },
      { select: '@back' },
      { select: '@skip' },
      { select: '@skip' },
      QUIT,
    ]);
    expect(prompter.screens.map(screenItem)).toEqual(['A1.1.1', 'A1.1.2', 'A1.1.1', 'A1.1.2', 'A1.1.3']);
    const revisit = prompter.asked.filter((q) => q.kind === 'select')[2];
    expect(revisit.default).toBe('pass');
    expect(prompter.screens[2]).toContain('已有答案：符合');
    expect(answers.answers).toEqual({ 'A1.1.1': { status: 'pass' } });
    // The first item offers no "back".
    expect(prompter.asked[0].values).not.toContain('@back');
  });

  it('revisiting keeps the previous note and evidence as defaults; "-" clears them', async () => {
    const answers = blankAnswers(checklist);
    answers.answers['A1.1.1'] = { status: 'fail', note: '旧说明', evidence: ['a.pdf'] };
    const { prompter } = await runWalk(answers, [{ select: 'pass' }, { input: '' }, { input: '-' }, QUIT], { startAt: 'A1.1.1' });
    expect(prompter.asked[0].default).toBe('fail');
    expect(prompter.asked[1].default).toBe('旧说明');
    expect(prompter.asked[2].default).toBe('a.pdf');
    expect(answers.answers['A1.1.1']).toEqual({ status: 'pass', note: '旧说明' });
  });

  it('jumps to an area and can cancel a jump', async () => {
    const answers = blankAnswers(checklist);
    const items = applyingItems(checklist, 'township');
    const a4 = items.findIndex((p) => p.area.id === 'A4');
    const { prompter } = await runWalk(answers, [{ select: '@jump' }, { select: -1 }, { select: '@jump' }, { select: a4 }, QUIT]);
    expect(prompter.screens.map(screenItem)).toEqual(['A1.1.1', 'A4.1.1']);
    expect(prompter.screens[1]).toContain('第 4/5 部分');
  });

  it('reviews unanswered items and goes to the one picked', async () => {
    const answers = blankAnswers(checklist);
    const items = applyingItems(checklist, 'township');
    for (const p of items.slice(0, 5)) answers.answers[p.item.id] = { status: 'pass' };
    const target = items.findIndex((p) => p.item.id === 'A3.2.3');
    const { prompter } = await runWalk(answers, [{ select: '@unanswered' }, { select: target }, QUIT]);
    const list = prompter.asked[1];
    expect(list.message).toBe(translate('zh', 'walk.unanswered.message', { count: 37 }));
    expect(list.values).toHaveLength(38); // 37 items and "cancel"
    expect(prompter.screens.map(screenItem)).toEqual(['A1.3.2', 'A3.2.3']);
  });

  it('finishing with unanswered items asks first; no keeps the walk going', async () => {
    const answers = blankAnswers(checklist);
    const { result, prompter } = await runWalk(answers, [{ select: '@finish' }, { confirm: false }, { select: '@finish' }, { confirm: true }]);
    expect(result.outcome).toBe('finished');
    expect(prompter.asked[1].message).toBe(translate('zh', 'walk.finish.confirm', { count: 42 }));
  });

  it('after the last item offers finish; all answered finishes without asking', async () => {
    const answers = blankAnswers(checklist);
    const items = applyingItems(checklist, 'internet-enterprise');
    answers.unit.type = 'internet-enterprise';
    for (const p of items.slice(0, -1)) answers.answers[p.item.id] = p.item.kind === 'ratio' ? { value: 1 } : p.item.kind === 'deduct' ? { deductions: {} } : { status: 'pass' };
    const last = items[items.length - 1];
    expect(last.item.kind ?? 'status').toBe('status');
    const { result, prompter } = await runWalk(answers, [{ select: 'pass' }, { input: '' }, { input: '' }, { select: '@finish' }]);
    expect(result).toEqual({ outcome: 'finished', answered: items.length, total: items.length });
    expect(prompter.screens[1]).toContain(translate('zh', 'walk.end.allDone', { total: items.length }));
    expect(prompter.asked[3].default).toBe('@finish');
  });

  it('Ctrl-C rejects with PromptInterrupted; what was answered is saved, the half-answered item is not', async () => {
    const answers = blankAnswers(checklist);
    const saves: Answers[] = [];
    const prompter = createScriptedPrompter([{ select: 'pass' }, { input: '' }, { input: '' }, { select: 'fail' }, { interrupt: true }]);
    await expect(
      walk({ prompter, checklist, answers, lang: 'zh', save: async (a) => void saves.push(structuredClone(a)) }),
    ).rejects.toBeInstanceOf(PromptInterrupted);
    expect(saves).toHaveLength(1);
    expect(saves[0].answers).toEqual({ 'A1.1.1': { status: 'pass' } });
  });

  it('Ctrl-C in the optional rectification task saves the answer given before it, then rejects', async () => {
    const answers = blankAnswers(checklist);
    const saves: Answers[] = [];
    // fail, a note, evidence, then Ctrl-C at "record the task now?".
    const prompter = createScriptedPrompter([{ select: 'fail' }, { input: '全年未开展专题学习' }, { input: '学习计划.pdf' }, { interrupt: true }]);
    await expect(
      walk({ prompter, checklist, answers, lang: 'zh', save: async (a) => void saves.push(structuredClone(a)) }),
    ).rejects.toBeInstanceOf(PromptInterrupted);
    expect(saves).toHaveLength(1);
    expect(saves[0].answers).toEqual({ 'A1.1.1': { status: 'fail', note: '全年未开展专题学习', evidence: ['学习计划.pdf'] } });
  });
});

describe('walk: resume', () => {
  it('starts at the first unanswered item and says how many are done', async () => {
    const answers = blankAnswers(checklist);
    const items = applyingItems(checklist, 'township');
    for (const p of items.slice(0, 3)) answers.answers[p.item.id] = { status: 'pass' };
    answers.answers[items[4].item.id] = { status: 'fail' }; // a gap: the 4th item is open
    expect(firstUnanswered(items, answers)).toBe(3);
    const { prompter } = await runWalk(answers, [QUIT], { notices: ['继续作答 x.yaml'] });
    expect(screenItem(prompter.screens[0])).toBe(items[3].item.id);
    expect(prompter.screens[0]).toContain('继续作答 x.yaml');
    expect(prompter.screens[0]).toContain(translate('zh', 'walk.resume', { done: 4, total: 42, id: items[3].item.id }));
    expect(prompter.screens[0]).toContain('第 4/42 项');
  });

  it('a complete file goes straight to the end menu', async () => {
    const answers = blankAnswers(checklist, 'internet-enterprise');
    const items = applyingItems(checklist, 'internet-enterprise');
    for (const p of items) {
      answers.answers[p.item.id] = p.item.kind === 'ratio' ? { value: 0.5 } : p.item.kind === 'deduct' ? { deductions: {} } : p.item.veto ? { status: 'pass' } : { status: 'na', note: '无' };
    }
    const { prompter, result } = await runWalk(answers, [{ select: '@back' }, QUIT]);
    expect(prompter.screens[0]).toContain(translate('zh', 'walk.end.allDone', { total: 24 }));
    expect(screenItem(prompter.screens[1])).toBe(items[23].item.id);
    expect(result.outcome).toBe('quit');
  });
});

describe('walk: the file on disk', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.remove());

  it('after every answer validates with checkFile and holds exactly the answers given', async () => {
    const file = join(tmp.dir, 'answers', 'a.yaml');
    const answers = blankAnswers(checklist);
    await saveAnswers(file, answers, checklist);
    const seen: Record<string, unknown>[] = [];
    const steps: ScriptStep[] = [
      { select: 'pass' }, { input: '已学习' }, { input: '记录.pdf' }, // A1.1.1
      { select: 'partial' }, { input: '' }, { input: '' }, { confirm: false }, // A1.1.2
      { select: '@skip' }, // A1.1.3 (veto)
      { select: 'na' }, { input: '未组织' }, { input: '' }, // A1.2.1
      { select: 'fail' }, { input: '没有清单' }, { input: '' }, // A1.2.2, with a task done
      { confirm: true }, { input: '制定问题清单' }, { input: '王芳' }, { input: '2026-06-30' }, { select: 'done' }, { input: '2026-06-20' }, { input: '清单.pdf' },
      ...Array.from({ length: 7 }, (): ScriptStep => ({ select: '@skip' })), // A1.3.2 … A2.3.1
      { select: '@enter' }, { input: '50%' }, { input: '' }, { input: '' }, { confirm: false }, // A2.3.2 ratio
      ...Array.from({ length: 7 }, (): ScriptStep => ({ select: '@skip' })), // A2.3.3 … A3.1.8
      { select: '@enter' }, { input: '1' }, { input: '3' }, { input: '' }, { input: '' }, // A3.2.3 deduct, with an open task
      { confirm: true }, { input: '专人值守' }, { input: '李明' }, { input: '2026-09-30' }, { select: 'open' },
      QUIT,
    ];
    const prompter = createScriptedPrompter(steps);
    await walk({
      prompter,
      checklist,
      answers,
      lang: 'zh',
      save: async (a) => {
        await saveAnswers(file, a, checklist);
        const check = await checkFile(file, {}, 'answers');
        expect(check.errors).toEqual([]);
        expect(readFileSync(file, 'utf8').startsWith('# yaml-language-server: $schema=')).toBe(true);
        seen.push(structuredClone(check.answers!.answers));
      },
    });
    expect(seen).toHaveLength(6);
    expect(seen[0]).toEqual({ 'A1.1.1': { status: 'pass', note: '已学习', evidence: ['记录.pdf'] } });
    expect(seen[5]).toEqual({
      'A1.1.1': { status: 'pass', note: '已学习', evidence: ['记录.pdf'] },
      'A1.1.2': { status: 'partial' },
      'A1.2.1': { status: 'na', note: '未组织' },
      'A1.2.2': { status: 'fail', note: '没有清单', rectify: { measures: '制定问题清单', owner: '王芳', due: '2026-06-30', status: 'done', doneOn: '2026-06-20', evidence: ['清单.pdf'] } },
      'A2.3.2': { value: 0.5 },
      'A3.2.3': { deductions: { d1: 1, d2: 3 }, rectify: { measures: '专人值守', owner: '李明', due: '2026-09-30', status: 'open' } },
    });
  });
});

describe('walk: no wasted steps', () => {
  const pass = (p: ReturnType<typeof applyingItems>[number]) => (p.item.kind === 'ratio' ? { value: 1 } : p.item.kind === 'deduct' ? { deductions: {} } : { status: 'pass' as const });

  it('an item picked from the unanswered list goes on to the next unanswered one, over answered items', async () => {
    const answers = blankAnswers(checklist);
    const items = applyingItems(checklist, 'township');
    // A1.1.1 open, A1.1.2–A1.2.2 answered, A1.3.2 open, …
    for (const p of items.slice(1, 5)) answers.answers[p.item.id] = pass(p);
    const { prompter } = await runWalk(answers, [
      { select: '@unanswered' },
      { select: 0 }, // A1.1.1
      { select: 'pass' },
      { input: '' },
      { input: '' },
      QUIT,
    ]);
    expect(prompter.screens.map(screenItem)).toEqual(['A1.1.1', 'A1.1.1', items[5].item.id]);
    expect(items[5].item.id).toBe('A1.3.2');
  });

  it('after the last unanswered item picked from the list, goes back to an earlier open one, then to the end', async () => {
    const answers = blankAnswers(checklist);
    const items = applyingItems(checklist, 'township');
    for (const p of items) if (p.item.id !== 'A1.1.1' && p.item.id !== 'A5.2.4') answers.answers[p.item.id] = pass(p);
    const last = items.findIndex((p) => p.item.id === 'A5.2.4');
    expect(last).toBeGreaterThan(0);
    const { prompter, result } = await runWalk(answers, [
      { select: '@unanswered' },
      { select: last },
      { select: 'pass' },
      { input: '' },
      { input: '' },
      { select: 'pass' }, // A1.1.1, the one left
      { input: '' },
      { input: '' },
      { select: '@finish' },
    ]);
    expect(prompter.screens.map(screenItem)).toEqual(['A1.1.1', 'A5.2.4', 'A1.1.1', undefined]);
    expect(result).toEqual({ outcome: 'finished', answered: items.length, total: items.length });
  });

  it('walking in order still goes on in order, through answered items', async () => {
    const answers = blankAnswers(checklist);
    answers.answers['A1.1.2'] = { status: 'pass' };
    const { prompter } = await runWalk(answers, [{ select: 'pass' }, { input: '' }, { input: '' }, QUIT]);
    expect(prompter.screens.map(screenItem)).toEqual(['A1.1.1', 'A1.1.2']);
  });

  it('a jump lands on the area\'s first unanswered item, or its first item when all are answered', async () => {
    const answers = blankAnswers(checklist);
    const items = applyingItems(checklist, 'township');
    const a2 = items.filter((p) => p.area.id === 'A2');
    answers.answers[a2[0].item.id] = pass(a2[0]);
    answers.answers[a2[1].item.id] = pass(a2[1]);
    const a4 = items.filter((p) => p.area.id === 'A4');
    for (const p of a4) answers.answers[p.item.id] = pass(p);
    const first = await runWalk(structuredClone(answers), [{ select: '@jump' }, { select: items.indexOf(a2[2]) }, QUIT]);
    // The value offered for A2 is its first unanswered item.
    const offered = (await runWalk(structuredClone(answers), [{ select: '@jump' }, { select: -1 }, QUIT])).prompter.asked[1];
    expect(offered.values).toContain(items.indexOf(a2[2]));
    expect(offered.values).not.toContain(items.indexOf(a2[0]));
    expect(offered.values).toContain(items.indexOf(a4[0]));
    expect(first.prompter.screens.map(screenItem)).toEqual(['A1.1.1', a2[2].item.id]);
  });

  it('a new item starts on no answer: Enter there is refused; a revisited item starts on its answer', async () => {
    const answers = blankAnswers(checklist);
    const { prompter, saves } = await runWalk(answers, [{ enter: true }, { enter: true }, { select: 'fail' }, { input: '' }, { input: '' }, { confirm: false }, { select: '@back' }, { enter: true }, { input: '' }, { input: '' }, { confirm: false }, QUIT]);
    const selects = prompter.asked.filter((q) => q.kind === 'select');
    expect(selects[0].default).toBeUndefined();
    expect(selects[0].placeholder).toBe(translate('zh', 'walk.placeholder'));
    expect(selects[0].errors).toHaveLength(2); // two presses of Enter, refused
    expect(selects[0].answer).toBe('fail');
    // Revisited: the answer is preselected, Enter keeps it.
    expect(selects[2].default).toBe('fail');
    expect(selects[2].placeholder).toBeUndefined();
    expect(saves).toHaveLength(2);
    expect(answers.answers['A1.1.1']).toEqual({ status: 'fail' });
    // Ratio and deduct items too: nothing is chosen for the officer.
    for (const id of ['A1.3.2', 'A3.1.8']) {
      const other = await runWalk(blankAnswers(checklist), [QUIT], { startAt: id });
      expect(other.prompter.asked[0].default, id).toBeUndefined();
      expect(other.prompter.asked[0].placeholder, id).toBe(translate('zh', 'walk.placeholder'));
    }
  });

  it('Esc at the required 不适用 reason goes back to the choice; the answer on file is kept', async () => {
    const answers = blankAnswers(checklist);
    answers.answers['A1.1.1'] = { status: 'partial', note: '缺少记录', evidence: ['a.pdf'] };
    const { prompter, saves } = await runWalk(answers, [{ select: 'na' }, { input: '' }, { escape: true }, { select: '@skip' }, QUIT], { startAt: 'A1.1.1' });
    const reason = prompter.asked[1];
    expect(reason.message).toBe(translate('zh', 'walk.note.na'));
    expect(reason.escapable).toBe(true);
    expect(reason.errors).toEqual([translate('zh', 'walk.note.required')]);
    // Back at the choice of the same item, its answer preselected.
    expect(prompter.asked[2].kind).toBe('select');
    expect(prompter.asked[2].default).toBe('partial');
    expect(prompter.screens.map(screenItem)).toEqual(['A1.1.1', 'A1.1.2']);
    expect(saves).toHaveLength(0);
    expect(answers.answers['A1.1.1']).toEqual({ status: 'partial', note: '缺少记录', evidence: ['a.pdf'] });
  });

  it('Esc at a ratio, a count, a note or the evidence goes back to the choice too', async () => {
    const ratio = await runWalk(blankAnswers(checklist), [{ select: '@enter' }, { escape: true }, { select: '@enter' }, { input: '1' }, { input: '' }, { escape: true }, QUIT], { startAt: 'A1.3.2' });
    expect(ratio.saves).toHaveLength(0);
    expect(ratio.prompter.asked.map((q) => q.kind)).toEqual(['select', 'input', 'select', 'input', 'input', 'input', 'select']);
    const deduct = await runWalk(blankAnswers(checklist), [{ select: '@enter' }, { escape: true }, QUIT], { startAt: 'A3.1.8' });
    expect(deduct.saves).toHaveLength(0);
    expect(deduct.prompter.asked[2].kind).toBe('select');
  });

  it('switching from 不适用 to 部分符合 does not offer the reason as the note; na again does', async () => {
    const answers = blankAnswers(checklist);
    answers.answers['A1.1.1'] = { status: 'na', note: '本单位无此职能' };
    const partial = await runWalk(structuredClone(answers), [{ select: 'partial' }, { input: '' }, { input: '' }, { confirm: false }, QUIT], { startAt: 'A1.1.1' });
    expect(partial.prompter.asked[1].message).toBe(translate('zh', 'walk.note.problem'));
    expect(partial.prompter.asked[1].default).toBeUndefined();
    expect(partial.saves[0].answers['A1.1.1']).toEqual({ status: 'partial' });
    const na = await runWalk(structuredClone(answers), [{ select: 'na' }, { input: '' }, { input: '' }, QUIT], { startAt: 'A1.1.1' });
    expect(na.prompter.asked[1].default).toBe('本单位无此职能');
    expect(na.saves[0].answers['A1.1.1']).toEqual({ status: 'na', note: '本单位无此职能' });
    // And a gap noted on a partial is not offered as the reason for na.
    const gap = blankAnswers(checklist);
    gap.answers['A1.1.1'] = { status: 'partial', note: '缺少记录' };
    const toNa = await runWalk(gap, [{ select: 'na' }, { input: '' }, { input: '年内未组织' }, { input: '' }, QUIT], { startAt: 'A1.1.1' });
    expect(toNa.prompter.asked[1].default).toBeUndefined();
    expect(toNa.prompter.asked[1].errors).toEqual([translate('zh', 'walk.note.required')]);
    expect(toNa.saves[0].answers['A1.1.1']).toEqual({ status: 'na', note: '年内未组织' });
  });
});

