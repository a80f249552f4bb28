// Shared corpora for the differential parser tests: trap scalars, line edits and the repository's YAML files.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'answers');
/** The example answer files' texts. */
export const examples = readdirSync(EXAMPLES).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));

// YAML 1.1 vs 1.2 traps, number forms, odd keys and syntax that parsers disagree on.
export const TRAPS = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'NO', 'True', 'TRUE', 'false', 'FALSE', 'tRue',
  '~', 'null', 'Null', 'NULL', 'nULL', '', '0o17', '0o8', '017', '0x1F', '0X1F', '-0x1', '0b101', '1_000', '+1', '-1', '+0', '-0',
  '1.0', '1.', '.5', '+.5', '-.5', '1e3', '1E3', '1e+3', '1.5e-3', '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', 'inf', 'nan',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '12:30:00', '1:20', '190:20:30', '1.10', '0.1.2', '1.0.0', '0.75', '1.5', '999999999999999999999',
  '"quoted"', "'single'", '"a\\tb"', '"\\u00e9"', '"multi\n  line"', '会议纪要.pdf', '2026-03-会议纪要.pdf', 'a#b', 'a #b', 'http://x/y?z=1',
  '=', '<<', '-', '?', '- a', '[a, b]', '{a: 1}', '[]', '{}', '!!str 1', '!tag x', '&a x', '*a', '|\n  block', '>-\n  folded', '|2\n   x',
];

/** Every YAML file the repository tracks (examples, checklists, test fixtures). */
export function trackedYaml(): { file: string; text: string }[] {
  const out = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: ROOT, encoding: 'utf8' });
  return out
    .split('\n')
    .filter((f) => f !== '')
    .map((file) => ({ file, text: new TextDecoder().decode(readFileSync(join(ROOT, file))) }));
}

// Scalars that the YAML 1.1/1.2 rules, js-yaml and yaml tell apart, plus syntax near the edges.
export const SCALARS = [
  ...TRAPS, 'yes', '0o17', '1_000', '.inf', '1e3', '+1', '0x1F', '~', 'null', '1.10', '2001-12-14', '-', '-1', '-.5', '-.', '.', '..', '...',
  '---', 'a: b', 'a:b', 'a :b', 'x#y', 'x #y', "it's", "'it''s'", '"a\\"b"', '""', "''", 'a, b', 'a]', 'a}', 'x [1]', '12:30', 'https://x/y',
  '<<', '__proto__', '"__proto__"', '@x', '`x`', '%x', '全角　空格', '\u00a0nbsp', 'x\u3000', 'x\u00a0', '\u3000', 'x\u200by', '1 2', '0', '-0', '+0.0', '0.0', '1e', 'e3', '0o', '0x',
];
export const SIGNIFICANT = [':', '#', '{', '}', '[', ']', ',', "'", '"', '-', '!', '&', '*', '?', '|', '>', '%', '@', '\\', ' ', ' ', '\n', '\t', 'a', '1', '.', '中'];

/** Line-level edits: duplicate, swap, indent, dedent or replace a line. */
export function editLines(text: string, edits: [number, number, number, string][]): string {
  const lines = text.split('\n');
  for (const [kind, a, b, scalar] of edits) {
    const i = a % lines.length;
    const j = b % lines.length;
    if (kind === 0) lines.splice(i, 0, lines[i]);
    else if (kind === 1) [lines[i], lines[j]] = [lines[j], lines[i]];
    else if (kind === 2) lines[i] = ' '.repeat((b % 4) + 1) + lines[i];
    else if (kind === 3) lines[i] = lines[i].replace(/^ {1,2}/, '');
    else if (kind === 4) lines[i] = lines[i].replace(/: .*$/, `: ${scalar}`);
    else if (kind === 5) lines[i] = lines[i].replace(/(\w+): [^,}\]]+/, `$1: ${scalar}`);
    else lines.splice(i, 1);
  }
  return lines.join('\n');
}

/** Edits characters of `text`: at each `[at, remove, insert]`, `remove` characters give way to `insert`. */
export function editChars(text: string, edits: readonly (readonly [number, number, string])[]): string {
  for (const [at, remove, insert] of edits) {
    const pos = at % (text.length + 1);
    text = text.slice(0, pos) + insert + text.slice(pos + remove);
  }
  return text;
}
