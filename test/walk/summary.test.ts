// The end-of-run summary in a terminal of a given width: bars and numbers never wrap, English is cut at words.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/check/check-file.js';
import { pickText } from '../../src/model/text.js';
import type { Answers } from '../../src/model/answers.js';
import type { Checklist } from '../../src/model/checklist.js';
import { scoreAnswers } from '../../src/score/score.js';
import { renderSummary } from '../../src/walk/summary.js';
import { displayWidth } from '../../src/diagnostics/render.js';
import { builtinChecklist } from './helpers.js';

let checklist: Checklist;
let answers: Answers;
beforeAll(async () => {
  checklist = await builtinChecklist();
  const loaded = await checkFile(fileURLToPath(new URL('../../examples/answers/township.yaml', import.meta.url)), {}, 'answers');
  answers = loaded.answers!;
});

describe('renderSummary with a width', () => {
  it.each([140, 100, 80])('in English at %i columns every area bar line holds its bar and both numbers whole', (width) => {
    const result = scoreAnswers(checklist, answers, { items: true });
    const text = renderSummary(result, checklist, answers, 'en', undefined, width);
    const lines = text.split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    const bars = lines.filter((l) => /[█░]/.test(l));
    expect(bars).toHaveLength(result.areas.filter((a) => a.ratio !== null).length);
    for (const line of bars) expect(line).toMatch(/[█░]{20} +\d+\.\d {2}\(\d+(\.\d)?\/\d+(\.\d)?\)$/);
    // The titles are cut at words: every word of every area title is on one line.
    const words = new Set(lines.flatMap((l) => l.trim().split(/\s+/)));
    for (const area of checklist.areas) for (const word of pickText(area.title, 'en').split(' ')) expect(words, word).toContain(word);
  });

  it('without a width it is the one-line-per-area layout as before', () => {
    const result = scoreAnswers(checklist, answers, { items: true });
    const text = renderSummary(result, checklist, answers, 'en');
    const bars = text.split('\n').filter((l) => /[█░]/.test(l));
    for (const area of checklist.areas) expect(bars.some((l) => l.includes(pickText(area.title, 'en')))).toBe(true);
  });
});
