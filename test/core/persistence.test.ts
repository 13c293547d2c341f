import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAttune, migrate, STORED_VERSION, type Profile } from '../../src/core'
import { endOfTask, fakeClock, readStored, spyStorage } from '../support/fakes'

const readStoredRaw = (storage: { map: Map<string, string> }) => storage.map.get('attune:profile')

const KEY = 'attune:profile'
const MINUTE = 60_000

afterEach(() => {
  vi.restoreAllMocks()
})

function granted(storage: ReturnType<typeof spyStorage>, now = fakeClock()) {
  return createAttune({ now, storage, consent: 'granted', schedule: 'sync', persistDelay: 0 })
}

describe('persistence', () => {
  it('round-trips the profile through storage', () => {
    const storage = spyStorage()
    const now = fakeClock()
    const first = granted(storage, now)
    first.record({ type: 'pageview', path: '/product' })
    first.track('add_to_cart')
    first.identify({ name: 'Ada' })
    first.record({ type: 'dwell', id: 'hero', ms: 1200, ratio: 0.8 })
    const saved = first.getProfile()
    const stored = readStored(storage)
    expect(stored.version).toBe(STORED_VERSION)
    expect(stored.state.profile).toEqual(saved)

    now.advance(5 * MINUTE)
    const second = granted(storage, now)
    const restored = second.getProfile()
    expect(restored.visitor).toMatchObject({ id: saved.visitor.id, sessionId: saved.visitor.sessionId, visits: 1, traits: { name: 'Ada' } })
    expect(restored.pages).toEqual(saved.pages)
    expect(restored.sections).toEqual(saved.sections)
    expect(restored.events).toEqual(saved.events)
  })

  it('keeps extension state with the profile, and a damaged one reads as empty', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = spyStorage()
    const now = fakeClock()
    const first = granted(storage, now)
    first.writeState('nudges', 'welcome', { shown: [now()] })
    expect(first.getProfile().state).toEqual({ nudges: { welcome: { shown: [now()] } } })
    await endOfTask()
    expect(granted(storage, now).getProfile().state).toEqual({ nudges: { welcome: { shown: [now()] } } })

    const stored = readStored(storage) as unknown as { state: { profile: Record<string, unknown> } }
    stored.state.profile.state = 'garbage'
    storage.map.set(KEY, JSON.stringify(stored))
    expect(granted(storage, now).getProfile().state).toEqual({})
  })

  it('counts a new visit when the stored session has expired', () => {
    const storage = spyStorage()
    const now = fakeClock()
    const first = granted(storage, now)
    first.track('x')
    now.advance(45 * MINUTE)
    const second = granted(storage, now)
    expect(second.getProfile().visitor).toMatchObject({ id: first.getProfile().visitor.id, visits: 2, sessionStart: now() })
    expect(second.getProfile().visitor.sessionId).not.toBe(first.getProfile().visitor.sessionId)
  })

  it('gathers writes: one setItem per delay, not one per commit', () => {
    vi.useFakeTimers()
    try {
      const storage = spyStorage()
      const attune = createAttune({ storage, consent: 'granted', schedule: 'sync', persistDelay: 1000 })
      storage.calls.length = 0
      for (let i = 0; i < 50; i++) attune.record({ type: 'click', id: 'x' })
      expect(storage.calls.filter((c) => c.startsWith('set'))).toHaveLength(0)
      vi.advanceTimersByTime(1000)
      expect(storage.calls.filter((c) => c.startsWith('set'))).toEqual([`set ${KEY}`])
      expect(readStored(storage).state.profile.clicks.x?.count).toBe(50)
    } finally {
      vi.useRealTimers()
    }
  })

  // Issue 11: at most one storage write per persistDelay, however many
  // commits (sync: one per event), and the last change is still written.
  it.each(['sync', 'frame'] as const)('writes at most once per persistDelay under a steady stream of events (%s), and loses none', (schedule) => {
    vi.useFakeTimers()
    try {
      const storage = spyStorage()
      const writes: number[] = []
      const counting = { ...storage, setItem: (key: string, value: string) => (writes.push(Date.now()), storage.setItem(key, value)) }
      const attune = createAttune({ storage: counting, consent: 'granted', schedule, persistDelay: 1000 })
      // An event every 50 ms for 10 s: 200 commits under 'sync'.
      for (let i = 0; i < 200; i++) {
        attune.record({ type: 'click', id: 'buy' })
        vi.advanceTimersByTime(50)
      }
      vi.advanceTimersByTime(1000)
      expect(writes.length).toBeGreaterThanOrEqual(9)
      expect(writes.length).toBeLessThanOrEqual(10)
      for (let i = 1; i < writes.length; i++) expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(1000)
      expect(readStored(storage).state.profile.clicks.buy?.count).toBe(200)
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('writes pending changes at once on flush()', () => {
    const storage = spyStorage()
    const attune = createAttune({ storage, consent: 'granted', schedule: 'manual', persistDelay: 60_000 })
    attune.track('signup')
    attune.flush()
    expect(readStored(storage).state.profile.events.signup?.count).toBe(1)
  })

  // Issue 11: under 'manual' every flush() wrote, and serialized, the whole
  // profile (a flush every 250 events made ingest under consent 1.5 times
  // slower than pending). A flush now writes at once only when the last
  // write is a persistDelay old; else the write lands when the delay ends.
  it('flush() writes at most once per persistDelay, and loses nothing', () => {
    vi.useFakeTimers()
    try {
      const storage = spyStorage()
      const writes: number[] = []
      const counting = { ...storage, setItem: (key: string, value: string) => (writes.push(Date.now()), storage.setItem(key, value)) }
      const attune = createAttune({ storage: counting, consent: 'granted', schedule: 'manual', persistDelay: 1000 })
      const start = Date.now()
      // A flush every 100 ms for 3 s.
      for (let i = 0; i < 30; i++) {
        attune.track('a')
        attune.flush()
        if (i === 0) expect(writes).toEqual([start])
        vi.advanceTimersByTime(100)
      }
      expect(writes.length).toBeGreaterThanOrEqual(3)
      for (let i = 1; i < writes.length; i++) expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(1000)
      // The last flushes were gathered: their write comes when the delay ends.
      expect(readStored(storage).state.profile.events.a!.count).toBeLessThan(30)
      vi.advanceTimersByTime(1000)
      expect(readStored(storage).state.profile.events.a?.count).toBe(30)
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it.each([
    ['not JSON', '{"state": {"profile"'],
    ['JSON but not an object', '42'],
    ['a foreign object', '{"hello":"world"}'],
    ['a profile without a visitor', JSON.stringify({ state: { profile: { pages: {} } }, version: 1 })],
    ['a visitor with wrong types', JSON.stringify({ state: { profile: { visitor: { id: 7 } } }, version: 1 })],
    ['an unknown old version', JSON.stringify({ state: { profile: {} }, version: 0 })],
  ])('recovers from %s with a fresh profile and one warning', (_, raw) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = spyStorage({ [KEY]: raw })
    const attune = granted(storage)
    const profile = attune.getProfile()
    expect(profile.visitor.visits).toBe(1)
    expect(profile.pages).toEqual({})
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/\[attune\] .*unreadable/)
    // The app keeps working, and the next write replaces the bad data.
    attune.track('ok')
    expect(readStored(storage).state.profile.events.ok?.count).toBe(1)
  })

  it('keeps the valid entries of a partly damaged profile', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = spyStorage()
    const now = fakeClock()
    const first = granted(storage, now)
    first.record({ type: 'click', id: 'good' })
    const stored = readStored(storage) as unknown as { state: { profile: Record<string, unknown> } }
    const good = first.getProfile().clicks.good
    // A key named __proto__ can only come from JSON text: written as such.
    stored.state.profile.clicks = JSON.parse(`{"good": ${JSON.stringify(good)}, "bad": {"count": "many", "last": 1}, "__proto__": {"count": 1, "last": 1}}`)
    stored.state.profile.events = 'garbage'
    storage.map.set(KEY, JSON.stringify(stored))
    expect(storage.map.get(KEY)).toContain('"__proto__"')
    const second = granted(storage, now)
    expect(Object.keys(second.getProfile().clicks)).toEqual(['good'])
    expect(second.getProfile().events).toEqual({})
    expect(second.getProfile().visitor.id).toBe(first.getProfile().visitor.id)
  })

  it('leaves data of a newer version untouched, whatever its shape', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const newer = JSON.stringify({ state: ['a', 'future', 'format'], version: STORED_VERSION + 3 })
    const storage = spyStorage({ [KEY]: newer })
    granted(storage).track('x')
    expect(storage.map.get(KEY)).toBe(newer)
  })

  it('leaves data of a newer version untouched and keeps this page in memory', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const newer = JSON.stringify({ state: { profile: { future: true } }, version: STORED_VERSION + 1 })
    const storage = spyStorage({ [KEY]: newer })
    const attune = granted(storage)
    attune.track('x')
    attune.flush()
    expect(storage.map.get(KEY)).toBe(newer)
    expect(attune.getProfile().events.x?.count).toBe(1)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/newer than this build/)
  })

  it('falls back to memory when storage throws, and the app keeps working', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const broken = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError')
      },
      removeItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    }
    const attune = createAttune({ storage: broken, consent: 'granted', schedule: 'sync', persistDelay: 0 })
    attune.track('still-works')
    attune.track('still-works')
    expect(attune.getProfile().events['still-works']?.count).toBe(2)
    expect(() => attune.forget()).not.toThrow()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/storage failed.*in memory/)
  })

  it('still erases the real storage on forget() and refusal after falling back to memory', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = spyStorage()
    const attune = granted(storage)
    attune.track('x')
    expect(storage.map.has(KEY)).toBe(true)
    const setItem = storage.setItem
    storage.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError')
    }
    attune.track('y') // fails, and storage falls back to memory
    storage.setItem = setItem
    attune.setConsent('denied')
    expect(storage.map.has(KEY)).toBe(false)
  })

  it('writes again after a refusal erased data of a newer version, then consent came back', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = spyStorage({ [KEY]: JSON.stringify({ state: 'a future format', version: STORED_VERSION + 1 }) })
    const attune = granted(storage)
    attune.track('x')
    expect(readStoredRaw(storage)).toContain('a future format')
    attune.setConsent('denied')
    attune.setConsent('granted')
    attune.track('y')
    expect(readStored(storage).state.profile.events.y?.count).toBe(1)
  })

  it('does not restore the current page of an earlier visit', () => {
    const storage = spyStorage()
    const now = fakeClock()
    granted(storage, now).record({ type: 'pageview', path: '/checkout' })
    now.advance(60 * MINUTE)
    const later = granted(storage, now)
    expect(later.getProfile().page).toBeNull()
    expect(later.getProfile().pages['/checkout']?.views).toBe(1)
  })

  it('falls back to memory when only writes fail (quota exceeded)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = spyStorage()
    storage.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError')
    }
    const attune = granted(storage)
    for (let i = 0; i < 3; i++) attune.track('x')
    expect(attune.getProfile().events.x?.count).toBe(3)
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('on a server (no window), keeps the profile in memory even where a global localStorage exists', () => {
    const shared = spyStorage()
    vi.stubGlobal('localStorage', shared)
    try {
      const attune = createAttune({ consent: 'granted', schedule: 'sync', persistDelay: 0 })
      attune.track('x')
      expect(shared.calls).toEqual([])
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('migrations', () => {
  it('applies each step from the stored version up to the current one', () => {
    const steps = {
      1: (s: unknown) => ({ ...(s as object), two: true }),
      2: (s: unknown) => ({ ...(s as object), three: true }),
    }
    expect(migrate({ one: true }, 1, 3, steps)).toEqual({ one: true, two: true, three: true })
    expect(migrate({ one: true }, 3, 3, steps)).toEqual({ one: true })
  })

  it('refuses a missing step and a newer version', () => {
    expect(() => migrate({}, 0, 2, { 1: (s) => s })).toThrow(/no migration from stored version 0/)
    expect(() => migrate({}, 4, 2, {})).toThrow(/version 4, newer than this build's 2/)
  })
})

describe('initialProfile', () => {
  it("starts from it, and does not count a stored profile of the same visitor twice (the server's copy came from it)", () => {
    const storage = spyStorage()
    const now = fakeClock()
    const first = granted(storage, now)
    first.track('add_to_cart')
    first.track('add_to_cart')
    first.flush()
    const initialProfile = JSON.parse(JSON.stringify(first.getProfile())) as Profile
    const second = createAttune({ storage, now, schedule: 'sync', consent: 'granted', persistDelay: 0, initialProfile })
    expect(second.initialProfile?.events.add_to_cart?.count).toBe(2)
    expect(second.getProfile().events.add_to_cart?.count).toBe(2)
    expect(second.getProfile().visitor.id).toBe(initialProfile.visitor.id)
  })

  it("merges a stored profile of another visitor into it, as with any live profile", () => {
    const storage = spyStorage()
    const now = fakeClock()
    const first = granted(storage, now)
    first.track('add_to_cart')
    first.flush()
    const other = createAttune({ storage: 'memory', now, schedule: 'sync' })
    other.track('add_to_cart')
    const second = createAttune({ storage, now, schedule: 'sync', consent: 'granted', initialProfile: JSON.parse(JSON.stringify(other.getProfile())) as Profile })
    expect(second.getProfile().events.add_to_cart?.count).toBe(2)
  })

  it('leaves out an invalid one with a warning, and starts fresh', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const attune = createAttune({ storage: 'memory', initialProfile: { visitor: 'nobody' } as unknown as Profile })
    expect(attune.initialProfile).toBeNull()
    expect(attune.getProfile().visitor.id).toMatch(/\w/)
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ignored initialProfile/))
  })

  it('keeps writing after a listener throws during the restore', () => {
    const storage = spyStorage()
    const now = fakeClock()
    granted(storage, now).track('add_to_cart')
    const attune = createAttune({ storage, now, schedule: 'sync', persistDelay: 0 })
    const stop = attune.subscribe(() => {
      throw new Error('listener failed')
    })
    expect(() => attune.setConsent('granted')).toThrow('listener failed')
    stop()
    attune.track('checkout')
    expect(readStored(storage).state.profile.events.checkout?.count).toBe(1)
  })
})
