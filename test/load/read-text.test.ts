// The reader accepts UTF-8 with a BOM and CRLF, and refuses other encodings with a located reason.
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/load/read-text.js';
import { parseYaml } from '../../src/load/parse-yaml.js';

describe('decodeText', () => {
  it('drops a UTF-8 BOM', () => {
    const r = decodeText(Buffer.from('\ufeffa: 中文\n'), 'f.yaml');
    expect(r).toEqual({ ok: true, text: 'a: 中文\n' });
  });

  it('keeps CRLF text, which YAML then parses with the right lines', () => {
    const r = decodeText(Buffer.from('a: 1\r\nb: 2\r\nb: 3\r\n'), 'f.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const parsed = parseYaml(r.text, 'f.yaml');
    expect([parsed.diagnostics[0]?.code, parsed.diagnostics[0]?.line, parsed.diagnostics[0]?.column]).toEqual(['YAML_DUPLICATE_KEY', 3, 1]);
    expect(parseYaml('a: 1\r\nb: 2\r\n', 'g.yaml').value).toEqual({ a: 1, b: 2 });
  });

  it('locates the first invalid byte of a GBK file', () => {
    const gbk = Buffer.concat([Buffer.from('name: abc'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]) /* 中文 in GBK */, Buffer.from('\n')]);
    const r = decodeText(gbk, 'gbk.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostic.code).toBe('ENCODING_NOT_UTF8');
    expect([r.diagnostic.line, r.diagnostic.column]).toEqual([1, 10]);
    expect(r.diagnostic.message.en).toMatch(/Re-save it as UTF-8/);
  });

  it('tells UTF-16 without a BOM from binary', () => {
    const utf16 = Buffer.from('a: 1\n', 'utf16le');
    expect(decodeText(utf16, 'x').ok === false && (decodeText(utf16, 'x') as { diagnostic: { code: string } }).diagnostic.code).toBe('ENCODING_UTF16');
    const bin = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13, 0x37]);
    const r = decodeText(bin, 'x');
    expect(r.ok === false && r.diagnostic.code).toBe('BINARY_FILE');
  });

  it('refuses a truncated multi-byte sequence at the end', () => {
    const r = decodeText(Buffer.from([0x61, 0x3a, 0x20, 0xe4, 0xb8]), 'x');
    expect(r.ok === false && r.diagnostic.code).toBe('ENCODING_NOT_UTF8');
  });
});

describe('parseYaml', () => {
  it('keeps keys that look like numbers as written (item ids such as 1.10)', () => {
    const parsed = parseYaml('answers:\n  1.10: { status: pass }\n  1.1: { status: fail }\n', 'x');
    expect(Object.keys((parsed.value as { answers: object }).answers)).toEqual(['1.10', '1.1']);
  });

  it('does not turn __proto__ keys into prototypes', () => {
    const parsed = parseYaml('__proto__: { polluted: true }\na: 1\n', 'x');
    const value = parsed.value as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('treats !!timestamp and plain dates as strings', () => {
    expect(parseYaml('d: 2026-03-01\n', 'x').value).toEqual({ d: '2026-03-01' });
    expect(parseYaml('d: !!timestamp 2026-03-01\n', 'x').diagnostics.map((d) => d.code)).toEqual(['YAML_TAG']);
  });

  it('refuses an alias bomb without expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const parsed = parseYaml(levels.join('\n') + '\n', 'bomb.yaml');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['YAML_ALIAS_LIMIT']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
