// The one Ajv factory: every JSON Schema validator of the tool comes from here, precompiled at build time when possible.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireCached } from '../fs/require-cached.js';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';

/** The schemas the tool publishes. */
export type SchemaName = 'checklist' | 'answers' | 'report' | 'batch' | 'roster' | 'review';
/** Every schema name, in publishing order. */
export const SCHEMA_NAMES: readonly SchemaName[] = ['checklist', 'answers', 'report', 'batch', 'roster', 'review'];

/** A validator: returns whether the data is valid, with ajv's errors when not. */
export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Where `npm run build` writes the precompiled validators (CommonJS: ajv's standalone ESM still uses require). */
export const PRECOMPILED_DIR = join(PACKAGE_ROOT, 'dist', 'validators');

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

/** The schemas present in `schemas/` (a checkout may predate some). */
export function availableSchemas(): SchemaName[] {
  return SCHEMA_NAMES.filter((name) => existsSync(schemaFile(name)));
}

/**
 * Creates an Ajv instance configured as every validator of the tool needs: draft 2020-12, all
 * errors (a user fixes them all in one go), strict schemas, formats. (Not `verbose`: it embeds
 * the schemas in the generated code and triples its size.) Every available schema is added, so
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
    ...(options.standalone ? { code: { source: true, esm: false } } : {}),
  });
  addFormats(ajv);
  for (const name of availableSchemas()) ajv.addSchema(readSchema(name), name);
  return ajv;
}

/**
 * Generates one CommonJS module per validator, so a command loads only the validators it uses
 * (the build keeps a copy of each schema beside it: see {@link builtFromCurrentSchema}).
 */
export function generatePrecompiled(): Map<SchemaName, string> {
  const standaloneCode = require('ajv/dist/standalone/index.js').default as (ajv: unknown, refs?: unknown) => string;
  const ajv = createAjv({ standalone: true });
  const out = new Map<SchemaName, string>();
  for (const name of availableSchemas()) {
    const code = standaloneCode(ajv, ajv.getSchema(name));
    out.set(name, code);
  }
  return out;
}

/** The copy of a schema the build keeps beside its precompiled validator (see scripts/build-cache.mjs). */
export function builtSchemaFile(name: SchemaName): string {
  return join(PRECOMPILED_DIR, `${name}.schema.json`);
}

/**
 * Whether a precompiled validator was built from the schema as it is now: the build's copy of
 * the schema has the same bytes. Compared natively, where a digest of the schema in JavaScript
 * cost every command a few milliseconds of start-up.
 */
export function builtFromCurrentSchema(name: SchemaName): boolean {
  try {
    return readFileSync(schemaFile(name)).equals(readFileSync(builtSchemaFile(name)));
  } catch {
    return false;
  }
}

/** The file of a precompiled validator. */
export function precompiledFile(name: SchemaName): string {
  return join(PRECOMPILED_DIR, `${name}.cjs`);
}

function loadPrecompiled(name: SchemaName): SchemaValidator | null {
  try {
    const file = precompiledFile(name);
    // With a code cache: the generated code is large, and compiling it was a visible part of start-up.
    return existsSync(file) ? requireCached<SchemaValidator>(file) : null;
  } catch {
    return null;
  }
}

/**
 * The validator for a schema: the precompiled one when it was built from the schema as it is
 * now (start-up stays fast), otherwise compiled here on first use; cached for the process.
 */
export function getValidator(name: SchemaName): SchemaValidator {
  let validate = cache.get(name);
  if (!validate) {
    const pre = loadPrecompiled(name);
    if (pre && builtFromCurrentSchema(name)) {
      validate = pre;
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
