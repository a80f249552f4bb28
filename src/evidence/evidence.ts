// Evidence files of an answer file: resolve them next to it, record their SHA-256, and verify them later.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { evidencePath, type Answers, type Evidence } from '../model/answers.js';

/** Why a piece of evidence cannot be trusted as submitted. */
export type EvidenceProblem = 'missing' | 'changed' | 'outside';

/** One finding about one piece of evidence. */
export interface EvidenceFinding {
  /** The item the evidence belongs to. */
  item: string;
  /** The path as written in the answer file. */
  path: string;
  problem: EvidenceProblem;
  /** For `changed`: the digest recorded and the one found now. */
  recorded?: string;
  actual?: string;
}

/** What `recordEvidence` did. */
export interface RecordOutcome {
  /** The answer file with digests recorded (a copy; the input is not changed). */
  answers: Answers;
  /** Digests newly written (strings that became `{ path, sha256 }`). */
  recorded: number;
  /** Digests that were there and still match. */
  unchanged: number;
  /** Digests that were there but no longer matched, and were replaced. */
  updated: { item: string; path: string }[];
  /** URLs, left as they are. */
  urls: number;
  /** Local files that do not exist (left as strings) or resolve outside the answer file's folder. */
  findings: EvidenceFinding[];
}

/** Whether an evidence entry is a URL (`https://…`, `ftp://…`) rather than a local file. */
export function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/** The SHA-256 of a file as 64 lowercase hex digits, read as a stream (evidence may be large). */
export function hashFile(file: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', fail)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => done(hash.digest('hex')));
  });
}

/** Where a local evidence path points, and whether it stays inside the answer file's folder. */
export interface ResolvedEvidence {
  /** The absolute path (before following symbolic links). */
  file: string;
  /** False when the file does not exist or is not a regular file. */
  exists: boolean;
  /**
   * False for absolute paths, `../` escapes and symbolic links whose target (by realpath) lies
   * outside the folder of the answer file.
   */
  inside: boolean;
}

/**
 * Resolves `path` relative to the folder of `answersFile`. Containment is judged on real paths,
 * so a symbolic link inside the folder that points elsewhere counts as outside.
 */
export async function resolveEvidence(answersFile: string, path: string): Promise<ResolvedEvidence> {
  const folder = dirname(resolve(answersFile));
  const file = resolve(folder, path);
  let realFolder = folder;
  try {
    realFolder = await realpath(folder);
  } catch {
    // The answer file's folder always exists when we get here; keep the plain path otherwise.
  }
  let real: string | undefined;
  let exists = false;
  try {
    real = await realpath(file);
    exists = (await stat(real)).isFile();
  } catch {
    exists = false;
  }
  const within = (p: string, root: string): boolean => {
    const rel = relative(root, p);
    return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
  };
  const inside = !isAbsolute(path) && within(file, folder) && (real === undefined || within(real, realFolder));
  return { file, exists, inside };
}

/**
 * Records the SHA-256 of every local evidence file of `answers` (read from `answersFile`):
 * `a.pdf` becomes `{ path: a.pdf, sha256 }`. URLs stay as they are; missing files stay strings
 * and are reported; recorded digests that no longer match are replaced and listed.
 */
export async function recordEvidence(answersFile: string, answers: Answers): Promise<RecordOutcome> {
  const out: RecordOutcome = { answers: structuredClone(answers), recorded: 0, unchanged: 0, updated: [], urls: 0, findings: [] };
  for (const [item, answer] of Object.entries(out.answers.answers)) {
    if (!answer.evidence) continue;
    const next: Evidence[] = [];
    for (const entry of answer.evidence) {
      const path = evidencePath(entry);
      if (isUrl(path)) {
        out.urls++;
        next.push(entry);
        continue;
      }
      const where = await resolveEvidence(answersFile, path);
      if (!where.inside) out.findings.push({ item, path, problem: 'outside' });
      if (!where.exists) {
        out.findings.push({ item, path, problem: 'missing' });
        next.push(entry);
        continue;
      }
      let sha256: string;
      try {
        sha256 = await hashFile(where.file);
      } catch {
        // Unreadable (permissions, removed meanwhile): as good as missing, and left as it was.
        out.findings.push({ item, path, problem: 'missing' });
        next.push(entry);
        continue;
      }
      if (typeof entry === 'string') out.recorded++;
      else if (entry.sha256 === sha256) out.unchanged++;
      else out.updated.push({ item, path });
      next.push({ path, sha256 });
    }
    answer.evidence = next;
  }
  return out;
}

/**
 * Checks every local evidence file of `answers`: missing, changed since its digest was recorded,
 * or outside the answer file's folder. URLs are not checked. Never throws for a file problem.
 */
export async function verifyEvidence(answersFile: string, answers: Answers): Promise<EvidenceFinding[]> {
  const findings: EvidenceFinding[] = [];
  for (const [item, answer] of Object.entries(answers.answers)) {
    for (const entry of answer.evidence ?? []) {
      const path = evidencePath(entry);
      if (isUrl(path)) continue;
      const where = await resolveEvidence(answersFile, path);
      if (!where.inside) findings.push({ item, path, problem: 'outside' });
      if (!where.exists) {
        findings.push({ item, path, problem: 'missing' });
        continue;
      }
      if (typeof entry !== 'string' && where.inside) {
        let actual: string;
        try {
          actual = await hashFile(where.file);
        } catch {
          findings.push({ item, path, problem: 'missing' });
          continue;
        }
        if (actual !== entry.sha256) findings.push({ item, path, problem: 'changed', recorded: entry.sha256, actual });
      }
    }
  }
  return findings;
}
