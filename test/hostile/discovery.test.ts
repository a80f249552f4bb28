// Submission folders under attack: links leaving the folder, chains of linked folders, a link to /, and names that are not UTF-8.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/batch/discover.js';
import { BIN, ROOT } from '../helpers/run-cli.js';

const EXAMPLE = join(ROOT, 'examples/answers/township.yaml');
const SECRET = 'AUTHORIZATION: basic c2VjcmV0LXRva2Vu';
let tmp = '';

/** The built binary with a time limit: a walk that explodes is killed, and the test fails instead of hanging. */
function batch(args: string[], cwd: string): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, 'batch', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** A copy of the example answer file with its own unit name. */
function submission(path: string | Buffer, unit: string): void {
  writeFileSync(path, readFileSync(EXAMPLE, 'utf8').replace('name: 某某镇党委', `name: ${unit}`));
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-discovery-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a symbolic link that leaves the folder given is reported, never read', () => {
  it('a linked file: its target is quoted nowhere (summary, JUnit, stderr), the link is a finding (exit 1)', () => {
    const dir = join(tmp, 'leak');
    mkdirSync(join(dir, 'answers'), { recursive: true });
    writeFileSync(join(dir, 'config'), `[http]\n\textraheader = ${SECRET}\n`);
    copyFileSync(EXAMPLE, join(dir, 'answers', 'ok.yaml'));
    symlinkSync(join('..', 'config'), join(dir, 'answers', 'evil.yaml'));
    const r = batch(['answers', '--out', 'summary.md', '--junit', 'junit.xml'], dir);
    expect(r.code, r.stderr).toBe(1);
    const everything = r.stdout + r.stderr + readFileSync(join(dir, 'summary.md'), 'utf8') + readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(everything).not.toContain('c2VjcmV0LXRva2Vu');
    expect(everything).not.toContain('extraheader');
    expect(r.stderr).toMatch(/answers\/evil\.yaml .*SYMLINK_OUTSIDE/);
    expect(r.stderr).toMatch(/symbolic link that leads outside the folder answers; it was not read/);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('evil.yaml');
  });

  it('a linked folder outside, a link to /, and a linked file given directly (as a shell glob would) are findings too', () => {
    const dir = join(tmp, 'leak-more');
    mkdirSync(join(dir, 'answers'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    submission(join(dir, 'elsewhere', 'other.yaml'), '外面的单位');
    writeFileSync(join(dir, 'secret.yaml'), `token: ${SECRET}\n`);
    copyFileSync(EXAMPLE, join(dir, 'answers', 'ok.yaml'));
    symlinkSync(join('..', 'elsewhere'), join(dir, 'answers', 'linked-folder'));
    symlinkSync('/', join(dir, 'answers', 'root'));
    symlinkSync(join('..', 'secret.yaml'), join(dir, 'answers', 'glob.yaml'));
    const r = batch(['answers', join('answers', 'glob.yaml'), '--format', 'json'], dir);
    expect(r.signal).toBeNull();
    expect(r.ms).toBeLessThan(20_000);
    expect(r.code, r.stderr).toBe(1);
    const json = JSON.parse(r.stdout) as { counts: { files: number; valid: number }; files: { file: string; errors: { code: string }[] }[] };
    expect(json.files.map((f) => [f.file, f.errors[0]?.code ?? null])).toEqual([
      [join('answers', 'glob.yaml'), 'SYMLINK_OUTSIDE'],
      [join('answers', 'linked-folder'), 'SYMLINK_OUTSIDE'],
      [join('answers', 'ok.yaml'), null],
      [join('answers', 'root'), 'SYMLINK_OUTSIDE'],
    ]);
    expect(r.stdout + r.stderr).not.toContain('c2VjcmV0LXRva2Vu');
    expect(r.stdout).not.toContain('外面的单位');
  });

  it('links that stay inside the folder are followed, and each file is scored once', async () => {
    const dir = join(tmp, 'inside');
    mkdirSync(join(dir, 'answers', 'a'), { recursive: true });
    copyFileSync(EXAMPLE, join(dir, 'answers', 'a', 'one.yaml'));
    symlinkSync('a', join(dir, 'answers', 'b'));
    symlinkSync(join('a', 'one.yaml'), join(dir, 'answers', 'z.yaml'));
    const found = await discoverFiles(['answers'], dir);
    expect(found.findings).toEqual([]);
    expect(found.files.map((f) => f.file)).toEqual([join('answers', 'a', 'one.yaml')]);
  });
});

describe('linked folders are visited once each', () => {
  it('30 levels of folders each holding two links to the next finish at once, every file scored once', () => {
    const dir = join(tmp, 'chain');
    const levels = 30;
    for (let i = 0; i <= levels; i++) {
      mkdirSync(join(dir, 'answers', `d${i}`), { recursive: true });
      submission(join(dir, 'answers', `d${i}`, `unit-${i}.yaml`), `单位${i}`);
    }
    for (let i = 0; i < levels; i++) {
      symlinkSync(join('..', `d${i + 1}`), join(dir, 'answers', `d${i}`, 'a'));
      symlinkSync(join('..', `d${i + 1}`), join(dir, 'answers', `d${i}`, 'b'));
    }
    const r = batch(['answers', '--format', 'json', '--allow-incomplete'], dir);
    expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
    expect(r.code, r.stderr.slice(0, 500)).toBe(0);
    const json = JSON.parse(r.stdout) as { counts: { files: number; valid: number; duplicates: number } };
    expect(json.counts).toMatchObject({ files: levels + 1, valid: levels + 1, duplicates: 0 });
  });
});

describe('file names that are not UTF-8', () => {
  it('three GBK-named submissions are three units, each scored, shown with the undecodable bytes escaped', () => {
    const dir = join(tmp, 'gbk');
    mkdirSync(join(dir, 'answers'), { recursive: true });
    // 测试 in GBK is b2 e2 ca d4: not UTF-8, as a Windows zip extracts it.
    const names = [0x31, 0x32, 0x33].map((digit) => Buffer.concat([Buffer.from([0xb2, 0xe2, 0xca, 0xd4, digit]), Buffer.from('.yaml')]));
    names.forEach((name, i) => submission(Buffer.concat([Buffer.from(join(dir, 'answers') + '/'), name]), `单位${i + 1}`));
    const r = batch(['answers', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { counts: { files: number; valid: number }; files: { file: string; status: string }[]; ranking: { unit: { name: string } }[] };
    expect(json.counts).toMatchObject({ files: 3, valid: 3 });
    expect(json.files.map((f) => f.file)).toEqual(['1', '2', '3'].map((d) => join('answers', `\\xb2\\xe2\\xca\\xd4${d}.yaml`)));
    expect(json.ranking.map((u) => u.unit.name).sort()).toEqual(['单位1', '单位2', '单位3']);
  });
});
