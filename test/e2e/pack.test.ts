// The published package works on its own: npm pack, install the tarball into an empty folder, run the installed wangxin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

const npmWorks = spawnSync('npm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' }).status === 0;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };

let tmp = '';
let app = '';
let files: string[] = [];

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
    shell: process.platform === 'win32',
  });
}

/** Runs the installed command through npx, as a user would. */
function wangxin(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['--no-install', 'wangxin', ...args], {
    cwd: app,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1' },
    shell: process.platform === 'win32',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!npmWorks)('npm pack → npm install → wangxin (skipped when npm is not available)', () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'wangxin-pack-'));
    // dist/ is already built by `pretest`; --ignore-scripts keeps `prepare` from rebuilding it while
    // other test files run the binary from it.
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const info = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    files = info[0].files.map((f) => f.path);
    app = join(tmp, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'office', version: '1.0.0', private: true }));
    const tgz = join(tmp, info[0].filename);
    // Dependencies come from the local npm cache; fall back to the network only if the cache lacks one.
    let install = npm(['install', '--offline', tgz], app);
    if (install.status !== 0) install = npm(['install', '--prefer-offline', tgz], app);
    expect(install.status, install.stderr).toBe(0);
    for (const f of ['township.yaml']) copyFileSync(join(ROOT, 'examples/answers', f), join(app, f));
    for (const f of ['xx-county-2026.yaml', 'answers-township.yaml']) copyFileSync(join(ROOT, 'examples/custom', f), join(app, f));
  }, 180_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the tarball holds the program, its checklists and schemas, and no sources or tests', () => {
    for (const f of ['package.json', 'README.md', pkg.bin.wangxin, 'dist/cli/main.js', 'dist/validators/answers.cjs', 'dist/wangxin.cjs', 'dist/checklists/county-cyber-2018.json', 'checklists/county-cyber-2018.yaml', 'dist/checklists/county-cyber-2018@1.0.0.json', 'checklists/county-cyber-2018@1.0.0.yaml']) {
      expect(files, f).toContain(f);
    }
    for (const n of ['checklist', 'answers', 'report', 'batch']) expect(files).toContain(`schemas/${n}.schema.json`);
    expect(files.filter((f) => /^(src|test|scripts|node_modules)\//.test(f) || f.endsWith('.ts'))).toEqual([]);
  });

  it('npx wangxin list shows the built-in checklist, and its earlier version', () => {
    const r = wangxin(['list']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/county-cyber-2018\s+1\.1\.0\s+78/);
    expect(r.stdout).toMatch(/county-cyber-2018\s+1\.0\.0\s+53/);
  });

  it('--version is the package version', () => {
    const r = wangxin(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('validates and scores a copied example answer file', () => {
    const v = wangxin(['validate', 'township.yaml']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/1 个文件：1 个通过/);
    const s = wangxin(['score', 'township.yaml', '--format', 'json']);
    expect(s.code, s.stderr).toBe(0);
    const report = JSON.parse(s.stdout) as { checklist: { id: string }; unit: { type: string }; score: number };
    expect(report.checklist.id).toBe('county-cyber-2018');
    expect(report.unit.type).toBe('township');
    expect(report.score).toBeGreaterThan(0);
  });

  it('a custom checklist extending the built-in one works from the installed package', () => {
    const s = wangxin(['score', 'answers-township.yaml', '--checklist', 'xx-county-2026.yaml', '--format', 'json']);
    expect(s.code, s.stderr).toBe(0);
    expect((JSON.parse(s.stdout) as { checklist: { id: string } }).checklist.id).toBe('xx-county-2026');
  });

  it('schema answers prints the shipped schema', () => {
    const r = wangxin(['schema', 'answers']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, 'schemas/answers.schema.json'), 'utf8')));
  });

  it('a broken answer file gives a located error and exit 1, no stack trace', () => {
    writeFileSync(join(app, 'bad.yaml'), readFileSync(join(app, 'township.yaml'), 'utf8').replace('A1.1.1: { status: pass', 'A1.1.1: { status: maybe'));
    const r = wangxin(['validate', 'bad.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.yaml:\d+:\d+ .*SCHEMA_ENUM/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
