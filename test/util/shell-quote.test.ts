// Quoting a command line printed for the user: it runs as printed in a POSIX shell.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fileArgument, shellQuote } from '../../src/util/shell-quote.js';

/** What a shell makes of `text` as one word. */
const shellWord = (text: string): string => execFileSync('sh', ['-c', `printf '%s' ${text}`], { encoding: 'utf8' });

describe('shellQuote', () => {
  it('leaves plain and Chinese paths alone and quotes the rest', () => {
    expect(shellQuote('answers/某某镇党委.yaml')).toBe('answers/某某镇党委.yaml');
    expect(shellQuote("my file's.yaml")).toBe(`'my file'\\''s.yaml'`);
  });

  it('gives back the text itself through the shell, whatever it holds', () => {
    for (const text of ["my file's.yaml", 'town\\ship 2026.yaml', 'a$b`c`"d".yaml', '乙镇 自查.yaml', '*.yaml']) expect(shellWord(shellQuote(text))).toBe(text);
  });
});

describe('fileArgument', () => {
  it('makes a name that starts with a dash a path, so that no command takes it for an option', () => {
    expect(fileArgument('-rf.yaml')).toBe('./-rf.yaml');
    expect(fileArgument('township.yaml')).toBe('township.yaml');
    expect(fileArgument('- x.yaml')).toBe(`'./- x.yaml'`);
  });
});
