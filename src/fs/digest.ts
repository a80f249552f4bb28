// A fast, non-cryptographic digest for telling whether a cached build artefact still matches its source.

/**
 * FNV-1a over the bytes, twice with different offsets, as 16 hex digits. It only detects
 * changed files (stale caches); it is not a security check, and it keeps node:crypto (a dozen
 * internal modules) off the start-up path.
 */
export function quickDigest(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[bytes.length - 1 - i], 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
