// Option values shared by commands: `--fail-under` is parsed once, the same for `score` and `batch`.
import { describe, expect, it } from 'vitest';
import { parseFailUnder, parseJobs, parseLang, readGeneratedAt } from '../../src/cli/options.js';
import { runBinary } from '../helpers/run-cli.js';

const TOWNSHIP = 'examples/answers/township.yaml';
const REFUSED = ['1e2', '0x10', '-1', '101', '100.01', 'abc', '', ' ', '+5', '.5', '80.', 'Infinity', 'NaN', '80%', '0b1', '1_0'];

describe('parseFailUnder', () => {
  it.each([
    ['80', 80],
    ['0', 0],
    ['100', 100],
    ['100.0', 100],
    ['87.5', 87.5],
    ['060', 60],
    [' 90 ', 90],
  ])('accepts %j', (text, value) => expect(parseFailUnder(text)).toBe(value));

  it.each(REFUSED)('refuses %j', (text) => {
    expect(() => parseFailUnder(text)).toThrow(/--fail-under/);
  });
});

describe('--fail-under through score and batch', () => {
  // `--fail-under=VALUE`, so that values starting with "-" reach the parser rather than commander's option lookup.
  it.each(REFUSED)('both refuse %j with exit 2 and the same message', (value) => {
    const messages = ['score', 'batch'].map((command) => {
      const r = runBinary([command, TOWNSHIP, `--fail-under=${value}`, '--lang', 'en']);
      expect(r.code, `${command} ${JSON.stringify(value)}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      return r.stderr.match(/--fail-under must be .*/)?.[0];
    });
    expect(messages[0]).toBeDefined();
    expect(messages[1]).toBe(messages[0]);
  });

  it.each([
    ['100', 1],
    ['85.54', 0],
    ['0', 0],
  ])('both take %j and compare the score with it', (value, code) => {
    // The township example scores 85.54: both commands agree on which side of the mark it is.
    for (const command of ['score', 'batch']) {
      const r = runBinary([command, TOWNSHIP, '--fail-under', value]);
      expect(r.code, `${command} ${value}: ${r.stderr}`).toBe(code);
    }
  });
});

describe('the other shared option values', () => {
  it('--jobs: a whole number from 1 to 256', () => {
    expect(parseJobs('4')).toBe(4);
    expect(parseJobs(' 256 ')).toBe(256);
    for (const bad of ['0', '257', '1.5', 'two', '', '-1']) expect(() => parseJobs(bad), bad).toThrow(/--jobs must be/);
  });

  it('--lang: zh or en, nothing else', () => {
    expect(parseLang('zh')).toBe('zh');
    expect(parseLang('en')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
  });

  it('the report time: SOURCE_DATE_EPOCH when it is a number, else now', () => {
    expect(readGeneratedAt({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14T22:13:20.000Z');
    for (const env of [{}, { SOURCE_DATE_EPOCH: '' }, { SOURCE_DATE_EPOCH: 'soon' }]) {
      const before = Date.now();
      const at = Date.parse(readGeneratedAt(env));
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });
});
