// README "After the self-check": every command shown runs on the example files, and every line of its excerpt is in what it prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/run-cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## After the self-check'), README.indexOf('\n## ', README.indexOf('## After the self-check') + 1));

/** The `<!-- loop -->` console blocks: the command and the lines of its excerpt (… elides). */
const blocks = [...section.matchAll(/<!-- loop -->\n```console\n\$ npx wangxin (.*)\n([\s\S]*?)```/g)].map((m) => ({
  args: m[1].split(' '),
  lines: m[2].split('\n').filter((l) => l !== '' && l !== '…'),
}));

describe('README: after the self-check', () => {
  it('has the steps: the unit\'s tasks, the ledger, the review, the batch, the comparison', () => {
    expect(blocks.map((b) => b.args[0])).toEqual(['score', 'ledger', 'score', 'batch', 'compare']);
  });

  it.each(blocks.map((b) => [b.args.join(' '), b] as const))('wangxin %s prints what the README shows', async (_name, b) => {
    const r = await runInProcess(b.args, { LANG: 'zh_CN.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined });
    const printed = r.stdout + r.stderr;
    for (const line of b.lines) expect(printed, line).toContain(line);
    // The ledger with --fail-overdue finds overdue tasks, and the batch with --max-overstatement a unit rated too high: exit 1, as the README says.
    expect(r.code).toBe(b.args.includes('--fail-overdue') || b.args.includes('--max-overstatement') ? 1 : 0);
  });
});
