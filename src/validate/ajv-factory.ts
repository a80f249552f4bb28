// The one Ajv factory: every JSON Schema validator of the tool comes from here, precompiled at build time when possible.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';

/** The schemas the tool publishes. */
export type SchemaName = 'checklist' | 'answers' | 'report' | 'batch';
/** Every schema name, in publishing order. */
export const SCHEMA_NAMES: readonly SchemaName[] = ['checklist', 'answers', 'report', 'batch'];

/** A validator: returns whether the data is valid, with ajv's errors when not. */
export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Where `npm run build` writes the precompiled validators (CommonJS: ajv's standalone ESM still uses require). */
export const PRECOMPILED_FILE = join(PACKAGE_ROOT, 'dist', 'validators.cjs');

const require = createRequire(import.meta.url);
const cache = new Map<SchemaName, SchemaValidator>();
let runtimeAjv: import('ajv').default | undefined;

/** The file name of a schema in `schemas/`. */
export function schemaFile(name: SchemaName): string {
  return join(SCHEMAS_DIR, `${name}.schema.json`);
}

/** Reads a schema as parsed JSON. */
export function readSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaFile(name), 'utf8')) as Record<string, unknown>;
}

/** A short digest of a schema file, so precompiled code is only used when it matches the schema. */
export function schemaDigest(name: SchemaName): string {
  return createHash('sha256').update(readFileSync(schemaFile(name))).digest('hex').slice(0, 16);
}

/** The schemas present in `schemas/` (a checkout may predate some). */
export function availableSchemas(): SchemaName[] {
  return SCHEMA_NAMES.filter((name) => existsSync(schemaFile(name)));
}

/**
 * Creates an Ajv instance configured as every validator of the tool needs: draft 2020-12, all
 * errors (a user fixes them all in one go), strict schemas, formats, and `verbose` so errors
 * carry their parent schema (for "did you mean" hints). Every available schema is added, so
 * schemas may `$ref` each other by `$id`.
 */
export function createAjv(options: { standalone?: boolean } = {}): import('ajv').default {
  // Loaded through require: ajv is CommonJS, and only this slow path needs it at run time.
  const Ajv2020 = require('ajv/dist/2020.js').default as typeof import('ajv').default;
  const addFormats = require('ajv-formats').default as (ajv: unknown) => void;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    ...(options.standalone ? { code: { source: true, esm: false } } : {}),
  });
  addFormats(ajv);
  for (const name of availableSchemas()) ajv.addSchema(readSchema(name), name);
  return ajv;
}

/** Generates the CommonJS module of every validator with the digests of the schemas it came from. */
export function generatePrecompiled(): string {
  const standaloneCode = require('ajv/dist/standalone/index.js').default as (ajv: unknown, refs: Record<string, string>) => string;
  const names = availableSchemas();
  const ajv = createAjv({ standalone: true });
  const code = standaloneCode(ajv, Object.fromEntries(names.map((n) => [n, n])));
  const digests = Object.fromEntries(names.map((n) => [n, schemaDigest(n)]));
  return `${code}\nexports.digests = ${JSON.stringify(digests)};\n`;
}

type Precompiled = Partial<Record<SchemaName, SchemaValidator>> & { digests?: Partial<Record<SchemaName, string>> };
let precompiled: Precompiled | null | undefined;

function loadPrecompiled(): Precompiled | null {
  if (precompiled === undefined) {
    try {
      precompiled = existsSync(PRECOMPILED_FILE) ? (require(PRECOMPILED_FILE) as Precompiled) : null;
    } catch {
      precompiled = null;
    }
  }
  return precompiled;
}

/**
 * The validator for a schema: the precompiled one when it was built from the schema as it is
 * now (start-up stays fast), otherwise compiled here on first use; cached for the process.
 */
export function getValidator(name: SchemaName): SchemaValidator {
  let validate = cache.get(name);
  if (!validate) {
    const pre = loadPrecompiled();
    if (pre?.[name] && pre.digests?.[name] === schemaDigest(name)) {
      validate = pre[name];
    } else {
      runtimeAjv ??= createAjv();
      const compiled = runtimeAjv.getSchema(name);
      if (!compiled) throw new Error(`schema ${name} not found in ${SCHEMAS_DIR}`);
      validate = compiled as SchemaValidator;
    }
    cache.set(name, validate!);
  }
  return validate!;
}
