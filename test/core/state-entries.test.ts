import { describe, expect, it } from 'vitest'
import { createProfile } from '../../src/core/profile'
import { stateEntries } from '../../src/engine/state-entries'

const T = Date.UTC(2026, 0, 15, 12)
const withState = (state: Record<string, unknown>) => ({ ...createProfile(T), state }) as ReturnType<typeof createProfile>

describe('stateEntries', () => {
  it('reads the entries kept under a key', () => {
    const profile = withState({ nudges: { a: 1, b: { shown: [] } }, rotation: { hero: 2 } })
    expect(stateEntries(profile, 'nudges')).toEqual({ a: 1, b: { shown: [] } })
    expect(stateEntries(profile, 'rotation')).toBe(profile.state.rotation)
  })

  it('reads a missing record as empty', () => {
    expect(stateEntries(withState({}), 'variants')).toEqual({})
  })

  it.each([['a string', 'x'], ['a number', 3], ['null', null], ['an array', [1, 2]]])('reads a damaged record (%s) as empty', (_, value) => {
    expect(stateEntries(withState({ exposed: value }), 'exposed')).toEqual({})
  })
})
