// Quoting for a command line printed for the user to run.

/** Quotes one argument for a POSIX shell where it needs it (plain and Chinese paths are left alone). */
export function shellQuote(text: string): string {
  if (/^[\p{L}\p{N}_./@%+=:,-]+$/u.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A file name as an argument that no command takes for an option (`-rf.yaml` becomes `./-rf.yaml`), quoted where needed. */
export function fileArgument(name: string): string {
  return shellQuote(name.startsWith('-') ? `./${name}` : name);
}
