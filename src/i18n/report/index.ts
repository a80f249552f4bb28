// The reports' catalogue: the wording of score, batch, compare, ledger, migrate and the office formats.
import { mergeCatalogues } from '../catalog.js';
import { BATCH_REPORT } from './batch.js';
import { COMPARE_REPORT } from './compare.js';
import { EVIDENCE_REPORT } from './evidence.js';
import { LEDGER_REPORT } from './ledger.js';
import { MIGRATE_REPORT } from './migrate.js';
import { OFFICE_REPORT } from './office.js';
import { REVIEW_REPORT } from './review.js';
import { SCORE_REPORT } from './score.js';
import { WORKBOOK_REPORT } from './workbook.js';

/** The reports' messages, merged from one part per output. */
export const REPORT_MESSAGES = mergeCatalogues('report', {
  score: SCORE_REPORT,
  review: REVIEW_REPORT,
  batch: BATCH_REPORT,
  compare: COMPARE_REPORT,
  evidence: EVIDENCE_REPORT,
  ledger: LEDGER_REPORT,
  migrate: MIGRATE_REPORT,
  office: OFFICE_REPORT,
  workbook: WORKBOOK_REPORT,
});
