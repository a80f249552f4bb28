// The quick digest tells changed bytes apart, whatever buffer they lie in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quickDigest } from '../../src/fs/digest.js';

const checklist = readFileSync(new URL('../../checklists/county-cyber-2018.yaml', import.meta.url));

describe('quickDigest', () => {
  it('is 16 hex digits, the same for the same bytes', () => {
    expect(quickDigest(checklist)).toMatch(/^[0-9a-f]{16}$/);
    expect(quickDigest(Buffer.from(checklist))).toBe(quickDigest(checklist));
  });

  it('does not depend on where the bytes lie in their buffer (the word-aligned and the copying path)', () => {
    for (const length of [0, 1, 3, 4, 5, 7, 8, 1001, checklist.length]) {
      const bytes = checklist.subarray(0, length);
      const aligned = new Uint8Array(new ArrayBuffer(length + 8), 4, length);
      aligned.set(bytes);
      const unaligned = new Uint8Array(new ArrayBuffer(length + 8), 1, length);
      unaligned.set(bytes);
      expect(quickDigest(unaligned)).toBe(quickDigest(aligned));
    }
  });

  it('changes when any one byte changes: first, middle, last, or one of the bytes after the last whole word', () => {
    const base = quickDigest(checklist);
    const length = checklist.length - (checklist.length % 4) - 1; // whole words and three bytes more
    const bytes = Buffer.from(checklist.subarray(0, length));
    const digest = quickDigest(bytes);
    for (const at of [0, 1, 2, 3, Math.floor(length / 2), length - 4, length - 3, length - 2, length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] ^= 0x20;
      expect(quickDigest(changed), `byte ${at}`).not.toBe(digest);
    }
    expect(base).not.toBe(digest);
  });

  it('changes when bytes are added, removed or swapped', () => {
    const digest = quickDigest(checklist);
    expect(quickDigest(Buffer.concat([checklist, Buffer.from([0])]))).not.toBe(digest);
    expect(quickDigest(checklist.subarray(0, checklist.length - 1))).not.toBe(digest);
    const swapped = Buffer.from(checklist);
    swapped.copy(swapped, 0, 4, 8);
    checklist.copy(swapped, 4, 0, 4);
    expect(quickDigest(swapped)).not.toBe(digest);
  });
});
