import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAttune } from '../../src/core'
import { fakeClock, readStored, spyStorage } from '../support/fakes'

const KEY = 'attune:profile'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

function withStorage(consent?: 'granted' | 'denied' | 'pending', initial?: Record<string, string>) {
  const storage = spyStorage(initial)
  const now = fakeClock()
  const attune = createAttune({ now, storage, schedule: 'sync', persistDelay: 0, ...(consent ? { consent } : {}) })
  return { storage, attune, now }
}

describe('consent', () => {
  it('defaults to pending', () => {
    expect(withStorage().attune.getConsent()).toBe('pending')
  })

  it.each(['pending', 'denied'] as const)('leaves storage untouched while %s, and still personalizes in memory', (consent) => {
    const stored = JSON.stringify({ state: { profile: { visitor: {} } }, version: 1 })
    const { storage, attune } = withStorage(consent, { [KEY]: stored, 'attune:other': 'x' })
    attune.record({ type: 'pageview', path: '/' })
    attune.track('add_to_cart')
    attune.identify({ name: 'Ada' })
    attune.flush()
    expect(storage.calls).toEqual([])
    expect(storage.map.get(KEY)).toBe(stored)
    expect(attune.getProfile().events.add_to_cart?.count).toBe(1)
  })

  it('defaults to denied under Global Privacy Control', () => {
    vi.stubGlobal('navigator', { globalPrivacyControl: true })
    const { attune, storage } = withStorage()
    expect(attune.getConsent()).toBe('denied')
    attune.track('x')
    expect(storage.calls).toEqual([])
  })

  it('defaults to denied under Do Not Track', () => {
    vi.stubGlobal('navigator', { doNotTrack: '1' })
    expect(withStorage().attune.getConsent()).toBe('denied')
  })

  it('lets configured consent win over the privacy signals', () => {
    vi.stubGlobal('navigator', { globalPrivacyControl: true })
    expect(withStorage('granted').attune.getConsent()).toBe('granted')
  })

  it('on grant, merges what was recorded before consent into the stored profile and saves it', () => {
    const first = withStorage('granted')
    first.attune.track('add_to_cart')
    first.attune.record({ type: 'click', id: 'buy' })
    const id = first.attune.getProfile().visitor.id
    const storage = first.storage

    const later = createAttune({ now: first.now, storage, schedule: 'sync', persistDelay: 0 })
    later.track('add_to_cart')
    later.record({ type: 'click', id: 'buy' })
    storage.calls.length = 0
    later.setConsent('granted')
    const profile = later.getProfile()
    expect(profile.visitor.id).toBe(id)
    expect(profile.events.add_to_cart?.count).toBe(2)
    expect(profile.clicks.buy?.count).toBe(2)
    expect(storage.calls).toContain(`set ${KEY}`)
    expect(readStored(storage).state.profile.events.add_to_cart?.count).toBe(2)
  })

  it('on grant, reads the stored profile before anything queued can overwrite it', () => {
    const first = withStorage('granted')
    first.attune.identify({ plan: 'pro' })
    first.attune.track('earlier')
    const id = first.attune.getProfile().visitor.id

    // The click on "Accept" is queued in the same frame as the grant.
    const later = createAttune({ now: first.now, storage: first.storage, schedule: 'manual', persistDelay: 0 })
    later.record({ type: 'click', id: 'accept' })
    later.setConsent('granted')
    const profile = later.getProfile()
    expect(profile.visitor.id).toBe(id)
    expect(profile.visitor.traits).toEqual({ plan: 'pro' })
    expect(profile.events.earlier?.count).toBe(1)
    expect(profile.clicks.accept?.count).toBe(1)
    expect(readStored(first.storage).state.profile.clicks.accept?.count).toBe(1)
  })

  it('merges the stored profile once: granted, pending, granted again counts nothing twice', () => {
    const { attune, storage } = withStorage('granted')
    attune.track('x')
    attune.setConsent('pending')
    attune.track('x')
    attune.setConsent('granted')
    expect(attune.getProfile().events.x?.count).toBe(2)
    expect(attune.getProfile().visitor.visits).toBe(1)
    expect(readStored(storage).state.profile.events.x?.count).toBe(2)
  })

  it('on refusal after pending, erases what an earlier consent stored', () => {
    const first = withStorage('granted')
    first.attune.track('x')
    const later = createAttune({ now: first.now, storage: first.storage, schedule: 'sync', persistDelay: 0 })
    expect(first.storage.map.has(KEY)).toBe(true)
    later.setConsent('denied')
    expect(first.storage.map.has(KEY)).toBe(false)
  })

  it('on withdrawal (denied), erases what was stored and stops writing', () => {
    const { attune, storage } = withStorage('granted')
    attune.track('x')
    expect(storage.map.has(KEY)).toBe(true)
    attune.setConsent('denied')
    expect(storage.map.has(KEY)).toBe(false)
    storage.calls.length = 0
    attune.track('y')
    attune.flush()
    expect(storage.calls).toEqual([])
    expect(attune.getProfile().events.y?.count).toBe(1)
  })

  it('drops a pending write when consent is withdrawn before it happens', () => {
    const storage = spyStorage()
    const attune = createAttune({ storage, consent: 'granted', schedule: 'sync', persistDelay: 10_000 })
    storage.calls.length = 0
    attune.track('x')
    attune.setConsent('pending')
    attune.flush()
    expect(storage.calls.filter((c) => c.startsWith('set'))).toEqual([])
  })

  it('ignores an invalid consent value with a development warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { attune } = withStorage('pending')
    attune.setConsent('yes' as never)
    expect(attune.getConsent()).toBe('pending')
    expect(String(warn.mock.calls[0]![0])).toMatch(/setConsent\(\) ignored "yes"/)
  })
})

describe('forget()', () => {
  it('erases the stored profile and every key Attune wrote, and starts a new anonymous visitor', () => {
    const { attune, storage } = withStorage('granted', { 'attune:queue': '[]', 'someone-else': 'keep' })
    attune.track('x')
    const before = attune.getProfile().visitor.id
    attune.forget()
    expect([...storage.map.keys()]).toEqual(['someone-else'])
    const after = attune.getProfile()
    expect(after.visitor.id).not.toBe(before)
    expect(after.events).toEqual({})
  })

  it('does not write the fresh profile until something new is recorded', () => {
    const { attune, storage } = withStorage('granted')
    attune.track('x')
    attune.forget()
    attune.flush()
    expect(storage.map.has(KEY)).toBe(false)
    attune.track('y')
    expect(readStored(storage).state.profile.events).toHaveProperty('y')
  })

  it('erases stored data even without consent', () => {
    const { attune, storage } = withStorage('denied', { [KEY]: '{}', 'attune:queue': '[]' })
    attune.forget()
    expect(storage.map.size).toBe(0)
  })

  it('drops events queued but not yet committed', () => {
    const storage = spyStorage()
    const attune = createAttune({ storage, consent: 'granted', schedule: 'manual', persistDelay: 0 })
    attune.track('secret')
    attune.forget()
    attune.flush()
    expect(attune.getProfile().events).toEqual({})
  })
})
