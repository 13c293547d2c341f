// Issue 10: code that reaches for `addEventListener`, `document` or `window`
// checks they exist when it runs. These run in Node, where none of them do,
// and where a listener's target can lose its methods before the cleanup runs.
import { describe, expect, it, vi } from 'vitest'
import { listenTo } from '../../src/dom/shared'
import { isPageHidden, readScroll, subscribeActivity, subscribeScroll, subscribeVisibility } from '../../src/dom/sources'
import { observeIntersection } from '../../src/dom/intersection'

describe('the DOM sources where there is no page', () => {
  it('subscribe and unsubscribe without throwing, and read nothing', () => {
    for (const subscribe of [subscribeScroll, subscribeVisibility, subscribeActivity]) {
      let stop: () => void = () => {}
      expect(() => (stop = subscribe(() => {}))).not.toThrow()
      expect(() => stop()).not.toThrow()
    }
    expect(readScroll()).toBeNull()
    expect(isPageHidden()).toBe(false)
    expect(() => observeIntersection({} as Element, [0], () => {})()).not.toThrow()
  })

  it('listenTo adds and removes, and a target gone bare by cleanup time does not throw', () => {
    const target = new EventTarget()
    const listener = vi.fn()
    const stop = listenTo(target, 'ping', listener)
    target.dispatchEvent(new Event('ping'))
    stop()
    target.dispatchEvent(new Event('ping'))
    expect(listener).toHaveBeenCalledOnce()

    const bare = { addEventListener: vi.fn() } as unknown as EventTarget & { removeEventListener?: unknown }
    const stopBare = listenTo(bare, 'ping', listener)
    expect(() => stopBare()).not.toThrow()
    expect(() => listenTo(undefined, 'ping', listener)()).not.toThrow()
  })
})
