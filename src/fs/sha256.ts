// The SHA-256 of bytes in memory, as a review records it for the answer file it reviewed.
import { createHash } from 'node:crypto';

/** The SHA-256 of `bytes` as 64 lower-case hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
