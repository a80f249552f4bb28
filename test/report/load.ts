// Loads and checks an answer file for the report tests (examples and fixtures), failing loudly if it is invalid.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFile } from '../../src/check/check-file.js';
import type { Answers } from '../../src/model/answers.js';
import type { Checklist } from '../../src/model/checklist.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES = ['township', 'department', 'cyber-office', 'internet-enterprise', 'cii-operator'] as const;
/** A fixed time stamp, so reports are the same on every run. */
export const FIXED_TIME = '2026-06-30T08:00:00.000Z';

/** Reads, validates and returns a checklist and its answers (throws when invalid: a broken fixture). */
export async function loadAnswers(relative: string): Promise<{ checklist: Checklist; answers: Answers }> {
  const check = await checkFile(join(ROOT, relative), {}, 'answers');
  if (check.errors.length > 0 || !check.checklist || !check.answers) {
    throw new Error(`${relative} is not valid: ${check.errors.map((e) => e.message.en).join('; ')}`);
  }
  return { checklist: check.checklist, answers: check.answers };
}

/** The answer file of a built-in example, by unit type. */
export function examplePath(name: string): string {
  return `examples/answers/${name}.yaml`;
}
