import { afterEach, describe, expect, it, vi } from 'vitest'
import { createProfile, type Profile } from '../../src/core'
import { validateRules } from '../../src/engine'
import { createSegmentClock, TICK_MS } from '../../src/engine/segment-clock'
import { fakeClock } from '../support/fakes'

afterEach(() => vi.useRealTimers())

const DEEP = validateRules({ segments: [{ id: 'deep', when: { signal: 'scroll.depth', gte: 0.5 } }] }).rules
const RECENT = validateRules({ segments: [{ id: 'recent', when: { event: 'x', count: { gte: 1 }, within: '5s' } }] }).rules

function setup(holdMs = 0) {
  const now = fakeClock()
  let profile = createProfile(now())
  const clock = createSegmentClock({ now, profile: () => profile, holdMs, halfLifeMs: 86_400_000, predicates: {} })
  const set = (change: (p: Profile) => Profile) => {
    profile = change(profile)
    clock.committed()
  }
  return { clock, now, set }
}

const depth = (value: number) => (p: Profile): Profile => ({ ...p, scroll: { ...p.scroll, depth: value } })
const event = (at: number) => (p: Profile): Profile => ({ ...p, events: { x: { count: 1, last: at, recent: [at], score: 1 } } })

describe('the segment clock', () => {
  it('evaluates rules as loaded, and again after each commit; watchers hear of changes only', () => {
    const { clock, set } = setup()
    clock.load(DEEP)
    expect(clock.active()).toEqual([])
    const heard = vi.fn()
    const stop = clock.watch(heard)
    set(depth(0.9))
    expect(clock.active()).toEqual(['deep'])
    expect(heard).toHaveBeenCalledTimes(1)
    set(depth(0.95))
    expect(heard).toHaveBeenCalledTimes(1)
    stop()
    set(depth(0))
    expect(heard).toHaveBeenCalledTimes(1)
  })

  it('while watched, re-checks time-dependent rules every tick, with one timer; none without watchers', () => {
    vi.useFakeTimers()
    const { clock, now, set } = setup()
    clock.load(RECENT)
    set(event(now()))
    expect(clock.active()).toEqual(['recent'])
    const heard = vi.fn()
    const stop = clock.watch(heard)
    expect(vi.getTimerCount()).toBe(1)
    for (let t = 0; t < 6; t++) {
      now.advance(TICK_MS)
      vi.advanceTimersByTime(TICK_MS)
    }
    expect(clock.active()).toEqual([])
    expect(heard).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(1)
    stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('re-checks a held segment when its hold ends, without new behavior', () => {
    vi.useFakeTimers()
    const { clock, now, set } = setup(10_000)
    clock.load(DEEP)
    const heard = vi.fn()
    clock.watch(heard)
    set(depth(0.9))
    expect(clock.active()).toEqual(['deep'])
    now.advance(1000)
    set(depth(0))
    expect(clock.active()).toEqual(['deep'])
    now.advance(9000)
    vi.advanceTimersByTime(9000)
    expect(clock.active()).toEqual([])
    expect(heard).toHaveBeenCalledTimes(2)
  })

  it('evaluates an initial profile once per rules document, at its own time', () => {
    const { clock } = setup()
    const start = depth(0.9)(createProfile(0))
    clock.load(DEEP)
    const first = clock.initial(start)
    expect(first).toEqual(['deep'])
    expect(clock.initial(depth(0)(start))).toBe(first)
    clock.load(validateRules({ segments: [] }).rules)
    expect(clock.initial(start)).toEqual([])
  })

  it('explains each segment with its trace, up to date', () => {
    const { clock, set } = setup()
    clock.load(DEEP)
    set(depth(0.7))
    expect(clock.explain('deep')).toEqual([expect.objectContaining({ id: 'deep', active: true, trace: [expect.objectContaining({ pass: true, value: 0.7 })] })])
    expect(clock.explain('missing')).toEqual([])
  })
})
