// Commands beyond list and validate register here, one file each, so main.ts stays small.
import type { Command } from 'commander';
import type { CommandContext } from './io.js';
import { registerRun } from './run.js';
import { registerBatch } from './batch.js';
import { registerScore } from './score.js';
import { registerSchema } from './schema.js';
import { registerInit } from './init.js';
import { registerCompare } from './compare.js';
import { registerMigrate } from './migrate.js';
import { registerEvidence } from './evidence.js';

/** Adds a subcommand to the program, configured like every other. */
export type AddCommand = (name: string) => Command;

/** Registers the remaining commands (score, run, batch, schema, …). */
export function registerExtraCommands(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  void add;
  void ctx;
  void setExit;
  registerRun(add, ctx, setExit);
  registerBatch(add, ctx, setExit);
  registerScore(add, ctx, setExit);
  registerSchema(add, ctx, setExit);
  registerInit(add, ctx, setExit);
  registerCompare(add, ctx, setExit);
  registerMigrate(add, ctx, setExit);
  registerEvidence(add, ctx, setExit);
}
