// The worker thread of a batch: processes the chunks of files the pool sends and posts back their small outcomes.
import { parentPort } from 'node:worker_threads';
import { processFile, type ProcessOptions } from './process-file.js';
import type { BatchFile } from './discover.js';

/** A chunk of work sent to a worker: files with their position in the batch, and the batch's settings. */
export interface WorkerTask {
  options: ProcessOptions;
  indexes: number[];
  files: BatchFile[];
}

/** What a worker posts back for a chunk: outcomes in the same order as the task's files. */
export interface WorkerReply {
  indexes: number[];
  outcomes: Awaited<ReturnType<typeof processFile>>[];
}

// The settings come with each task, not as workerData: the thread is started before they are known.
const port = parentPort;
if (port) {
  port.on('message', (task: WorkerTask) => {
    void (async () => {
      const outcomes = [];
      // One file at a time: parsed documents are dropped before the next is read, so memory stays flat.
      for (const file of task.files) outcomes.push(await processFile(file, task.options));
      const reply: WorkerReply = { indexes: task.indexes, outcomes };
      port.postMessage(reply, packReports(outcomes));
    })();
  });
}

/**
 * Copies the chunk's reports (views of this thread's slabs, which go on being written) into one
 * buffer of their own, and returns it to be moved to the main thread rather than copied again:
 * one buffer per chunk, not one per report.
 */
function packReports(outcomes: { report?: Uint8Array }[]): ArrayBuffer[] {
  let total = 0;
  for (const o of outcomes) if (o.report) total += o.report.length;
  if (total === 0) return [];
  const packed = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const o of outcomes) {
    if (!o.report) continue;
    packed.set(o.report, at);
    o.report = packed.subarray(at, (at += o.report.length));
  }
  return [packed.buffer as ArrayBuffer];
}
