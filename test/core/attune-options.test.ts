import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAttune, eventScore } from '../../src/core'
import { fakeClock, spyStorage } from '../support/fakes'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('createAttune: durations', () => {
  it('takes the half-life as a duration, and keeps it as ms on the instance', () => {
    const now = fakeClock()
    const attune = createAttune({ now, storage: 'memory', schedule: 'sync', halfLife: '1h' })
    expect(attune.halfLifeMs).toBe(HOUR)
    attune.track('view_item')
    attune.track('view_item')
    now.advance(HOUR)
    expect(eventScore(attune.getProfile(), 'view_item', now(), attune.halfLifeMs)).toBeCloseTo(1)
    expect(createAttune({ storage: 'memory', halfLife: 90_000 }).halfLifeMs).toBe(90_000)
    expect(createAttune({ storage: 'memory' }).halfLifeMs).toBe(24 * HOUR)
  })

  it('ends a session after the session timeout, given as a duration', () => {
    const now = fakeClock()
    const attune = createAttune({ now, storage: 'memory', schedule: 'sync', sessionTimeout: '10m' })
    attune.track('a')
    now.advance(9 * MINUTE)
    attune.track('b')
    expect(attune.getProfile().visitor.visits).toBe(1)
    now.advance(11 * MINUTE)
    attune.track('c')
    expect(attune.getProfile().visitor.visits).toBe(2)
  })

  it('gathers storage writes for the persist delay, given as a duration', () => {
    vi.useFakeTimers()
    const storage = spyStorage()
    const attune = createAttune({ storage, consent: 'granted', schedule: 'sync', persistDelay: '5s' })
    attune.track('a')
    attune.track('b')
    const writes = () => storage.calls.filter((call) => call.startsWith('set ')).length
    vi.advanceTimersByTime(4999)
    expect(writes()).toBe(0)
    vi.advanceTimersByTime(1)
    expect(writes()).toBe(1)
    attune.flush()
  })
})
