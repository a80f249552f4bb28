// The documented limits at their edges: file size, nesting (flow and block), aliases, duplicate keys found without yaml's quadratic check.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ALIAS_COUNT, MAX_FLOW_DEPTH, parseYaml } from '../../src/load/parse-yaml.js';
import { MAX_FILE_BYTES, readText } from '../../src/load/read-text.js';
import { findTooDeepBlock, isStackOverflow } from '../../src/load/depth.js';

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-limits-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const codes = (source: string): string[] => parseYaml(source, 'f.yaml').diagnostics.map((d) => d.code);

/** A block mapping nested `depth` levels deep (the root map is level 1). */
function blockDepth(depth: number): string {
  let out = '';
  for (let i = 0; i < depth - 1; i++) out += ' '.repeat(i) + 'a:\n';
  return out + ' '.repeat(depth - 1) + 'a: 1\n';
}

describe('limits', () => {
  it('file size: exactly MAX_FILE_BYTES is read, one byte more is FILE_TOO_LARGE', async () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    const at = join(tmp, 'at.yaml');
    writeFileSync(at, Buffer.concat([Buffer.from('a: '), Buffer.alloc(MAX_FILE_BYTES - 4, 0x61), Buffer.from('\n')]));
    expect((await readText(at)).ok).toBe(true);
    const over = join(tmp, 'over.yaml');
    writeFileSync(over, Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
    const r = await readText(over);
    expect(r.ok === false && r.diagnostic.code).toBe('FILE_TOO_LARGE');
    expect(r.ok === false && r.diagnostic.message.en).toBe('file too large (10.0 MiB); the limit is 10.0 MiB');
  });

  it('flow nesting: 64 levels parse, 65 is YAML_TOO_DEEP at the 65th bracket', () => {
    expect(MAX_FLOW_DEPTH).toBe(64);
    expect(codes(`a: ${'['.repeat(63)}${']'.repeat(63)}\n`)).toEqual([]);
    const deep = parseYaml(`a: ${'['.repeat(65)}${']'.repeat(65)}\n`, 'f.yaml');
    expect(deep.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['YAML_TOO_DEEP', 1, 4 + 64]]);
  });

  it('block nesting: 64 levels parse, 65 is YAML_TOO_DEEP on the 65th level', () => {
    expect(codes(blockDepth(64))).toEqual([]);
    const deep = parseYaml(blockDepth(65), 'f.yaml');
    expect(deep.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['YAML_TOO_DEEP', 65, 65]]);
    // Far past the stack: one located finding, no crash.
    const huge = parseYaml(blockDepth(3000), 'f.yaml');
    expect(huge.diagnostics.map((d) => d.code)).toEqual(['YAML_TOO_DEEP']);
  });

  it('findTooDeepBlock finds the 65th indentation level, closing levels on dedent; isStackOverflow knows RangeError', () => {
    expect(findTooDeepBlock(blockDepth(64))).toBe(-1);
    const text = blockDepth(65);
    expect(findTooDeepBlock(text)).toBe(text.lastIndexOf('a: 1'));
    expect(findTooDeepBlock('a:\n  b: 1\n  c: 1\n# x\nd: 1\n'.repeat(100))).toBe(-1);
    expect(isStackOverflow(new RangeError('Maximum call stack size exceeded'))).toBe(true);
    expect(isStackOverflow(new RangeError('Invalid array length'))).toBe(false);
    expect(isStackOverflow(new Error('Maximum call stack size exceeded'))).toBe(false);
  });

  it('aliases: 99 references to an anchor are fine, 100 are YAML_ALIAS_LIMIT (yaml counts the one that reaches the limit; nested aliases multiply)', () => {
    expect(MAX_ALIAS_COUNT).toBe(100);
    const refs = (n: number, anchored = '[1, 2]'): string => `a: &x ${anchored}\nb: [${Array(n).fill('*x').join(',')}]\n`;
    expect(codes(refs(99))).toEqual([]);
    expect(codes(refs(99, '1'))).toEqual([]);
    expect(codes(refs(100))).toEqual(['YAML_ALIAS_LIMIT']);
    // An anchor holding 10 aliases weighs about 11 per reference: 8 references pass, 9 do not.
    const nested = (n: number): string => `a: &a 1\nx: &x [${Array(10).fill('*a').join(',')}]\nb: [${Array(n).fill('*x').join(',')}]\n`;
    expect(codes(nested(8))).toEqual([]);
    expect(codes(nested(9))).toEqual(['YAML_ALIAS_LIMIT']);
  });

  it('duplicate keys: every repeat is found, at its key, in any map, in linear time', () => {
    const d = parseYaml('a: 1\nb:\n  x: 1\n  y: 2\n  x: 3\nc: { p: 1, p: 2 }\na: 4\n', 'f.yaml').diagnostics;
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([
      ['YAML_DUPLICATE_KEY', 5, 3],
      ['YAML_DUPLICATE_KEY', 6, 12],
      ['YAML_DUPLICATE_KEY', 7, 1],
    ]);
    expect(d.map((x) => x.message.en)).toContain('the key "x" appears twice');
    // 50,000 distinct keys: yaml's own check compared every pair (minutes); the set takes well under a second.
    let many = '';
    for (let i = 0; i < 50_000; i++) many += `k${i}: ${i}\n`;
    const start = performance.now();
    expect(codes(many + 'k7: again\n')).toEqual(['YAML_DUPLICATE_KEY']);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
