import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { validateRules } from '../../src/engine'

/** References to unknown segments that get a "did you mean", as the README says. */
const SUGGESTED = 20

describe('did you mean, for references to unknown segments', () => {
  it(`goes to the first ${SUGGESTED} of them, and the rest are reported without: thousands of them stay linear`, () => {
    const count = SUGGESTED + 5
    const segments = Array.from({ length: count }, (_, i) => ({ id: `segment-${i}`, when: { segment: `segmnt-${i}` } }))
    const messages = validateRules({ segments }).errors.map((error) => error.message)
    expect(messages).toHaveLength(count)
    messages.slice(0, SUGGESTED).forEach((message, i) => expect(message).toBe(`unknown segment "segmnt-${i}" (did you mean "segment-${i}"?)`))
    messages.slice(SUGGESTED).forEach((message, i) => expect(message).toBe(`unknown segment "segmnt-${SUGGESTED + i}"`))
  })

  it('finds an id defined later in the document, and suggests among every valid id', () => {
    const { errors } = validateRules({
      segments: [
        { id: 'a', when: { segment: 'late' } },
        { id: 'b', when: { segment: 'latte' } },
        { id: 'late', when: { signal: 'page', exists: true } },
      ],
    })
    expect(errors).toEqual([{ path: '/segments/1/when/segment', message: 'unknown segment "latte" (did you mean "late"?)' }])
  })
})

/** The search as first written: every distance in full, a fresh table per name (#11 made it stop early and reuse its rows). */
function referenceDidYouMean(name: string, known: string[]): string {
  const distance = (a: string, b: string) => {
    let row = Array.from({ length: b.length + 1 }, (_, i) => i)
    for (let i = 1; i <= a.length; i++) {
      const next = [i]
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      row = next
    }
    return row[b.length]!
  }
  let best = ''
  let bestDistance = Infinity
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) && bestDistance < name.length ? ` (did you mean "${best}"?)` : ''
}

describe('did you mean, the search', () => {
  it('suggests what a full search of every distance would, the first of equally close names included', () => {
    // Short names over a small alphabet, so that near misses, ties and exact (case-blind) matches are common.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-'), maxLength: 9 })
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 12 }), (name, known) => {
        const ids = known.map((id, i) => `${id}${i % 3 ? '' : 'x'}`)
        const segments = [...new Set(ids.filter((id) => /^[A-Za-z0-9][\w-]*$/.test(id)))].map((id) => ({ id, when: { signal: 'page', exists: true } }))
        const { errors } = validateRules({ segments: [...segments, { id: 'probe', when: { segment: name } }] })
        const valid = ['probe', ...segments.map((s) => s.id)]
        const unknown = errors.find((error) => error.path.endsWith('/when/segment'))
        if (valid.includes(name)) expect(unknown).toBeUndefined()
        else expect(unknown?.message).toBe(`unknown segment ${JSON.stringify(name)}${referenceDidYouMean(name, [...segments.map((s) => s.id), 'probe'])}`)
      }),
      { numRuns: 1000 },
    )
  })
})
