import '@testing-library/jest-dom/vitest'
import { act, cleanup } from '@testing-library/react'
import { afterAll, afterEach, vi } from 'vitest'
import { FakeIntersectionObserver } from '../support/intersection'
import { installTimerLedger } from '../support/library-timers'

// jsdom has no IntersectionObserver: a controllable stand-in.
globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver

// jsdom has no pointer capture, which Radix Toast's swipe calls.
Element.prototype.hasPointerCapture ??= () => false
Element.prototype.setPointerCapture ??= () => {}
Element.prototype.releasePointerCapture ??= () => {}

// Every React root a test makes itself (hydrateRoot, createRoot) is unmounted
// when the test ends, as Testing Library's cleanup does for render(). Issue
// 10: under load, a hydrated root a test left mounted re-rendered after its
// jsdom was torn down, and React's scheduler threw "window is not defined".
const liveRoots = vi.hoisted(() => new Set<{ unmount(): void }>())
vi.mock('react-dom/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react-dom/client')>()
  const tracked = <R extends { unmount(): void }>(root: R): R => {
    liveRoots.add(root)
    const unmount = root.unmount.bind(root)
    root.unmount = () => {
      liveRoots.delete(root)
      unmount()
    }
    return root
  }
  return {
    ...actual,
    createRoot: (...args: Parameters<typeof actual.createRoot>) => tracked(actual.createRoot(...args)),
    hydrateRoot: (...args: Parameters<typeof actual.hydrateRoot>) => tracked(actual.hydrateRoot(...args)),
  }
})

// Every timer the library starts is in the ledger, so none outlives its test
// (issue 10 (b)). Installed before any test's fake timers, which put these
// wrappers back when they are uninstalled.
export const libraryTimers = installTimerLedger()

afterEach(() => {
  // Unmounting (Testing Library's roots, then the tests' own) ends the
  // timers of mounted components, and providers flush
  // the instances they made; what is left (an instance a test made itself
  // and never flushed) is ended here, before jsdom is torn down.
  cleanup()
  act(() => liveRoots.forEach((root) => root.unmount()))
  libraryTimers.endAll()
  FakeIntersectionObserver.instances.length = 0
})

afterAll(() => {
  libraryTimers.endAll()
  libraryTimers.uninstall()
})
