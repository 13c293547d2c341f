/**
 * MurmurHash3 (x86, 32-bit) of a string's UTF-8 bytes: the hash that assigns
 * experiment arms. It is documented and portable, so a server in any
 * language can compute the same arm for a visitor.
 */
const encoder = new TextEncoder()

const mix = (k: number) => Math.imul(((k = Math.imul(k, 0xcc9e2d51)) << 15) | (k >>> 17), 0x1b873593)

export function murmur3(text: string, seed = 0): number {
  const bytes = encoder.encode(text)
  const tail = bytes.length & ~3
  let h = seed >>> 0
  for (let i = 0; i < tail; i += 4) {
    h ^= mix(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0
  }
  let k = 0
  for (let i = bytes.length - 1; i >= tail; i--) k = (k << 8) | bytes[i]!
  if (bytes.length & 3) h ^= mix(k)
  h ^= bytes.length
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}
