// Runs the files of a batch in worker threads (or in-process with one job) and gathers outcomes in input order.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../paths.js';
import type { BatchFile } from './discover.js';
import { processFile, type ProcessOptions } from './process-file.js';
import { type FileOutcome } from '../model/batch.js';
import type { WorkerReply, WorkerTask } from './worker.js';
import { isWorkbookPath } from '../workbook/layout.js';

/** Files per message to a worker: big enough to hide messaging cost, small enough to balance the load. */
export const CHUNK_SIZE = 32;
/** Below this many files per worker, starting a thread costs more than it saves. */
export const MIN_FILES_PER_WORKER = 24;

/**
 * Heap limits of a worker. Without them V8 lets each thread's heap grow with the number of files
 * before collecting; with them memory stays flat. A file too big for them (the size limit is
 * 10 MiB) makes the worker fail, and its files are then done in the main thread, which has no limit.
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 } as const;

/**
 * The limits of a worker of a batch with answer workbooks: reading one allocates megabytes of cell
 * objects that live until it is scored, and with 8 MiB they were promoted and collected again as
 * old objects (a fifth of a worker's time went to the collector). A YAML batch keeps the smaller
 * young generation: with 32 MiB its peak grew with the number of files.
 */
export const WORKBOOK_WORKER_LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 64 } as const;

type Limits = typeof WORKER_LIMITS | typeof WORKBOOK_WORKER_LIMITS;

/**
 * The compiled worker script (worker threads cannot run TypeScript): the bundled one when the
 * build made it (it starts faster), else the tsc output; both in dist/.
 */
export const WORKER_FILE = existsSync(join(PACKAGE_ROOT, 'dist', 'batch-worker.cjs'))
  ? join(PACKAGE_ROOT, 'dist', 'batch-worker.cjs')
  : join(PACKAGE_ROOT, 'dist', 'batch', 'worker.js');

/** The default `--jobs`: the number of CPUs Node may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** The heap limits of the workers of a batch of `files`: larger when there are answer workbooks among them. */
export function workerLimits(files: readonly BatchFile[]): Limits {
  return files.some((f) => isWorkbookPath(f.file)) ? WORKBOOK_WORKER_LIMITS : WORKER_LIMITS;
}

/** Starts one worker thread (it waits for tasks). */
function spawnWorker(limits: Limits = WORKER_LIMITS): Worker {
  return new Worker(WORKER_FILE, { resourceLimits: limits });
}

/**
 * Starts the worker threads `jobs` allows before a batch's files are found: a thread takes some
 * 50 ms to boot, which then overlaps the discovery. They are unref'd, so a batch that stops
 * early (a usage error) does not wait for them; {@link runFiles} takes them over, and ends the
 * ones it does not need. Call {@link endWorkers} on every path that does not reach it.
 */
export function prestartWorkers(jobs: number): Worker[] {
  const workers = Array.from({ length: Math.max(0, jobs - 1) }, () => spawnWorker());
  for (const worker of workers) worker.unref();
  return workers;
}

/** Ends workers started ahead that were not used. */
export function endWorkers(workers: Worker[]): void {
  for (const worker of workers.splice(0)) void worker.terminate();
}

/** How many worker threads to start for `count` files with at most `jobs`; 0 means in-process. */
export function workerCount(count: number, jobs: number): number {
  if (jobs <= 1) return 0;
  const useful = Math.min(jobs, Math.floor(count / MIN_FILES_PER_WORKER));
  return useful >= 2 ? useful : 0;
}

/**
 * Processes `files` with up to `jobs` threads and returns their outcomes in the order of `files`,
 * whatever order they finish in. `onDone` is called after each file (for a progress bar).
 * `onOutcome` is given each outcome as soon as it and every one before it are in, in the order of
 * `files`, so that a caller can write it out and let go of its large parts (the report text)
 * while the batch goes on; only the few outcomes that finish ahead of an earlier one wait.
 */
export async function runFiles(
  files: readonly BatchFile[],
  options: ProcessOptions,
  jobs: number,
  onDone: (done: number) => void = () => undefined,
  started: Worker[] = [],
  onOutcome?: (outcome: FileOutcome, index: number) => void,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const threads = workerCount(files.length, jobs);
  // Workers started ahead (with the YAML limits): the ones needed are taken over, the rest ended;
  // a batch with workbooks ends them all and starts its own.
  const limits = workerLimits(files);
  const ready = limits === WORKER_LIMITS ? started.splice(0, Math.max(0, threads - 1)) : [];
  endWorkers(started);
  let done = 0;
  let handed = 0;
  /** Hands on the outcomes that are now in order. */
  const handOn = (): void => {
    if (!onOutcome) return;
    while (handed < files.length && outcomes[handed] !== undefined) onOutcome(outcomes[handed], handed++);
  };
  if (threads === 0) {
    for (let i = 0; i < files.length; i++) {
      outcomes[i] = await processFile(files[i], options);
      handOn();
      onDone(++done);
    }
    return outcomes;
  }
  const chunks: WorkerTask[] = [];
  for (let i = 0; i < files.length; i += CHUNK_SIZE) {
    const indexes: number[] = [];
    for (let k = i; k < Math.min(files.length, i + CHUNK_SIZE); k++) indexes.push(k);
    chunks.push({ options, indexes, files: indexes.map((k) => files[k]) });
  }
  let next = 0;
  const leftovers: WorkerTask[] = [];
  const strings = new Map<string, string>();
  const shared = new Map<string, object>();
  const receive = (reply: WorkerReply): void => {
    reply.indexes.forEach((index, k) => {
      outcomes[index] = internStrings(reply.outcomes[k], strings, shared);
    });
    handOn();
    done += reply.indexes.length;
    onDone(done);
  };
  /** Does a chunk in this thread. */
  const runHere = async (chunk: WorkerTask): Promise<void> => {
    const outs: FileOutcome[] = [];
    for (const file of chunk.files) outs.push(await processFile(file, options));
    receive({ indexes: chunk.indexes, outcomes: outs });
  };
  const workers: Worker[] = [];
  try {
    // The main thread is one of the `threads`: it would otherwise sit idle, and every extra
    // worker costs its own start-up and warm-up.
    const inMain = async (): Promise<void> => {
      while (next < chunks.length) {
        await runHere(chunks[next++]);
        // Let the workers' replies in, so they are fed again without waiting.
        await new Promise((resolveTurn) => setImmediate(resolveTurn));
      }
    };
    await Promise.all([
      inMain(),
      ...Array.from(
        { length: threads - 1 },
        () =>
          new Promise<void>((resolvePromise) => {
            const worker = ready.shift() ?? spawnWorker(limits);
            worker.ref(); // now the batch waits for its replies
            workers.push(worker);
            const inFlight: WorkerTask[] = [];
            let finished = false;
            const finish = (): void => {
              if (finished) return;
              finished = true;
              worker.removeAllListeners();
              void worker.terminate();
              resolvePromise();
            };
            // Two chunks in flight per worker, so it never waits for the main thread.
            const feed = (): void => {
              while (inFlight.length < 2 && next < chunks.length) {
                const chunk = chunks[next++];
                inFlight.push(chunk);
                worker.postMessage(chunk);
              }
              if (inFlight.length === 0) finish();
            };
            worker.on('message', (reply: WorkerReply) => {
              inFlight.shift();
              receive(reply);
              feed();
            });
            // A worker that fails (out of memory on a huge file, or a bug) hands its chunks back.
            const fail = (): void => {
              leftovers.push(...inFlight.splice(0));
              finish();
            };
            worker.on('error', fail);
            worker.on('exit', fail);
            feed();
          }),
      ),
    ]);
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  // Chunks of failed workers, and any never sent because every worker failed, run in-process.
  leftovers.push(...chunks.slice(next));
  for (const chunk of leftovers) await runHere(chunk);
  return outcomes;
}

/**
 * Makes what every outcome repeats one shared copy: the strings (checklist, unit type, grade,
 * area and item ids), the checklist and grade objects, empty lists. A structured clone gives each
 * message its own, and the outcomes of a big batch stay in memory until the summary is written:
 * shared, they take about half the space, and the main thread's young generation grows less.
 * The shared objects are frozen: nothing may change an outcome once it is in.
 */
export function internStrings(outcome: FileOutcome, strings: Map<string, string>, shared: Map<string, object>): FileOutcome {
  const one = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  const list = (items: string[]): string[] => (items.length === 0 ? EMPTY : items.map(one));
  // Keyed by one string, checked field by field: building a composite key per outcome cost more.
  const object = <T extends object>(key: string, value: T): T => {
    const known = shared.get(key) as T | undefined;
    if (known !== undefined && sameFields(known, value)) return known;
    if (known === undefined) shared.set(key, Object.freeze(value));
    return value;
  };
  if (outcome.errors.length === 0) outcome.errors = EMPTY;
  if (outcome.warnings.length === 0) outcome.warnings = EMPTY;
  const s = outcome.summary;
  if (!s) return outcome;
  s.checklist = object(s.checklist.id, { id: one(s.checklist.id), version: one(s.checklist.version) });
  s.unit.type = one(s.unit.type);
  s.unit.typeLabel = one(s.unit.typeLabel);
  s.grade = object(s.grade.label, { index: s.grade.index, label: one(s.grade.label), min: s.grade.min });
  s.vetoItems = list(s.vetoItems);
  s.unanswered = list(s.unanswered);
  s.areaIds = object(s.areaIds.join('\0'), s.areaIds.map(one));
  return outcome;
}

/** Whether two objects (or arrays) have the same own fields with identical values. */
function sameFields(a: object, b: object): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/** The one empty list outcomes share (frozen). */
const EMPTY = Object.freeze([]) as unknown as never[];
