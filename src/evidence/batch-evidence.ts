// `batch --verify-evidence`: checks the evidence of every valid unit of a batch against its folder and recorded digests.
import type { BatchFile } from '../batch/discover.js';
import type { FileOutcome } from '../batch/process-file.js';
import { checkFile } from '../validate/check-file.js';
import { verifyEvidence, type EvidenceFinding } from './evidence.js';

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
  for (const outcome of outcomes) {
    if (outcome.status !== 'valid') continue;
    const path = byShown.get(outcome.file);
    if (path === undefined) continue;
    const check = await checkFile(path, { ref: checklist }, 'answers');
    if (!check.answers) continue;
    const findings = await verifyEvidence(path, check.answers);
    if (findings.length > 0) out.set(outcome.file, findings);
  }
  return out;
}
