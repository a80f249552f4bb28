// The built-in checklists' cache (written by the build) is used for exactly the bytes it was made from, and for nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltinCache } from '../../src/checklist/builtin-cache.js';
import { CHECKLISTS_DIR } from '../../src/paths.js';

const file = join(CHECKLISTS_DIR, 'county-cyber-2018.yaml');
const bytes = readFileSync(file);

describe('readBuiltinCache', () => {
  it('gives the cached checklist for the bytes of the built-in file', () => {
    expect(readBuiltinCache(file, bytes)?.id).toBe('county-cyber-2018');
  });

  it('gives nothing once one byte differs, or a byte is added or missing', () => {
    const changed = Buffer.from(bytes);
    changed[Math.floor(changed.length / 2)] ^= 0x20;
    expect(readBuiltinCache(file, changed)).toBeUndefined();
    expect(readBuiltinCache(file, Buffer.concat([bytes, Buffer.from('\n')]))).toBeUndefined();
    expect(readBuiltinCache(file, bytes.subarray(0, bytes.length - 1))).toBeUndefined();
  });

  it('gives nothing for a file outside the built-in folder, whatever its bytes', () => {
    expect(readBuiltinCache(join(CHECKLISTS_DIR, '..', 'county-cyber-2018.yaml'), bytes)).toBeUndefined();
  });
});
