import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAttune, type BehaviorEvent } from '../../src/core'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

const bad: [string, unknown, RegExp][] = [
  ['a negative duration', { type: 'dwell', id: 'hero', ms: -5 }, /"dwell" event: "ms" must be a finite number ≥ 0, got -5/],
  ['a NaN duration', { type: 'hover', id: 'a', ms: NaN }, /"ms" must be a finite number ≥ 0, got NaN/],
  ['an infinite duration', { type: 'page-dwell', path: '/', ms: Infinity }, /got Infinity/],
  ['a duration given as a string', { type: 'dwell', id: 'hero', ms: '100' }, /got "100"/],
  ['an unknown event type', { type: 'teleport', id: 'x' }, /unknown event type "teleport"; expected one of pageview, /],
  ['a missing type', { id: 'x' }, /unknown event type undefined/],
  ['an id that is not a string', { type: 'click', id: 42 }, /"click" event: "id" must be a non-empty string .*, got 42/],
  ['an empty id', { type: 'click', id: '' }, /"id" must be a non-empty string/],
  ['an id object', { type: 'view', id: { el: 1 } }, /got object/],
  ['a ratio above 1', { type: 'view', id: 'a', ratio: 1.5 }, /"ratio" must be a number from 0 to 1, got 1.5/],
  ['a depth that is NaN', { type: 'scroll', y: 0, depth: NaN }, /"depth" must be a number from 0 to 1/],
  ['traits that are not JSON values', { type: 'identify', traits: { f: () => 1 } }, /"traits" must be an object of strings/],
  ['a non-object event', 'click', /an event must be an object/],
  ['null', null, /an event must be an object/],
]

describe('bad input', () => {
  it.each(bad)('ignores %s with a development warning and leaves the profile intact', (_, event, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const attune = createAttune({ storage: 'memory', schedule: 'sync' })
    attune.record({ type: 'click', id: 'ok' })
    const before = attune.getProfile()
    expect(() => attune.record(event as BehaviorEvent)).not.toThrow()
    attune.flush()
    expect(attune.getProfile()).toBe(before)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[attune\] record\(\) ignored an event: /)
    expect(String(warn.mock.calls[0]![0])).toMatch(message)
  })

  it('rejects track() names and identify() traits that are not valid the same way', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const attune = createAttune({ storage: 'memory', schedule: 'sync' })
    attune.track(7 as never)
    attune.identify(['a'] as never)
    expect(attune.getProfile().events).toEqual({})
    expect(warn).toHaveBeenCalledTimes(2)
  })

  it('keeps what was recorded, even when the caller changes its object before the commit', () => {
    const attune = createAttune({ storage: 'memory', schedule: 'manual' })
    const dwell = { type: 'dwell' as const, id: 'hero', ms: 100 }
    const traits: Record<string, unknown> = { plan: 'pro' }
    attune.record(dwell)
    attune.identify(traits as Record<string, string>)
    dwell.ms = NaN
    traits.plan = () => 'not JSON'
    attune.flush()
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(100)
    expect(attune.getProfile().visitor.traits).toEqual({ plan: 'pro' })
  })

  it('ignores limits that are not positive numbers, with a development warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const attune = createAttune({ storage: 'memory', schedule: 'sync', limits: { pages: undefined, clicks: NaN, hover: -1, events: 2 } })
    attune.record({ type: 'pageview', path: '/a' })
    attune.record({ type: 'click', id: 'a' })
    for (const name of ['a', 'b', 'c']) attune.track(name)
    expect(attune.getProfile().pages['/a']?.views).toBe(1)
    expect(attune.getProfile().clicks.a?.count).toBe(1)
    expect(Object.keys(attune.getProfile().events)).toHaveLength(2)
    expect(warn).toHaveBeenCalledTimes(3)
    expect(String(warn.mock.calls[0]![0])).toMatch(/limits\.pages: expected a number ≥ 1, got undefined/)
  })

  it.each([
    ['halfLife', 0, /halfLife: expected a duration above 0 such as 1000 or "30s", got 0; using 1d/],
    ['halfLife', 'soon', /halfLife: .*got "soon"; using 1d/],
    ['sessionTimeout', -1, /sessionTimeout: expected a duration such as 1000 or "30s", got -1; using 30m/],
    ['sessionTimeout', '10 minutes', /sessionTimeout: .*got "10 minutes"/],
    ['persistDelay', NaN, /persistDelay: .*got NaN; using 1s/],
    ['persistDelay', Infinity, /persistDelay: .*got Infinity/],
  ])('ignores a bad %s (%s) with a development warning, and uses the default', (name, value, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const attune = createAttune({ storage: 'memory', schedule: 'sync', [name]: value })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[attune\] createAttune\(\) ignored /)
    expect(String(warn.mock.calls[0]![0])).toMatch(message)
    if (name === 'halfLife') expect(attune.halfLifeMs).toBe(24 * 60 * 60_000)
    attune.track('a')
    expect(attune.getProfile().events.a?.count).toBe(1)
  })

  it('stays silent in production builds', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.resetModules()
    const production = await import('../../src/core')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const attune = production.createAttune({ storage: 'memory', schedule: 'sync' })
    attune.record({ type: 'dwell', id: 'x', ms: -1 })
    expect(warn).not.toHaveBeenCalled()
    expect(attune.getProfile().sections).toEqual({})
  })

  it('refuses "__proto__" as a key, so a profile cannot be polluted', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const attune = createAttune({ storage: 'memory', schedule: 'sync' })
    attune.record({ type: 'click', id: '__proto__' })
    attune.identify(JSON.parse('{"__proto__": "x", "ok": 1}') as Record<string, number>)
    const profile = attune.getProfile()
    expect(Object.getPrototypeOf(profile.clicks)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(profile.visitor.traits)).toBe(Object.prototype)
    expect(profile.visitor.traits).toEqual({})
  })
})
