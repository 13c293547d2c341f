// Issue 11: behavior samples no listener needs at once wait for a commit
// (up to SAMPLE_DELAY_MS) instead of costing a store update per frame; the
// engine needs the scroll sample that crosses a rule's threshold, and that
// one is committed at the next frame as before.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAttune, type Attune } from '../../src/core'
import { SAMPLE_DELAY_MS } from '../../src/core/tracker'
import { withDecisions } from '../../src/engine'

let frames: FrameRequestCallback[] = []
/** Runs the animation frames asked for so far. */
const frame = () => {
  const due = frames
  frames = []
  for (const run of due) run(performance.now())
}

beforeEach(() => {
  vi.useFakeTimers()
  frames = []
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run))
  vi.stubGlobal('cancelAnimationFrame', () => {})
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const frameInstance = () => createAttune({ storage: 'memory', schedule: 'frame' })
const scroll = (depth: number) => ({ type: 'scroll' as const, y: depth * 1000, depth })

/** Counts the commits `attune`'s listener hears of, with what it needs of samples. */
function commits(attune: Attune, needs?: Parameters<Attune['subscribe']>[1]) {
  const heard = vi.fn()
  attune.subscribe(heard, needs)
  return heard
}

describe('behavior samples no listener needs at once', () => {
  it('wait up to SAMPLE_DELAY_MS, all in one commit, where the frame schedule would commit each frame', () => {
    const attune = frameInstance()
    const heard = commits(attune, () => false)
    for (let i = 1; i <= 5; i++) {
      attune.record(scroll(i / 10))
      attune.record({ type: 'dwell', id: 'hero', ms: 100 })
      frame()
    }
    expect(heard).not.toHaveBeenCalled()
    expect(attune.getProfile().scroll.depth).toBe(0)
    vi.advanceTimersByTime(SAMPLE_DELAY_MS)
    expect(heard).toHaveBeenCalledOnce()
    expect(attune.getProfile().scroll.depth).toBe(0.5)
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(500)
  })

  it('go with the next frame when an event that is not a sample comes, and nothing is lost or reordered', () => {
    const attune = frameInstance()
    const heard = commits(attune, () => false)
    attune.record(scroll(0.2))
    attune.track('add_to_cart')
    attune.record(scroll(0.4))
    frame()
    expect(heard).toHaveBeenCalledOnce()
    expect(attune.getProfile().scroll.depth).toBe(0.4)
    expect(attune.getProfile().events.add_to_cart?.count).toBe(1)
    // Nothing is left to fire later.
    vi.advanceTimersByTime(SAMPLE_DELAY_MS)
    expect(heard).toHaveBeenCalledOnce()
  })

  it('are committed at the next frame while any listener needs them: one without `needs` needs them all', () => {
    const attune = frameInstance()
    const stop = attune.subscribe(() => {})
    const heard = commits(attune, () => false)
    attune.record(scroll(0.3))
    frame()
    expect(heard).toHaveBeenCalledOnce()
    stop()
    attune.record(scroll(0.6))
    frame()
    expect(heard).toHaveBeenCalledOnce()
    vi.advanceTimersByTime(SAMPLE_DELAY_MS)
    expect(heard).toHaveBeenCalledTimes(2)
  })

  it('are asked of each listener with the event and the committed profile', () => {
    const attune = frameInstance()
    const needs = vi.fn((event: { type: string }) => event.type === 'hover')
    const heard = commits(attune, needs)
    attune.record(scroll(0.3))
    expect(needs).toHaveBeenLastCalledWith(scroll(0.3), attune.getProfile())
    frame()
    expect(heard).not.toHaveBeenCalled()
    attune.record({ type: 'hover', id: 'card', ms: 600 })
    frame()
    expect(heard).toHaveBeenCalledOnce()
  })

  it('are committed at once when the page hides and by flush()', () => {
    const attune = frameInstance()
    const heard = commits(attune, () => false)
    attune.record(scroll(0.3))
    attune.flush()
    expect(heard).toHaveBeenCalledOnce()
    expect(attune.getProfile().scroll.depth).toBe(0.3)
  })

  it('do not wait when one starts a new session (the visit count changes at once)', () => {
    let time = 1_000_000
    const attune = createAttune({ storage: 'memory', schedule: 'frame', now: () => time })
    const heard = commits(attune, () => false)
    attune.track('a')
    frame()
    const visits = attune.getProfile().visitor.visits
    time += 31 * 60 * 1000
    attune.record(scroll(0.1))
    frame()
    expect(heard).toHaveBeenCalledTimes(2)
    expect(attune.getProfile().visitor.visits).toBe(visits + 1)
  })
})

describe("the engine's needs", () => {
  const RULES = { segments: [{ id: 'deep', when: { signal: 'scroll.depth', gte: 0.5 } }] }

  it('commit the scroll sample that crosses a threshold at the next frame, and let the others wait', () => {
    const attune = withDecisions(frameInstance(), { rules: RULES, hold: 0 })
    const changes = vi.fn()
    attune.watchSegments(changes)
    attune.record(scroll(0.2))
    attune.record(scroll(0.4))
    frame()
    expect(attune.getProfile().scroll.depth).toBe(0)
    attune.record(scroll(0.55))
    frame()
    expect(attune.getProfile().scroll.depth).toBe(0.55)
    expect(attune.segments()).toEqual(['deep'])
    expect(changes).toHaveBeenCalledOnce()
    // Deeper still changes no rule: it waits.
    attune.record(scroll(0.8))
    frame()
    expect(attune.getProfile().scroll.depth).toBe(0.55)
    vi.advanceTimersByTime(SAMPLE_DELAY_MS)
    expect(attune.getProfile().scroll.depth).toBe(0.8)
  })

  it('need every scroll sample when a rule reads more of scroll than its depth', () => {
    const attune = withDecisions(frameInstance(), { rules: { segments: [{ id: 'fast', when: { signal: 'scroll.velocity', gt: 2000 } }] } })
    attune.record(scroll(0.1))
    frame()
    expect(attune.getProfile().scroll.depth).toBe(0.1)
  })

  it('need the samples of a collection a rule reads, and every sample for a custom predicate', () => {
    const sections = withDecisions(frameInstance(), { rules: { segments: [{ id: 'reader', when: { signal: 'sections.hero.dwellMs', gte: 5000 } }] } })
    sections.record({ type: 'dwell', id: 'hero', ms: 100 })
    sections.record({ type: 'hover', id: 'hero', ms: 600 })
    frame()
    expect(sections.getProfile().sections.hero?.dwellMs).toBe(100)

    const hovers = withDecisions(frameInstance(), { rules: { segments: [{ id: 'reader', when: { signal: 'sections.hero.dwellMs', gte: 5000 } }] } })
    hovers.record({ type: 'hover', id: 'hero', ms: 600 })
    frame()
    expect(hovers.getProfile().hover.hero).toBeUndefined()

    const opaque = withDecisions(frameInstance(), {
      rules: { segments: [{ id: 'custom', when: { predicate: 'any' } }] },
      predicates: { any: () => false },
    })
    opaque.record({ type: 'hover', id: 'hero', ms: 600 })
    frame()
    expect(opaque.getProfile().hover.hero?.count).toBe(1)
  })
})
