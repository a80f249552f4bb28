// The plain-scalar rules of the `yaml` package's core schema (yaml 2.9.1, YAML 1.2), for the tiny reader.

// Mirrored exactly so a value resolves the same whichever parser read it (YAML 1.1 readers
// differ: they read `yes`, `1_000`, `0b101` etc. as booleans and numbers). yaml tests them in this
// order: null, bool, int (octal, decimal, hex), float (nan/inf, exponent, plain).
export const NULL = /^(?:~|[Nn]ull|NULL)?$/;
export const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
export const INT_OCT = /^0o[0-7]+$/;
export const INT_DEC = /^[-+]?[0-9]+$/;
export const INT_HEX = /^0x[0-9a-fA-F]+$/;
export const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
export const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
export const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
