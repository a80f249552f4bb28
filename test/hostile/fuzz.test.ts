// Property-based fuzzing of the loader, validator and scorer: any input gives a result or located diagnostics, never a throw.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { parseWithYaml } from '../../src/load/yaml-parser.js';
import { decodeText } from '../../src/load/read-text.js';
import { builtinFile } from '../../src/checklist/resolve-checklist.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';
import type { Answer, Answers } from '../../src/model/answers.js';
import { appliesTo, kindOf, listItems, type Checklist, type Item } from '../../src/model/checklist.js';
import { isBlankText } from '../../src/model/identity.js';
import { scoreAnswers } from '../../src/score/score.js';
import { checkParsed, checkText } from '../../src/check/check-file.js';
import { serializeAnswers } from '../../src/walk/answer-file.js';
import { ROOT } from '../helpers/run-cli.js';

/** Runs per property: enough to find the shallow bugs, few enough for CI. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** Fixed for reproducible CI; `FUZZ_SEED=… FUZZ_RUNS=…` explores further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20260601);
const KNOWN = new Set(Object.keys(CODES));

const EXAMPLES_DIR = join(ROOT, 'examples/answers');
const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(EXAMPLES_DIR, f)));

let checklist: Checklist;
beforeAll(async () => {
  const loaded = await loadChecklist(builtinFile('county-cyber-2018')!);
  checklist = loaded.checklist!;
});

/** Every diagnostic has a code from the catalogue, both messages, and (if located) a line inside the text. */
function expectWellFormed(list: readonly Diagnostic[], text: string | undefined): void {
  const lines = text === undefined ? Infinity : text.split('\n').length;
  for (const d of list) {
    expect(KNOWN.has(d.code), d.code).toBe(true);
    expect(d.message.zh.length).toBeGreaterThan(0);
    expect(d.message.en.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(d.severity);
    if (d.line !== undefined) {
      expect(Number.isInteger(d.line), `${d.code} line ${d.line}`).toBe(true);
      expect(d.line, `${d.code} line`).toBeGreaterThanOrEqual(1);
      expect(d.line, `${d.code} line ${d.line} of ${lines}`).toBeLessThanOrEqual(lines);
      expect(d.column ?? 1).toBeGreaterThanOrEqual(1);
    }
  }
}

/** The whole loading path on raw bytes: decode, both parsers, the validator. Never throws. */
async function loadBytes(bytes: Uint8Array): Promise<void> {
  const decoded = decodeText(bytes, 'fuzz.yaml');
  if (!decoded.ok) {
    expect(KNOWN.has(decoded.diagnostic.code)).toBe(true);
    return;
  }
  const text = decoded.text;
  const quick = parseYaml(text, 'fuzz.yaml', { positions: false });
  const parsed = parseYaml(text, 'fuzz.yaml');
  expectWellFormed(parsed.diagnostics, text);
  // Whichever parser reads it, with positions or without, the answer is yaml's.
  const slow = parseWithYaml(text, 'fuzz.yaml');
  for (const p of [quick, parsed]) {
    expect(p.value).toEqual(slow.value);
    expect(p.diagnostics).toEqual(slow.diagnostics);
  }
  const check = await checkParsed(parsed, {}, undefined);
  expectWellFormed([...check.errors, ...check.warnings], text);
  const viaText = await checkText(text, 'fuzz.yaml');
  expectWellFormed([...viaText.errors, ...viaText.warnings], text);
  // Both ways agree on validity.
  expect(viaText.errors.length === 0).toBe(check.errors.length === 0);
  if (check.errors.length === 0 && check.kind === 'answers' && check.answers && check.checklist) {
    const result = scoreAnswers(check.checklist, check.answers);
    expect(Number.isFinite(result.score)).toBe(true);
  }
}

/** Mutations a file suffers by hand, by office software or in transit. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename-key' as const), at: fc.nat(), to: fc.constantFrom('__proto__', 'constructor', 'status', 'A1.1.1', '<<', '', '? x', 'answers', '1.10', 'x y', '"q"', '中文') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('&a ', '*a', '!!binary ', '[', ']', '{', '}', '\t', '\r', '\u0000', '\ufeff', '---\n', '- ', '# ', ': ', '"', "'", '|\n', '\u202e', '\u001b[2J') }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  if (bytes.length === 0) return bytes;
  if (m.kind === 'flip') {
    const out = Buffer.from(bytes);
    out[m.at % out.length] = m.value;
    return out;
  }
  if (m.kind === 'insert') {
    const at = m.at % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
  }
  const lines = bytes.toString('latin1').split('\n');
  const i = m.at % lines.length;
  if (m.kind === 'delete-line') lines.splice(i, 1);
  else if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]);
  else lines[i] = lines[i].replace(/^(\s*)([^:#\s][^:]*)(:)/, (_all, indent: string, _key: string, colon: string) => `${indent}${m.to}${colon}`);
  return Buffer.from(lines.join('\n'), 'latin1');
}

/** YAML-ish token soup: structure characters, anchors, tags, keys of the format. */
const TOKENS = [
  'a', 'answers', 'status', 'pass', 'fail', 'A1.1.1', 'unit', 'schemaVersion', ':', ': ', ' ', '  ', '\n', '\n  ', '- ', '[', ']', '{', '}',
  ',', '&x ', '*x', '!!str ', '!t ', '"', "'", '#', '|', '>', '? ', '<<', '1', '1.0', '~', 'null', '\t', '---', '...', '%YAML 1.2', '中文', '\\',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

describe('fuzz: the loader and validator never throw', () => {
  it('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), (bytes) => loadBytes(bytes)), { numRuns: RUNS, seed: SEED });
  });

  it('random YAML-ish text', async () => {
    await fc.assert(fc.asyncProperty(tokenSoup, (text) => loadBytes(Buffer.from(text))), { numRuns: RUNS, seed: SEED });
  });

  it('an answer-file head followed by random YAML-ish text', async () => {
    const head = 'schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.0.0 }\nunit: { name: 镇, type: township }\nanswers:\n  ';
    await fc.assert(fc.asyncProperty(tokenSoup, (text) => loadBytes(Buffer.from(head + text))), { numRuns: RUNS, seed: SEED });
  });

  it('valid example answer files after byte flips, line deletions, duplications, insertions and key renames', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: EXAMPLES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (which, mutations) => {
        const bytes = mutations.reduce(applyMutation, EXAMPLES[which]);
        await loadBytes(bytes);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('the unmutated examples are valid (so the mutations start from a valid file)', async () => {
    for (const bytes of EXAMPLES) {
      const decoded = decodeText(bytes, 'e.yaml');
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) continue;
      const check = await checkText(decoded.text, 'e.yaml');
      expect(check.errors).toEqual([]);
    }
  });
});

/** Hostile but legal text for notes, names and evidence. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('|', '`code`', '<script>alert(1)</script>', ']]>', '-->', '\u001b[2J', '\u202e', 'a\nb', '- x', '# h', '*', '&amp;', '"', "'", ': ', '中文'),
);

/** A valid answer of any kind for an item of the built-in checklist, or none. */
function answerFor(item: Item): fc.Arbitrary<Answer | undefined> {
  const extras = fc.record({ note: fc.option(hostileText, { nil: undefined }), evidence: fc.option(fc.array(hostileText.filter((s) => s.trim() !== ''), { maxLength: 2 }), { nil: undefined }) });
  // A na note must say something: spaces or invisible characters alone (a lone U+202E) are no note.
  const na = fc.record({ note: hostileText.filter((s) => !isBlankText(s)) }).map(({ note }) => ({ status: 'na' as const, note }));
  let main: fc.Arbitrary<Answer>;
  switch (kindOf(item)) {
    case 'ratio':
      main = fc.double({ min: 0, max: 1, noNaN: true }).map((value) => ({ value }));
      break;
    case 'deduct':
      main = fc
        .array(fc.integer({ min: 0, max: 20 }), { minLength: item.deductions!.length, maxLength: item.deductions!.length })
        .map((counts) => ({ deductions: Object.fromEntries(counts.map((c, i) => [item.deductions![i].id, c])) }));
      break;
    default:
      // A veto item is answered pass or fail only.
      main = item.veto ? fc.constantFrom<Answer>({ status: 'pass' }, { status: 'fail' }) : fc.constantFrom<Answer>({ status: 'pass' }, { status: 'partial' }, { status: 'fail' });
  }
  return fc.oneof(
    fc.constant(undefined),
    item.veto ? fc.constant(undefined) : na,
    fc.tuple(main, extras).map(([a, e]) => ({ ...a, ...(e.note !== undefined ? { note: e.note } : {}), ...(e.evidence?.length ? { evidence: e.evidence } : {}) })),
  );
}

describe('fuzz: the scorer on valid answer files of the built-in checklist', () => {
  it('written, re-read and validated, every generated file scores to a finite result within bounds', async () => {
    const types = checklist.unitTypes.map((u) => u.id);
    const items = listItems(checklist).map((p) => p.item);
    const arb = fc.constantFrom(...types).chain((type) =>
      fc.tuple(fc.constant(type), hostileText.filter((s) => s.trim() !== ''), fc.tuple(...items.map((it) => (appliesTo(it, type) ? answerFor(it) : fc.constant(undefined))))),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([type, name, given]) => {
        const map: Record<string, Answer> = {};
        items.forEach((it, i) => {
          if (given[i] !== undefined) map[it.id] = given[i]!;
        });
        const answers: Answers = { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name, type }, answers: map };
        const text = serializeAnswers(answers, { file: 'fuzz.yaml', checklist });
        const check = await checkText(text, 'fuzz.yaml');
        expectWellFormed([...check.errors, ...check.warnings], text);
        expect(check.errors, text).toEqual([]);
        const result = scoreAnswers(checklist, check.answers!);
        const cap = checklist.scoring?.bonus?.cap ?? 0;
        expect(Number.isFinite(result.score)).toBe(true);
        expect(result.baseScore).toBeGreaterThanOrEqual(0);
        expect(result.baseScore).toBeLessThanOrEqual(100 + 1e-9);
        expect(result.score).toBeLessThanOrEqual(100 + cap + 1e-9);
        expect(result.complete).toBe(result.unanswered.length === 0);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
