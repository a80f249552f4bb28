// Exit codes by name, and the error that ends a command with one after its message was printed.

/** Exit codes (docs/formats.md §6). */
export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2, INTERRUPTED: 130 } as const;

/** One of the exit codes in {@link EXIT}. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Ends a command with `code` once it has said why: `main` maps it to the exit (a command's run
 * function that is called directly may also catch it and return the code).
 */
export class ExitError extends Error {
  constructor(readonly code: ExitCode) {
    super(`exit ${code}`);
    this.name = 'ExitError';
  }
}
