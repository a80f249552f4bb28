// `wangxin list`: the built-in checklists with id, version, title and item count.
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import type { CommandContext } from '../io/io.js';
import { displayWidth } from '../diagnostics/render.js';
import type { AddCommand } from './command.js';
import { addExamples, example } from './help-examples.js';
import { EXIT } from './exit.js';
import { builtinRefs, builtinFile } from '../checklist/resolve-checklist.js';
import { loadChecklist } from '../checklist/load-checklist.js';
import { listItems } from '../model/checklist.js';
import { pickText } from '../model/text.js';

/** Registers `list`. */
export function registerList(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const cmd = add('list')
    .description(translate(ctx.lang, 'list.description'))
    .action(async () => setExit(await runList(ctx)));
  addExamples(cmd, ctx.lang, [example('wangxin list', 'example.list'), example('wangxin list --lang en', 'example.listEn')]);
}

/** Prints the built-in checklists, earlier versions kept as `id@version` included; exit 2 if one of them is broken (an installation problem). */
export async function runList(ctx: CommandContext): Promise<number> {
  const { io, lang, paint } = ctx;
  const refs = builtinRefs();
  if (refs.length === 0) {
    io.stdout.write(translate(lang, 'list.none') + '\n');
    return EXIT.OK;
  }
  const rows: string[][] = [];
  let broken = false;
  for (const ref of refs) {
    const loaded = await loadChecklist(builtinFile(ref)!);
    if (!loaded.checklist) {
      broken = true;
      io.stderr.write(translate(lang, 'list.broken', { file: loaded.file }) + '\n');
      continue;
    }
    const c = loaded.checklist;
    rows.push([c.id, c.version, String(listItems(c).length), makeVisible(pickText(c.title, lang))]);
  }
  const header = translate(lang, 'list.header').split('\t');
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  // Pad by terminal columns, not string length: Chinese headers are two columns a character.
  const pad = (c: string, w: number): string => c + ' '.repeat(Math.max(0, w - displayWidth(c)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < cells.length - 1 ? pad(c, widths[i]) : c)).join('  ');
  io.stdout.write(paint.bold(line(header)) + '\n');
  for (const row of rows) io.stdout.write(line(row) + '\n');
  const earlier = refs.find((ref) => ref.includes('@'));
  if (earlier) io.stdout.write('\n' + translate(lang, 'list.earlier', { example: earlier }) + '\n');
  return broken ? EXIT.USAGE : EXIT.OK;
}
