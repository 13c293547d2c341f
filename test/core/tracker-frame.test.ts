// Issue 10: no timer of the library outlives the work it waits for. The
// tracker's frame (or its timeout fallback) is ended by a commit or a clear,
// so an emptied tracker leaves nothing to fire after its test.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTracker } from '../../src/core/tracker'

const tracker = (commit = vi.fn()) => createTracker({ commit, now: () => 0, schedule: 'frame', maxPending: 100 })

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe("the tracker's frame", () => {
  it('is cancelled by flush() and clear()', () => {
    const request = vi.fn(() => 7)
    const cancel = vi.fn()
    vi.stubGlobal('requestAnimationFrame', request)
    vi.stubGlobal('cancelAnimationFrame', cancel)
    const commit = vi.fn()
    const t = tracker(commit)
    t.record({ type: 'track', name: 'a' })
    expect(request).toHaveBeenCalledOnce()
    t.flush()
    expect(cancel).toHaveBeenCalledWith(7)
    expect(commit).toHaveBeenCalledOnce()
    t.record({ type: 'track', name: 'b' })
    expect(request).toHaveBeenCalledTimes(2)
    t.clear()
    expect(cancel).toHaveBeenCalledTimes(2)
    // A new event after the clear asks for a new frame.
    t.record({ type: 'track', name: 'c' })
    expect(request).toHaveBeenCalledTimes(3)
  })

  it('falls back to a timeout without animation frames, ended the same way', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', undefined)
    const commit = vi.fn()
    const t = tracker(commit)
    t.record({ type: 'track', name: 'a' })
    expect(vi.getTimerCount()).toBe(1)
    t.flush()
    expect(vi.getTimerCount()).toBe(0)
    t.record({ type: 'track', name: 'b' })
    t.clear()
    expect(vi.getTimerCount()).toBe(0)
    t.record({ type: 'track', name: 'c' })
    vi.advanceTimersByTime(16)
    expect(commit).toHaveBeenCalledTimes(2)
  })
})
