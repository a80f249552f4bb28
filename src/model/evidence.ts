// What checking a unit's evidence files can find: shared by evidence (which checks), batch and the reports.

/**
 * Why a piece of evidence cannot be trusted as submitted: `missing`; `changed` since its digest
 * was recorded; `outside` the answer file's folder (never read); `notRegular` (a folder, FIFO,
 * device or socket: never read); `tooLarge` (over `MAX_EVIDENCE_BYTES`); `unreadable`
 * (the system refused it, e.g. permissions).
 */
export type EvidenceProblem = 'missing' | 'changed' | 'outside' | 'notRegular' | 'tooLarge' | 'unreadable';

/** One finding about one piece of evidence. */
export interface EvidenceFinding {
  /** The item the evidence belongs to. */
  item: string;
  /** The path as written in the answer file. */
  path: string;
  problem: EvidenceProblem;
  /** The evidence is the item's rectification task's (that it is done), not the answer's own. */
  task?: true;
  /** For `changed`: the digest recorded and the one found now. */
  recorded?: string;
  actual?: string;
}
