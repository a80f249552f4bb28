// A fast, non-cryptographic digest for telling whether a cached build artefact still matches its source.

/** Whether this machine stores numbers little-endian: the digest then reads whole words straight from memory. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * FNV-style hashing of the bytes as little-endian 32-bit words, twice (forwards, and backwards
 * from a different start), as 16 hex digits. It only detects changed files (stale caches); it is
 * not a security check, and it keeps node:crypto (a dozen internal modules) off the start-up path.
 * Words rather than bytes: every one-file command digests a schema (~20 KB) while this loop
 * still runs unoptimised, so a quarter of the steps is start-up saved.
 * The result does not depend on the machine or on where `bytes` lies in its buffer.
 */
export function quickDigest(bytes: Uint8Array): string {
  const n = bytes.length >>> 2;
  const words = LITTLE_ENDIAN && bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, n) : wordsOf(bytes, n);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  for (let i = 0; i < n; i++) {
    a = Math.imul(a ^ words[i], 0x01000193);
    a ^= a >>> 15;
    b = Math.imul(b ^ words[n - 1 - i], 0x01000193);
    b ^= b >>> 15;
  }
  // The last one to three bytes, which make no whole word.
  for (let i = n * 4; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The first `n` little-endian 32-bit words of `bytes`, copied (big-endian machines, unaligned views). */
function wordsOf(bytes: Uint8Array, n: number): Int32Array {
  const words = new Int32Array(n);
  for (let i = 0; i < n; i++) words[i] = bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24);
  return words;
}
