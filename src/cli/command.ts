// The shape of a command's registration, shared by the registry and every command module.
import type { Command } from 'commander';
import type { CommandContext } from '../io/io.js';

/** Adds a subcommand to the program, configured like every other. */
export type AddCommand = (name: string) => Command;

/** Registers one command: its options, localised help, and an action that sets the exit code. */
export type RegisterCommand = (add: AddCommand, ctx: CommandContext, setExit: (code: number) => void) => void;
