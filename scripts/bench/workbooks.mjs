// Generates filled-in answer workbooks for `npm run bench` (from the compiled dist/), about one in ten invalid on purpose.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Writes `count` workbooks into `folder`: random answers of a township or a department to the
 * built-in checklist (a deterministic generator seeded by `seed`); every tenth has a ratio cell of
 * 150, which the reader refuses at its cell.
 */
export async function generateWorkbooks(root, folder, count, seed) {
  const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const { loadChecklist } = await load('checklist/load-checklist.js');
  const { builtinFile } = await load('checklist/resolve-checklist.js');
  const { applyingItems, kindOf } = await load('model/checklist.js');
  const { writeWorkbook } = await load('workbook/write-workbook.js');
  const checklist = (await loadChecklist(builtinFile('county-cyber-2018'))).checklist;
  let state = seed >>> 0;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  mkdirSync(folder, { recursive: true });
  let invalid = 0;
  for (let i = 0; i < count; i++) {
    const type = random() < 0.5 ? 'township' : 'department';
    const answers = {};
    let broken = i % 10 === 9;
    for (const { item } of applyingItems(checklist, type)) {
      if (random() < 0.05) continue;
      const kind = kindOf(item);
      const note = random() < 0.3 ? `情况说明 ${i}-${item.id}` : undefined;
      if (kind === 'ratio') {
        answers[item.id] = { value: broken ? 150 : Math.round(random() * 100) / 100, ...(note ? { note } : {}) };
        broken = false;
      } else if (kind === 'deduct') answers[item.id] = { deductions: Object.fromEntries(item.deductions.map((d) => [d.id, Math.floor(random() * 3)])) };
      else answers[item.id] = { status: ['pass', 'pass', 'partial', 'fail'][Math.floor(random() * 4)], ...(note ? { note } : {}) };
    }
    if (i % 10 === 9) invalid++;
    const doc = { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name: `单位${String(i).padStart(5, '0')}`, type }, answers };
    writeFileSync(join(folder, `unit-${String(i).padStart(5, '0')}.xlsx`), (await writeWorkbook(checklist, doc, 'zh')).bytes);
  }
  return { count, invalid };
}
