// The diagnostics' catalogue: the texts of the diagnostic codes and the words and hints filled into them.
import { mergeCatalogues } from '../catalog.js';
import { DIAGNOSTIC_CODES } from './codes.js';
import { DIAGNOSTIC_TERMS } from './terms.js';

/** The diagnostics' messages: the codes' templates, then the terms and hints their parameters use. */
export const DIAGNOSTIC_MESSAGES = mergeCatalogues('diagnostics', {
  codes: DIAGNOSTIC_CODES,
  terms: DIAGNOSTIC_TERMS,
});
