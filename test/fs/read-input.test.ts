// readInput and readInputSync: only regular files within the limit are read; anything else is a failure at once, as data.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput, readInputSync, readStream, type Scratch } from '../../src/fs/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'wangxin-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInput and readInputSync', () => {
  it('read a regular file whole, with its device and inode', async () => {
    writeFileSync(join(dir, 'a.yaml'), 'a: 1\n');
    const read = await readInput(join(dir, 'a.yaml'), 100);
    expect(read.ok && read.bytes.toString()).toBe('a: 1\n');
    expect(read.ok && read.ino).toBeGreaterThan(0);
    const sync = readInputSync(join(dir, 'a.yaml'), 100);
    expect(sync.ok && sync.bytes.toString()).toBe('a: 1\n');
  });

  it('refuse a FIFO (without waiting for a writer), a socket, a device, a folder, a missing file', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    execFileSync('mknod', [join(dir, 'zero'), 'c', '1', '5']);
    mkdirSync(join(dir, 'folder'));
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, 'sock'), done));
    try {
      const cases: [string, unknown][] = [
        ['fifo', { reason: 'special', kind: 'fifo' }],
        ['zero', { reason: 'special', kind: 'characterDevice' }],
        ['sock', { reason: 'special', kind: 'socket' }],
        ['folder', { reason: 'directory' }],
        ['nope', { reason: 'missing' }],
      ];
      for (const [name, failure] of cases) {
        expect(await readInput(join(dir, name), 100), name).toEqual({ ok: false, failure });
        expect(readInputSync(join(dir, name), 100), name).toEqual({ ok: false, failure });
      }
    } finally {
      server.close();
    }
  });

  it('refuse a file over the limit by its size without reading it; exactly the limit is read', async () => {
    const fd = openSync(join(dir, 'big'), 'w');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    expect(await readInput(join(dir, 'big'), 1000)).toEqual({ ok: false, failure: { reason: 'tooLarge', size: 1024 ** 3, limit: 1000 } });
    writeFileSync(join(dir, 'edge'), 'x'.repeat(1000));
    expect((await readInput(join(dir, 'edge'), 1000)).ok).toBe(true);
    expect(readInputSync(join(dir, 'edge'), 999)).toMatchObject({ ok: false, failure: { reason: 'tooLarge' } });
  });

  it('readInputSync reuses a scratch buffer, growing it only as needed', () => {
    const scratch: Scratch = { buffer: Buffer.alloc(4) };
    writeFileSync(join(dir, 'long'), 'y'.repeat(50_000));
    const read = readInputSync(join(dir, 'long'), 100_000, scratch);
    expect(read.ok && read.bytes.length).toBe(50_000);
    expect(scratch.buffer.length).toBeGreaterThanOrEqual(50_000);
    expect(scratch.buffer.length).toBeLessThanOrEqual(100_001);
  });

  it('readStream (standard input) stops past the limit', async () => {
    const small = new PassThrough();
    small.end('a: 1\n');
    expect(await readStream(small, 100)).toMatchObject({ ok: true });
    const big = new PassThrough();
    big.end('z'.repeat(200));
    expect(await readStream(big, 100)).toMatchObject({ ok: false, failure: { reason: 'tooLarge' } });
  });
});
