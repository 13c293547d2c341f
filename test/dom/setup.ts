import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { FakeIntersectionObserver } from '../support/intersection'

// jsdom has no IntersectionObserver: a controllable stand-in.
globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver

// jsdom has no pointer capture, which Radix Toast's swipe calls.
Element.prototype.hasPointerCapture ??= () => false
Element.prototype.setPointerCapture ??= () => {}
Element.prototype.releasePointerCapture ??= () => {}

afterEach(() => {
  cleanup()
  FakeIntersectionObserver.instances.length = 0
})
