// The bundles of one command each that bin/ prefers: built for every command, and behaving as the whole CLI's bundle.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/registry.js';
import { ROOT, runBinary } from '../helpers/run-cli.js';

const bundleOf = (name: string): string => join(ROOT, 'dist', 'commands', `${name}.cjs`);

describe('command bundles', () => {
  it('are built for every command, each smaller than the whole CLI', () => {
    const whole = statSync(join(ROOT, 'dist', 'wangxin.cjs')).size;
    for (const { name } of COMMANDS) {
      expect(existsSync(bundleOf(name)), name).toBe(true);
      expect(statSync(bundleOf(name)).size, name).toBeLessThan(whole);
    }
  });

  // An option before the command (`--no-color`, already implied by NO_COLOR here) makes bin/ run
  // the whole CLI's bundle; the command named first runs from its own.
  const cases: string[][] = [
    ['score', 'examples/answers/township.yaml'],
    ['score', 'examples/answers/township.yaml', '--format', 'html'],
    ['score', 'examples/answers/missing.yaml'],
    ['score', '--help'],
    ['validate', 'examples/answers/township.yaml', 'checklists/county-cyber-2018.yaml'],
    ['batch', 'examples/answers'],
    ['compare', 'examples/answers/township.yaml', 'examples/answers/department.yaml'],
    ['list'],
    ['schema', 'answers'],
    ['init', '--bogus'],
  ];
  it.each(cases.map((args) => [args.join(' '), args] as const))('%s gives what the whole CLI gives', (_, args) => {
    const own = runBinary(args);
    const whole = runBinary(['--no-color', ...args]);
    expect(own).toEqual(whole);
    // It ran from its own bundle: bin/ keeps a code cache beside the bundle it compiled.
    expect(existsSync(`${bundleOf(args[0])}.cache`)).toBe(true);
  });

  it('leaves a name that is no command to the whole CLI (commander suggests one)', () => {
    const r = runBinary(['scor', 'examples/answers/township.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('score');
    expect(existsSync(bundleOf('scor'))).toBe(false);
  });
});
