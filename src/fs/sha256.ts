// The SHA-256 of bytes in memory, as a review records it for the answer file it reviewed.
import { createRequire } from 'node:module';

const requireBuiltin = createRequire(import.meta.url);

/** The SHA-256 of `bytes` as 64 lower-case hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  // Required on first use, not imported: node:crypto loads some twenty internal modules, and the
  // modules that import this one are on every one-file command's start-up path (`score` among
  // them, the start-up target of `npm run bench`), but only reviews need a digest.
  const { createHash } = requireBuiltin('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}
