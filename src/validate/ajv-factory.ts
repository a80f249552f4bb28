// The one Ajv factory: every JSON Schema validator of the tool is compiled here, once, on first use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { SCHEMAS_DIR } from '../paths.js';

/** The schemas the tool publishes. */
export type SchemaName = 'checklist' | 'answers' | 'report' | 'batch';

/** A validator: returns whether the data is valid, with ajv's errors when not. */
export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const require = createRequire(import.meta.url);
const cache = new Map<SchemaName, SchemaValidator>();

/** The file name of a schema in `schemas/`. */
export function schemaFile(name: SchemaName): string {
  return join(SCHEMAS_DIR, `${name}.schema.json`);
}

/** Reads a schema as parsed JSON. */
export function readSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaFile(name), 'utf8')) as Record<string, unknown>;
}

/**
 * Creates an Ajv instance configured as every validator of the tool needs: draft 2020-12, all
 * errors (a user fixes them all in one go), strict schemas, formats, and `verbose` so errors
 * carry their parent schema (for "did you mean" hints).
 */
export function createAjv(): import('ajv').default {
  // Loaded through require: ajv is CommonJS and this keeps start-up free of ESM interop cost.
  const Ajv2020 = require('ajv/dist/2020.js').default as typeof import('ajv').default;
  const addFormats = require('ajv-formats').default as (ajv: unknown) => void;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  return ajv;
}

/** The validator for a schema, compiled on first use and cached for the process. */
export function getValidator(name: SchemaName): SchemaValidator {
  let validate = cache.get(name);
  if (!validate) {
    const compiled: ValidateFunction = createAjv().compile(readSchema(name));
    validate = compiled as SchemaValidator;
    cache.set(name, validate);
  }
  return validate;
}
