// The repository stands alone: nothing in it points outside it, and the README's and docs' links resolve inside it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

/** What the project is made of; installed, built and generated files (node_modules, dist, reports) are not. */
const OWN = ['README.md', 'package.json', '.ci', 'bin', 'checklists', 'docs', 'examples', 'schemas', 'scripts', 'src', 'test'];

function textFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (dir === ROOT && !OWN.includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) textFiles(path, out);
    else if (/\.(ts|mts|mjs|cjs|js|json|ya?ml|md|txt|html)$|^run$/.test(entry.name) && entry.name !== 'package-lock.json') out.push(path);
  }
  return out;
}

describe('the repository stands alone', () => {
  it('no code, test, doc, script or data file refers to a path outside it', () => {
    // Spelled in parts, so that this file does not match itself.
    const outside = new RegExp(['\\.\\./sha' + 'red', 'sha' + 'red/(seed|spec|style)', 'sha' + 'red[\'"],\\s*[\'"](seed|spec|style)'].join('|'));
    const files = textFiles(ROOT);
    expect(files.length).toBeGreaterThan(100);
    const found = files.filter((f) => outside.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(found).toEqual([]);
  });

  it('the README links docs/formats.md, and every relative link of the README resolves', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/formats.md)');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
    for (const link of links) expect(existsSync(join(ROOT, link)), link).toBe(true);
  });
});
