import { describe, expect, it } from 'vitest'
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
