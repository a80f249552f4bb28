// writeOutput: what it does with each kind of path, and findSameFile: when two names are one file.
import { execFileSync } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSameFile } from '../../src/fs/same-file.js';
import { OutputError, writeOutput } from '../../src/fs/write-output.js';
import { describeWriteFailure } from '../../src/cli/outputs.js';

const dir = mkdtempSync(join(tmpdir(), 'wangxin-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<OutputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OutputError);
    return error as OutputError;
  }
  throw new Error('no error');
}

describe('writeOutput', () => {
  it('`-` goes to the stream given, lines joined', async () => {
    let out = '';
    await writeOutput('-', ['a', 'b'], { stdout: { write: (s: string) => (out += s) } });
    expect(out).toBe('a\nb');
  });

  it('a FIFO without a reader fails after the wait instead of hanging, and stays a FIFO', async () => {
    const fifo = join(dir, 'lonely.fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const error = await failure(writeOutput(fifo, 'text', { fifoWaitMs: 200 }));
    expect(error.reason).toBe('fifoNoReader');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    // What the commands then say (the wait is FIFO_WAIT_MS there).
    expect(describeWriteFailure(error, 'en')).toBe('no program opened the FIFO for reading within 10 s');
    expect(describeWriteFailure(error, 'zh')).toBe('10 秒内没有程序打开这个 FIFO 读取');
  });

  it('a folder, a socket and a link loop are refused with their reason', async () => {
    mkdirSync(join(dir, 'folder'));
    expect((await failure(writeOutput(join(dir, 'folder'), 'x'))).reason).toBe('directory');
    const socket = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
    try {
      expect((await failure(writeOutput(socket, 'x'))).reason).toBe('special');
      expect(lstatSync(socket).isSocket()).toBe(true);
    } finally {
      server.close();
    }
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    expect((await failure(writeOutput(join(dir, 'loop-a'), 'x'))).reason).toBe('linkLoop');
  });

  it('a missing folder is a system error unless asked to make it', async () => {
    expect((await failure(writeOutput(join(dir, 'no', 'such', 'x.md'), 'x'))).errno).toBe('ENOENT');
    await writeOutput(join(dir, 'made', 'x.md'), 'x', { makeFolder: true });
    expect(readFileSync(join(dir, 'made', 'x.md'), 'utf8')).toBe('x');
  });

  it('a regular file keeps its permissions when replaced', async () => {
    const file = join(dir, 'private.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await writeOutput(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('findSameFile', () => {
  const named = (name: string): { path: string; shown: string } => ({ path: name === '-' ? '-' : join(dir, 'same', name), shown: name });
  mkdirSync(join(dir, 'same'));
  writeFileSync(join(dir, 'same', 'in.yaml'), 'x');
  symlinkSync('in.yaml', join(dir, 'same', 'sym.yaml'));
  linkSync(join(dir, 'same', 'in.yaml'), join(dir, 'same', 'hard.yaml'));
  symlinkSync('new.md', join(dir, 'same', 'to-new.md'));

  it('finds an input through a symbolic or a hard link, and nothing for a distinct or new file', async () => {
    expect(await findSameFile([named('sym.yaml')], [named('in.yaml')])).toMatchObject({ kind: 'input', output: { shown: 'sym.yaml' }, input: { shown: 'in.yaml' } });
    expect(await findSameFile([named('hard.yaml')], [named('in.yaml')])).toMatchObject({ kind: 'input' });
    expect(await findSameFile([named('new.md'), named('other.md')], [named('in.yaml')])).toBeUndefined();
  });

  it('with real-path inputs (a batch’s), still finds an output that is one of them by a link, and skips only what cannot be it', async () => {
    writeFileSync(join(dir, 'same', 'solo.yaml'), 'x');
    writeFileSync(join(dir, 'same', 'report.md'), 'x');
    symlinkSync('solo.yaml', join(dir, 'same', 'to-solo.md'));
    const real = (name: string): { path: string; shown: string; real: boolean } => ({ ...named(name), real: true });
    // One link: the output's real name is the input's.
    expect(await findSameFile([named('to-solo.md')], [real('in.yaml'), real('solo.yaml')])).toMatchObject({ kind: 'input', input: { shown: 'solo.yaml' } });
    // Two links (in.yaml and hard.yaml): every input is looked at.
    expect(await findSameFile([named('hard.yaml')], [real('solo.yaml'), real('in.yaml')])).toMatchObject({ kind: 'input', input: { shown: 'in.yaml' } });
    // An existing output of one link and other names: none is it.
    expect(await findSameFile([named('report.md')], [real('in.yaml'), real('solo.yaml')])).toBeUndefined();
  });

  it('finds two outputs naming one file, existing or not, through links, and `-` twice', async () => {
    expect(await findSameFile([named('new.md'), named('to-new.md')], [])).toMatchObject({ kind: 'outputs', output: { shown: 'to-new.md' }, other: { shown: 'new.md' } });
    expect(await findSameFile([named('in.yaml'), named('hard.yaml')], [])).toMatchObject({ kind: 'outputs' });
    expect(await findSameFile([named('-'), named('-')], [])).toMatchObject({ kind: 'outputs' });
    expect(await findSameFile([named('-'), named('new.md')], [named('-')])).toBeUndefined();
  });
});
