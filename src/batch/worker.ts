// The worker thread of a batch: processes the chunks of files the pool sends and posts back their small outcomes.
import { parentPort } from 'node:worker_threads';
import { processFile, type ProcessOptions } from './process-file.js';
import { startReportSlab } from '../report/report-bytes.js';
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
  // One chunk at a time, even when a file of one awaits: a chunk's reports then fill slabs of
  // their own (see reportBytes), which move to the main thread with the reply.
  let queue = Promise.resolve();
  port.on('message', (task: WorkerTask) => {
    queue = queue.then(async () => {
      const outcomes = [];
      // One file at a time: parsed documents are dropped before the next is read, so memory stays flat.
      for (const file of task.files) outcomes.push(await processFile(file, task.options));
      const reply: WorkerReply = { indexes: task.indexes, outcomes };
      // The reports' bytes move to the main thread rather than being copied; the next chunk's
      // reports start a new slab.
      const transfer = new Set<ArrayBuffer>();
      for (const o of outcomes) if (o.report) transfer.add(o.report.buffer as ArrayBuffer);
      startReportSlab();
      port.postMessage(reply, [...transfer]);
    });
  });
}
