/**
 * MurmurHash3 (x86, 32-bit) of a string's UTF-8 bytes: the hash that assigns
 * experiment arms. It is documented and portable, so a server in any
 * language can compute the same arm for a visitor.
 */
const encoder = new TextEncoder()
// The bytes are encoded into one buffer, grown when a longer string comes:
// `encode()` allocated an array per call, most of the hash's time (#11).
// UTF-8 takes at most 3 bytes per UTF-16 code unit.
let bytes = new Uint8Array(192)

const mix = (k: number) => Math.imul(((k = Math.imul(k, 0xcc9e2d51)) << 15) | (k >>> 17), 0x1b873593)

export function murmur3(text: string, seed = 0): number {
  if (bytes.length < text.length * 3) bytes = new Uint8Array(text.length * 3)
  const length = encoder.encodeInto(text, bytes).written
  const tail = length & ~3
  let h = seed >>> 0
  for (let i = 0; i < tail; i += 4) {
    h ^= mix(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0
  }
  let k = 0
  for (let i = length - 1; i >= tail; i--) k = (k << 8) | bytes[i]!
  if (length & 3) h ^= mix(k)
  h ^= length
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}
