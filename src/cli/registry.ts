// Every command and the module that registers it; only the command being run is loaded (start-up).
import type { AddCommand, RegisterCommand } from './command.js';
import type { CommandContext } from '../io/io.js';

/**
 * The commands in the order `--help` lists them, each with a loader for its registration: lazy,
 * so that a one-file `score` (the start-up target of `npm run bench`) loads only its own command.
 */
export const COMMANDS: readonly { name: string; load: () => Promise<RegisterCommand> }[] = [
  { name: 'list', load: async () => (await import('./list.js')).registerList },
  { name: 'validate', load: async () => (await import('./validate.js')).registerValidate },
  { name: 'run', load: async () => (await import('./run.js')).registerRun },
  { name: 'score', load: async () => (await import('./score.js')).registerScore },
  { name: 'batch', load: async () => (await import('./batch.js')).registerBatch },
  { name: 'review', load: async () => (await import('./review.js')).registerReview },
  { name: 'schema', load: async () => (await import('./schema.js')).registerSchema },
  { name: 'init', load: async () => (await import('./init.js')).registerInit },
  { name: 'compare', load: async () => (await import('./compare.js')).registerCompare },
  { name: 'migrate', load: async () => (await import('./migrate.js')).registerMigrate },
  { name: 'convert', load: async () => (await import('./convert.js')).registerConvert },
  { name: 'evidence', load: async () => (await import('./evidence.js')).registerEvidence },
  { name: 'ledger', load: async () => (await import('./ledger.js')).registerLedger },
];

/**
 * Registers the commands: only `only` when it names one (the usual case: a command is being run,
 * and the others' modules need not even load), otherwise all of them (top-level help, `help X`,
 * an unknown command that commander should suggest a name for).
 */
export async function registerCommands(
  add: AddCommand,
  ctx: CommandContext,
  setExit: (code: number) => void,
  only?: string,
): Promise<void> {
  const chosen = COMMANDS.filter((c) => c.name === only);
  for (const command of chosen.length > 0 ? chosen : COMMANDS) (await command.load())(add, ctx, setExit);
}
