// The command line's catalogue: help, prompts, errors and status lines of every command.
import { mergeCatalogues } from '../catalog.js';
import { BATCH_CLI } from './batch.js';
import { COMMANDER_CLI } from './commander.js';
import { COMPARE_CLI } from './compare.js';
import { CONVERT_CLI } from './convert.js';
import { CORE_CLI } from './core.js';
import { EVIDENCE_CLI } from './evidence.js';
import { EXAMPLES_CLI } from './examples.js';
import { FILES_CLI } from './files.js';
import { INIT_CLI } from './init.js';
import { LEDGER_CLI } from './ledger.js';
import { MIGRATE_CLI } from './migrate.js';
import { OFFICE_CLI } from './office.js';
import { RUN_CLI } from './run.js';
import { SCHEMA_CLI } from './schema.js';
import { REVIEW_CLI } from './review.js';
import { SCORE_CLI } from './score.js';

/** The command line's messages, merged from one part per command. */
export const CLI_MESSAGES = mergeCatalogues('cli', {
  core: CORE_CLI,
  batch: BATCH_CLI,
  commander: COMMANDER_CLI,
  compare: COMPARE_CLI,
  convert: CONVERT_CLI,
  evidence: EVIDENCE_CLI,
  examples: EXAMPLES_CLI,
  files: FILES_CLI,
  init: INIT_CLI,
  ledger: LEDGER_CLI,
  migrate: MIGRATE_CLI,
  office: OFFICE_CLI,
  run: RUN_CLI,
  schema: SCHEMA_CLI,
  review: REVIEW_CLI,
  score: SCORE_CLI,
});
