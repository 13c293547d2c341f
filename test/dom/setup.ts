import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach } from 'vitest'
import { FakeIntersectionObserver } from '../support/intersection'
import { installTimerLedger } from '../support/library-timers'

// jsdom has no IntersectionObserver: a controllable stand-in.
globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver

// jsdom has no pointer capture, which Radix Toast's swipe calls.
Element.prototype.hasPointerCapture ??= () => false
Element.prototype.setPointerCapture ??= () => {}
Element.prototype.releasePointerCapture ??= () => {}

// Every timer the library starts is in the ledger, so none outlives its test
// (issue 10 (b)). Installed before any test's fake timers, which put these
// wrappers back when they are uninstalled.
export const libraryTimers = installTimerLedger()

afterEach(() => {
  // Unmounting ends the timers of mounted components, and providers flush
  // the instances they made; what is left (an instance a test made itself
  // and never flushed) is ended here, before jsdom is torn down.
  cleanup()
  libraryTimers.endAll()
  FakeIntersectionObserver.instances.length = 0
})

afterAll(() => {
  libraryTimers.endAll()
  libraryTimers.uninstall()
})
