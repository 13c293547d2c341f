import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { murmur3 } from '../../src/engine'

/** UTF-8, written out: a code point at a time, a lone surrogate as U+FFFD (as TextEncoder does). */
function utf8(text: string): number[] {
  const bytes: number[] = []
  for (const char of text) {
    let c = char.codePointAt(0)!
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x80) bytes.push(c)
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f))
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
  }
  return bytes
}

/** MurmurHash3 x86_32 as the reference describes it, over a byte array, step by step. */
function reference(bytes: number[], seed: number): number {
  const c1 = 0xcc9e2d51
  const c2 = 0x1b873593
  const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r))
  let h1 = seed >>> 0
  const blocks = Math.floor(bytes.length / 4)
  for (let b = 0; b < blocks; b++) {
    const i = b * 4
    let k1 = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)
    k1 = Math.imul(rotl(Math.imul(k1, c1), 15), c2)
    h1 = rotl(h1 ^ k1, 13)
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0
  }
  const tail = blocks * 4
  const rest = bytes.length & 3
  if (rest > 0) {
    let k1 = 0
    for (let r = rest - 1; r >= 0; r--) k1 = (k1 << 8) | bytes[tail + r]!
    h1 ^= Math.imul(rotl(Math.imul(k1, c1), 15), c2)
  }
  h1 ^= bytes.length
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b)
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35)
  return (h1 ^ (h1 >>> 16)) >>> 0
}

/** Any code point, astral ones included, and lone surrogates of both halves. */
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
)
const text = fc.string({ unit, maxLength: 40 })
const seed = fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 0xffffffff }))

describe('murmur3 against a reference written from the algorithm (#11: it no longer allocates a TextEncoder buffer per call)', () => {
  it('hashes the UTF-8 bytes TextEncoder makes (the reference encoder agrees with it)', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(utf8(s)).toEqual([...new TextEncoder().encode(s)])
      }),
      { numRuns: 500 },
    )
  })

  it('gives the reference hash for random unicode strings, astral characters and lone surrogates included', () => {
    fc.assert(
      fc.property(text, seed, (s, n) => {
        expect(murmur3(s, n)).toBe(reference(utf8(s), n))
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees on the edges: pairs, halves at either end, U+FFFD itself, every tail length', () => {
    const cases = ['\ud83d\ude00', '\ud83d', '\ude00', 'a\ud83d', '\ude00a', '\ude00\ud83d', '\ufffd', '\u07ff\u0800', 'visitor-1', 'abcd', 'abcde', 'abcdef', 'abcdefg']
    for (const s of cases) for (const n of [0, 1, 0x9747b28c]) expect(murmur3(s, n)).toBe(reference(utf8(s), n))
  })
})
