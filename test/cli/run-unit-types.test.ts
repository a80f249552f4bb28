// A full self-check for every unit type of the built-in checklist: answer half, stop, resume, finish, compare with scoring.
import { translate } from '../../src/i18n/translate.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext, Io } from '../../src/io/io.js';
import { runRun } from '../../src/cli/run.js';
import { NO_PAINT } from '../../src/diagnostics/render.js';
import type { Checklist } from '../../src/model/checklist.js';
import { scoreAnswers } from '../../src/score/score.js';
import { formatFixed } from '../../src/score/round.js';
import { checkFile } from '../../src/check/check-file.js';
import { createScriptedPrompter, type ScriptStep } from '../../src/walk/scripted-prompter.js';
import { applyingItems } from '../../src/model/checklist.js';
import { builtinChecklist, makeTempDir } from '../walk/helpers.js';

function context(cwd: string): { ctx: CommandContext; out: () => string } {
  let out = '';
  const io: Io = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((out += s), true) },
    stdin: { isTTY: true } as unknown as Io['stdin'],
    env: {},
    cwd,
  };
  return { ctx: { io, lang: 'zh', paint: NO_PAINT, paintErr: NO_PAINT }, out: () => out };
}

/** Scripted replies answering one item, varying the answers with its position. */
function answerSteps(kind: string, i: number, veto = false): ScriptStep[] {
  // A shortfall is offered a rectification task: every other one records an open task, the rest skip.
  const plan = (): ScriptStep[] => (i % 2 ? [{ confirm: true }, { input: `措施-${i}` }, { input: '王芳' }, { input: '2026-06-30' }, { select: 'open' }] : [{ confirm: false }]);
  if (kind === 'ratio') return i % 2 ? [{ select: '@enter' }, { input: `${i % 4}/4` }, { input: '' }, { input: '' }, ...plan()] : [{ select: 'na' }, { input: '无此项' }, { input: '' }];
  if (kind === 'deduct') return i % 2 ? [{ select: '@enter' }, ...Array.from({ length: 2 }, () => ({ input: '1' })), { input: '' }, { input: '' }, ...plan()] : [{ select: '@none' }, { input: '' }, { input: '' }];
  // A veto item offers pass and fail only.
  const status = veto ? 'pass' : (['pass', 'partial', 'fail', 'pass', 'na'] as const)[i % 5];
  return [{ select: status }, { input: status === 'na' ? '不涉及' : '' }, { input: i % 3 === 0 ? `证明-${i}.pdf` : '' }, ...(status === 'partial' || status === 'fail' ? plan() : [])];
}

let checklist: Checklist;
beforeAll(async () => {
  checklist = await builtinChecklist();
});
let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('wangxin-types-');
});
afterEach(() => tmp.remove());

describe('a full self-check for each unit type, in two sittings', () => {
  it.each(['township', 'department', 'cyber-office', 'internet-enterprise', 'cii-operator'])('%s', async (type) => {
    const items = applyingItems(checklist, type);
    const half = Math.floor(items.length / 2);
    const steps = (from: number, to: number): ScriptStep[] =>
      items.slice(from, to).flatMap((p, k) => {
        const s = answerSteps(p.item.kind ?? 'status', from + k, p.item.veto === true);
        // Deduct items ask one count per rule.
        if ((p.item.kind ?? 'status') === 'deduct' && s[0] && 'select' in s[0] && s[0].select === '@enter') {
          return [s[0], ...(p.item.deductions ?? []).map(() => ({ input: '1' })), ...s.slice(3)];
        }
        return s;
      });
    const options = { unit: `测试单位-${type}`, unitType: type, answers: 'a.yaml', report: 'r.json' };

    const first = context(tmp.dir);
    // The assessor and period are skipped (four questions), so the second sitting offers them again.
    const skipHeader: ScriptStep[] = [{ input: '' }, { input: '' }, { input: '' }, { input: '' }];
    const code1 = await runRun(options, first.ctx, { prompter: createScriptedPrompter([...skipHeader, ...steps(0, half), { interrupt: true }]) });
    expect(code1).toBe(130);
    const midway = await checkFile(join(tmp.dir, 'a.yaml'), {}, 'answers');
    expect(midway.errors).toEqual([]);
    expect(Object.keys(midway.answers!.answers)).toEqual(items.slice(0, half).map((p) => p.item.id));

    const second = context(tmp.dir);
    const prompter = createScriptedPrompter([...skipHeader, ...steps(half, items.length), { select: '@finish' }]);
    const code2 = await runRun({ answers: 'a.yaml', report: 'r.json' }, second.ctx, { prompter });
    expect(code2).toBe(0);
    expect(prompter.screens[0]).toContain(`第 ${half + 1}/${items.length} 项`);
    expect(prompter.remaining()).toBe(0);

    const done = await checkFile(join(tmp.dir, 'a.yaml'), {}, 'answers');
    expect(done.errors).toEqual([]);
    expect(Object.keys(done.answers!.answers)).toHaveLength(items.length);
    const result = scoreAnswers(done.checklist!, done.answers!);
    expect(result.complete).toBe(true);
    const report = JSON.parse(readFileSync(join(tmp.dir, 'r.json'), 'utf8')) as { score: number; unit: { type: string } };
    expect(report.unit.type).toBe(type);
    // The JSON report keeps 2 decimals, the terminal 1, both rounded from the same unrounded score.
    expect(report.score.toFixed(2)).toBe(formatFixed(result.score, 2));
    expect(second.out()).toContain(`得分 ${formatFixed(result.score, 1)}（`);
    expect(prompter.screens.at(-1)).toContain(translate('zh', 'walk.end.allDone', { total: items.length }));
  });
});

describe('Ctrl-C before the first question', () => {
  it('exits 130 and says nothing was saved', async () => {
    const c = context(tmp.dir);
    const code = await runRun({ unit: 'x', unitType: 'township', answers: 'a.yaml' }, c.ctx, { prompter: createScriptedPrompter([{ interrupt: true }]) });
    expect(code).toBe(130);
    expect(c.out()).toContain(translate('zh', 'run.interruptedEarly'));
  });
});
