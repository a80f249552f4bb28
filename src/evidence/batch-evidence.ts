// `batch --verify-evidence`: checks the evidence of every valid unit of a batch against its folder and recorded digests.
import type { BatchFile } from '../batch/discover.js';
import type { FileOutcome } from '../batch/process-file.js';
import { readText } from '../load/read-text.js';
import { checkText } from '../validate/check-file.js';
import { createEvidenceHasher, verifyEvidence, type EvidenceFinding } from './evidence.js';

/**
 * The evidence findings of each valid file, by its shown name (`FileOutcome.file`). Files that did
 * not validate are left out: they fail the batch already. Runs in the main thread after scoring
 * (the workers return no answers), re-reading only the files that were valid; `checklist` is the
 * `--checklist` file, when given.
 */
export async function verifyBatchEvidence(
  files: readonly BatchFile[],
  outcomes: readonly FileOutcome[],
  checklist?: string,
): Promise<Map<string, EvidenceFinding[]>> {
  const byShown = new Map(files.map((f) => [f.file, f.path]));
  const out = new Map<string, EvidenceFinding[]>();
  // One hasher for the whole batch: a file named by many entries (or units) is read once.
  const hasher = createEvidenceHasher();
  for (const outcome of outcomes) {
    if (outcome.status !== 'valid') continue;
    const path = byShown.get(outcome.file);
    if (path === undefined) continue;
    const read = await readText(path);
    if (!read.ok) continue;
    const check = await checkText(read.text, outcome.file, { ref: checklist }, 'answers');
    if (!check.answers) continue;
    const findings = await verifyEvidence(path, check.answers, hasher);
    if (findings.length > 0) out.set(outcome.file, findings);
  }
  return out;
}
