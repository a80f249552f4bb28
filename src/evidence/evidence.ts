// Evidence files of an answer file: resolve them next to it, record their SHA-256, and verify them later.
import type { EvidenceFinding, EvidenceProblem } from '../model/evidence.js';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { openInputSync, pathOfDescriptor } from '../fs/read-input.js';
import { evidencePath, type Answer, type Answers, type Evidence } from '../model/answers.js';

/**
 * Evidence files larger than this are not hashed (a finding, `tooLarge`). Evidence may be scans
 * and recordings, so the limit is far above the answer files' 10 MiB; it bounds the time a
 * hostile submission can make a batch spend (about 2 to 4 s per file at this size).
 */
export const MAX_EVIDENCE_BYTES = 2 * 1024 ** 3;

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
  /** Local files that could not be recorded (left as they were): missing, outside the folder, not regular, too large, unreadable. */
  findings: EvidenceFinding[];
}

/** Whether an evidence entry is a URL (`https://…`, `ftp://…`) rather than a local file. */
export function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/** The SHA-256 of a file as 64 lowercase hex digits, read as a stream from `fd` (closed after), never past `maxBytes`. */
function hashDescriptor(fd: number, maxBytes: number): Promise<string | 'tooLarge'> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    let length = 0;
    const stream = createReadStream('', { fd, autoClose: true });
    stream
      .on('error', fail)
      .on('data', (chunk) => {
        length += chunk.length;
        // The file grew past the limit while it was read.
        if (length > maxBytes) {
          stream.destroy();
          done('tooLarge');
          return;
        }
        hash.update(chunk);
      })
      .on('end', () => done(hash.digest('hex')));
  });
}

/** Hashes evidence files, each once per run however many entries name it (a cache by device, inode, size and times). */
export interface EvidenceHasher {
  /**
   * The digest of the regular file `file`, opened without blocking and checked on its descriptor:
   * not a regular file, over the limit, or (where the system tells) really outside `folder`
   * once opened is a problem instead. `folder` is the real path of the answer file's folder.
   */
  hash(file: Buffer, folder: Buffer): Promise<{ ok: true; sha256: string } | { ok: false; problem: Exclude<EvidenceProblem, 'changed'> }>;
  /** How many files were actually read (for tests: the same file is read once). */
  readonly filesRead: number;
}

/** A hasher for one run (one `evidence`, one `run --record-evidence`, one `batch --verify-evidence`). */
export function createEvidenceHasher(maxBytes = MAX_EVIDENCE_BYTES): EvidenceHasher {
  const digests = new Map<string, string>();
  let filesRead = 0;
  return {
    get filesRead() {
      return filesRead;
    },
    async hash(file, folder) {
      const opened = openInputSync(file, maxBytes);
      if (!opened.ok) {
        const f = opened.failure;
        return { ok: false, problem: f.reason === 'missing' ? 'missing' : f.reason === 'tooLarge' ? 'tooLarge' : f.reason === 'system' ? 'unreadable' : 'notRegular' };
      }
      const { fd, info } = opened;
      // Where the descriptor really is: a folder swapped for a link after the path was checked cannot move the read outside.
      const real = pathOfDescriptor(fd);
      if (real !== undefined && !within(latin1(real), latin1(folder))) {
        closeSync(fd);
        return { ok: false, problem: 'outside' };
      }
      const key = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
      const known = digests.get(key);
      if (known !== undefined) {
        closeSync(fd);
        return { ok: true, sha256: known };
      }
      filesRead++;
      let digest: string;
      try {
        digest = await hashDescriptor(fd, maxBytes);
      } catch {
        return { ok: false, problem: 'unreadable' };
      }
      if (digest === 'tooLarge') return { ok: false, problem: 'tooLarge' };
      digests.set(key, digest);
      return { ok: true, sha256: digest };
    },
  };
}

/** The SHA-256 of a regular file (any size up to {@link MAX_EVIDENCE_BYTES}); rejects for anything else. */
export async function hashFile(file: string): Promise<string> {
  const abs = Buffer.from(resolve(file));
  const got = await createEvidenceHasher().hash(abs, Buffer.from(dirname(resolve(file))));
  if (!got.ok) throw new Error(got.problem);
  return got.sha256;
}

/** Where a local evidence path points, and whether it stays inside the answer file's folder. */
export interface ResolvedEvidence {
  /** The absolute path, as bytes (before following symbolic links). */
  file: Buffer;
  /** The real path of the answer file's folder, as bytes. */
  folder: Buffer;
  /** What is there: a regular file, nothing, or something else (a folder, FIFO, device, socket). */
  kind: 'file' | 'missing' | 'notRegular';
  /** True for a regular file. */
  exists: boolean;
  /**
   * False for absolute paths, `../` escapes and symbolic links whose target (by realpath) lies
   * outside the folder of the answer file.
   */
  inside: boolean;
}

/**
 * Resolves `path` relative to the folder of `answersFile` (a path, or bytes for a name that is
 * not UTF-8). Containment is judged on real paths, so a symbolic link inside the folder that
 * points elsewhere counts as outside. Only looks (realpath, stat); never opens or reads.
 */
export async function resolveEvidence(answersFile: string | Uint8Array, path: string): Promise<ResolvedEvidence> {
  // Paths are handled as latin1 text, one character per byte, so names that are not UTF-8 survive.
  const folder = dirname(typeof answersFile === 'string' ? latin1(Buffer.from(resolve(answersFile))) : latin1(answersFile));
  const file = resolve(folder, latin1(Buffer.from(path)));
  let realFolder = folder;
  try {
    realFolder = latin1(await realpath(bytes(folder), { encoding: 'buffer' }));
  } catch {
    // The answer file's folder always exists when we get here; keep the plain path otherwise.
  }
  let real: string | undefined;
  let kind: ResolvedEvidence['kind'] = 'missing';
  try {
    real = latin1(await realpath(bytes(file), { encoding: 'buffer' }));
    kind = (await stat(bytes(real))).isFile() ? 'file' : 'notRegular';
  } catch {
    kind = 'missing';
  }
  const inside = !isAbsolute(path) && within(file, folder) && (real === undefined || within(real, realFolder));
  return { file: bytes(file), folder: bytes(realFolder), kind, exists: kind === 'file', inside };
}

/** Whether `p` lies strictly inside `root` (both absolute, latin1 text). */
function within(p: string, root: string): boolean {
  const rel = relative(root, p);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

function latin1(path: Uint8Array): string {
  return Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString('latin1');
}

function bytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/**
 * Records the SHA-256 of every local evidence file of `answers` (read from `answersFile`):
 * `a.pdf` becomes `{ path: a.pdf, sha256 }`. URLs stay as they are; files that cannot be
 * recorded (missing, outside the folder, not regular, too large, unreadable) stay as they were
 * and are reported; recorded digests that no longer match are replaced and listed. A file
 * outside the answer file's folder is never read.
 */
export async function recordEvidence(answersFile: string | Uint8Array, answers: Answers, hasher = createEvidenceHasher()): Promise<RecordOutcome> {
  const out: RecordOutcome = { answers: structuredClone(answers), recorded: 0, unchanged: 0, updated: [], urls: 0, findings: [] };
  for (const [item, answer] of Object.entries(out.answers.answers)) {
    for (const { list, task, set } of evidenceLists(answer)) {
      const next: Evidence[] = [];
      for (const entry of list) {
        const path = evidencePath(entry);
        if (isUrl(path)) {
          out.urls++;
          next.push(entry);
          continue;
        }
        const got = await digestOf(answersFile, path, hasher);
        if (!got.ok) {
          out.findings.push({ item, path, problem: got.problem, ...task });
          next.push(entry);
          continue;
        }
        if (typeof entry === 'string') out.recorded++;
        else if (entry.sha256 === got.sha256) out.unchanged++;
        else out.updated.push({ item, path });
        next.push({ path, sha256: got.sha256 });
      }
      set(next);
    }
  }
  return out;
}

/**
 * The evidence lists of an answer: its own, and its rectification task's (the proof a task is
 * done), each with a way to replace it; `task` marks the findings of the second.
 */
function evidenceLists(answer: Answer): { list: readonly Evidence[]; task: { task?: true }; set(next: Evidence[]): void }[] {
  const lists: ReturnType<typeof evidenceLists> = [];
  if (answer.evidence) lists.push({ list: answer.evidence, task: {}, set: (next) => (answer.evidence = next) });
  const rectify = answer.rectify;
  if (rectify?.evidence) lists.push({ list: rectify.evidence, task: { task: true }, set: (next) => (rectify.evidence = next) });
  return lists;
}

/** The digest of one piece of local evidence, or the problem that stops it (outside files are never opened). */
async function digestOf(
  answersFile: string | Uint8Array,
  path: string,
  hasher: EvidenceHasher,
): Promise<{ ok: true; sha256: string } | { ok: false; problem: Exclude<EvidenceProblem, 'changed'> }> {
  const where = await resolveEvidence(answersFile, path);
  if (!where.inside) return { ok: false, problem: 'outside' };
  if (where.kind !== 'file') return { ok: false, problem: where.kind };
  return hasher.hash(where.file, where.folder);
}

/**
 * Checks every local evidence file of `answers`: missing, changed since its digest was recorded,
 * outside the answer file's folder (never read), not a regular file, too large, unreadable. URLs
 * are not checked. Never throws for a file problem. One `hasher` for a whole batch reads each
 * file once.
 */
export async function verifyEvidence(answersFile: string | Uint8Array, answers: Answers, hasher = createEvidenceHasher()): Promise<EvidenceFinding[]> {
  const findings: EvidenceFinding[] = [];
  for (const [item, answer] of Object.entries(answers.answers)) {
    for (const { list, task } of evidenceLists(answer)) {
      for (const entry of list) {
        const path = evidencePath(entry);
        if (isUrl(path)) continue;
        if (typeof entry === 'string') {
          // No digest to compare: only whether it is there, inside, and a file.
          const where = await resolveEvidence(answersFile, path);
          if (!where.inside) findings.push({ item, path, problem: 'outside', ...task });
          else if (where.kind !== 'file') findings.push({ item, path, problem: where.kind, ...task });
          continue;
        }
        const got = await digestOf(answersFile, path, hasher);
        if (!got.ok) findings.push({ item, path, problem: got.problem, ...task });
        else if (got.sha256 !== entry.sha256) findings.push({ item, path, problem: 'changed', recorded: entry.sha256, actual: got.sha256, ...task });
      }
    }
  }
  return findings;
}
