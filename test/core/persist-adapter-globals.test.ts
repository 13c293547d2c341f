// Regression tests for issue 10 (b): a fresh-clone `npm test` failed with
// every test passing, on an uncaught `TypeError: globalThis[method] is not a
// function` from the persistence adapter. Its write timer fired after the
// jsdom environment of test/dom/smart-carousel.test.tsx was torn down: the
// adapter had checked for `document` and `addEventListener` once, when it was
// made, and called them when the timer fired. These run in Node, putting the
// page's globals in place and taking them away by hand.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPersistAdapter, type StoredValue } from '../../src/core/persistence'
import { spyStorage } from '../support/fakes'

const KEY = 'attune:profile'
const VALUE = { state: { profile: null }, version: 1 } as unknown as StoredValue

/** Puts a page's globals in Node: `addEventListener` on the global object and a `document`; returns the page's event target. */
function installPage() {
  const page = new EventTarget()
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page))
  vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page))
  vi.stubGlobal('document', document)
  return { page, document }
}

function adapter(storage = spyStorage(), beforeHide = () => {}) {
  return createPersistAdapter({ storage, allowed: () => true, delayMs: 1000, onUnreadable: () => {}, beforeHide })
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the persistence adapter reads the page globals when it uses them', () => {
  it('a write timer that fires after the page globals are gone writes and does not throw', () => {
    vi.useFakeTimers()
    installPage()
    const storage = spyStorage()
    const persist = adapter(storage)
    persist.setItem(KEY, VALUE) // starts the timer and the page-hide listeners
    // The environment is torn down: `document`, `addEventListener` and `removeEventListener` vanish.
    vi.unstubAllGlobals()
    expect(typeof globalThis.removeEventListener).toBe('undefined')
    expect(() => vi.advanceTimersByTime(1000)).not.toThrow()
    expect(storage.map.get(KEY)).toBe(JSON.stringify(VALUE))
  })

  it('flush and cancel after the globals are gone do not throw', () => {
    installPage()
    const persist = adapter()
    persist.watch()
    vi.unstubAllGlobals()
    expect(() => persist.flush()).not.toThrow()
    persist.watch()
    expect(() => persist.cancel()).not.toThrow()
  })

  it('an adapter made before the page globals exist still writes at once when the page hides', () => {
    vi.useFakeTimers()
    const storage = spyStorage()
    const hid = vi.fn()
    const persist = adapter(storage, hid)
    const { page } = installPage()
    persist.setItem(KEY, VALUE)
    expect(storage.map.has(KEY)).toBe(false)
    page.dispatchEvent(new Event('pagehide'))
    expect(hid).toHaveBeenCalledOnce()
    expect(storage.map.get(KEY)).toBe(JSON.stringify(VALUE))
    // Written: the timer was ended with it, nothing fires later.
    expect(vi.getTimerCount()).toBe(0)
  })

  // Issue 11: the listeners were removed after each gathered write and added
  // again with the next change (four DOM calls a write). They stay now, and
  // a hide with nothing waiting writes nothing.
  it('keeps listening after a gathered write; a hide with nothing waiting writes nothing', () => {
    vi.useFakeTimers()
    const { page, document } = installPage()
    const storage = spyStorage()
    const hid = vi.fn()
    const persist = adapter(storage, hid)
    persist.setItem(KEY, VALUE)
    vi.advanceTimersByTime(1000)
    expect(storage.calls).toEqual([`set ${KEY}`])
    page.dispatchEvent(new Event('pagehide'))
    document.visibilityState = 'hidden'
    document.dispatchEvent(new Event('visibilitychange'))
    // The tracker is asked for queued events; there is no change to write.
    expect(hid).toHaveBeenCalledTimes(2)
    expect(storage.calls).toEqual([`set ${KEY}`])
  })

  it('adds its page listeners once for many gathered writes, and removes them on cancel()', () => {
    vi.useFakeTimers()
    const { document } = installPage()
    const page = globalThis as unknown as EventTarget
    const added = { page: vi.spyOn(page, 'addEventListener'), document: vi.spyOn(document, 'addEventListener') }
    const removed = { page: vi.spyOn(page, 'removeEventListener'), document: vi.spyOn(document, 'removeEventListener') }
    const storage = spyStorage()
    const persist = adapter(storage)
    for (let write = 0; write < 10; write++) {
      persist.watch()
      persist.setItem(KEY, VALUE)
      vi.advanceTimersByTime(1000)
    }
    expect(storage.calls.filter((call) => call.startsWith('set'))).toHaveLength(10)
    expect(added.page.mock.calls.map(([type]) => type)).toEqual(['pagehide'])
    expect(added.document.mock.calls.map(([type]) => type)).toEqual(['visibilitychange'])
    expect(removed.page).not.toHaveBeenCalled()
    expect(removed.document).not.toHaveBeenCalled()
    persist.cancel()
    expect(removed.page.mock.calls.map(([type]) => type)).toEqual(['pagehide'])
    expect(removed.document.mock.calls.map(([type]) => type)).toEqual(['visibilitychange'])
    // The next change watches the page again.
    persist.setItem(KEY, VALUE)
    expect(added.page).toHaveBeenCalledTimes(2)
    expect(added.document).toHaveBeenCalledTimes(2)
  })

  // Issue 11: a flush(gathered) (the app's flush()) within a delay of the
  // last write leaves the write to the delay's timer; a page hide still
  // writes it at once, so a reload loses nothing.
  it('leaves a gathered flush within the delay to the timer, and writes it at once when the page hides', () => {
    vi.useFakeTimers()
    const { page } = installPage()
    const storage = spyStorage()
    const persist = adapter(storage)
    persist.setItem(KEY, VALUE)
    persist.flush(true)
    expect(storage.calls).toEqual([`set ${KEY}`])
    const next = { ...VALUE, version: 2 }
    persist.setItem(KEY, next)
    persist.flush(true)
    expect(storage.calls).toEqual([`set ${KEY}`])
    page.dispatchEvent(new Event('pagehide'))
    expect(storage.calls).toEqual([`set ${KEY}`, `set ${KEY}`])
    expect(storage.map.get(KEY)).toBe(JSON.stringify(next))
    expect(vi.getTimerCount()).toBe(0)
    // Without a hide, the timer writes it a delay after the change.
    persist.setItem(KEY, VALUE)
    persist.flush(true)
    vi.advanceTimersByTime(999)
    expect(storage.calls).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(storage.calls).toHaveLength(3)
    expect(storage.map.get(KEY)).toBe(JSON.stringify(VALUE))
    // Date.now() counts whole ms: a flush a whole delay later by that count
    // may be less than a delay later in fact, so it waits too; one more ms writes.
    vi.advanceTimersByTime(1000)
    persist.setItem(KEY, next)
    persist.flush(true)
    expect(storage.calls).toHaveLength(3)
    vi.advanceTimersByTime(1)
    persist.flush(true)
    expect(storage.calls).toHaveLength(4)
    expect(vi.getTimerCount()).toBe(0)
  })
})
