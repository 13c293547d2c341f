import { describe, expect, it, vi } from 'vitest'
import { createAttune } from '../../src/core'
import { createVariantHistory } from '../../src/engine/variant-history'
import { fakeClock } from '../support/fakes'

function setup(maxChanges = 2) {
  const now = fakeClock()
  const attune = createAttune({ now, storage: 'memory', schedule: 'sync' })
  return { attune, now, history: createVariantHistory({ attune, maxChanges }) }
}

const KEYS = { default: 0, a: 1, b: 2 }

describe('the variant history', () => {
  it('counts changes of key per session, and past the cap keeps the variant last shown', () => {
    const { history } = setup(2)
    history.shown('cta', { key: 'default', segment: null })
    history.shown('cta', { key: 'a', segment: 'a' })
    expect(history.locked('cta', KEYS)).toBeNull()
    history.shown('cta', { key: 'b', segment: 'b' })
    expect(history.locked('cta', KEYS)).toEqual({ key: 'b', segment: 'b' })
    // Locked: what is shown next does not move it.
    history.shown('cta', { key: 'a', segment: 'a' })
    expect(history.locked('cta', KEYS)).toEqual({ key: 'b', segment: 'b' })
    // A variants object without the kept key is not held to it.
    expect(history.locked('cta', { default: 0 })).toBeNull()
    expect(history.locked('other', KEYS)).toBeNull()
  })

  it('starts a new allowance with a new session', () => {
    const { attune, now, history } = setup(0)
    history.shown('cta', { key: 'a', segment: 'a' })
    expect(history.locked('cta', KEYS)).toEqual({ key: 'a', segment: 'a' })
    now.advance(31 * 60_000)
    attune.record({ type: 'click', id: 'back' })
    expect(history.locked('cta', KEYS)).toBeNull()
  })

  it('commits nothing when the same variant is shown again: shown() runs after every render', () => {
    const { attune, history } = setup()
    history.shown('cta', { key: 'a', segment: 'a' })
    const heard = vi.fn()
    attune.subscribe(heard)
    history.shown('cta', { key: 'a', segment: 'a' })
    expect(heard).not.toHaveBeenCalled()
    expect(attune.getProfile().state.variants).toMatchObject({ cta: { key: 'a', changes: 0 } })
  })
})
