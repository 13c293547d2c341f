// What the signal hooks do per input, scroll and observer report, for issue
// #11 (script time while scrolling a page of 100 tracked sections; a
// threshold crossing reaching the DOM within its frame). Work is asserted by
// what runs and what is recorded, never by time.
import { act, render } from '@testing-library/react'
import { useRef } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAttune, PersonalizationProvider, useDwellTime, useIdle, useScrollDepth, type Attune } from '../../src'
import { FakeIntersectionObserver } from '../support/intersection'

let attune: Attune

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] })
  attune = createAttune({ storage: 'memory', schedule: 'sync', consent: 'denied' })
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms))

function Idle({ timeout }: { timeout: number }) {
  useIdle({ timeout })
  return null
}

describe('useIdle', () => {
  it('reads the clock once per input while the visitor is active, however many hooks there are', () => {
    render(
      <PersonalizationProvider attune={attune}>
        {Array.from({ length: 20 }, (_, i) => (
          <Idle key={i} timeout={10_000} />
        ))}
      </PersonalizationProvider>,
    )
    const now = vi.spyOn(performance, 'now')
    act(() => void window.dispatchEvent(new Event('pointermove')))
    // One shared stamp; each hook's timer reads it when it fires. Before,
    // every hook heard every pointer move (20 clock reads here).
    expect(now).toHaveBeenCalledTimes(1)
  })

  it('changes no listener and sets no timer while the visitor scrolls: one clock read per input', () => {
    render(
      <PersonalizationProvider attune={attune}>
        <Idle timeout={10_000} />
      </PersonalizationProvider>,
    )
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const timers = vi.getTimerCount()
    const now = vi.spyOn(performance, 'now')
    // A second of scrolling: wheel and scroll on every frame. Before, the
    // stamp removed its six listeners after an input and added them back
    // 250 ms later, with a timer: costlier in Chromium than these calls.
    for (let frame = 0; frame < 60; frame++) {
      window.dispatchEvent(new Event('wheel'))
      window.dispatchEvent(new Event('scroll'))
    }
    expect(now).toHaveBeenCalledTimes(120)
    expect(add).not.toHaveBeenCalled()
    expect(remove).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(timers)
  })

  it('goes idle from the last input any hook saw, and every hook hears the visitor come back', () => {
    const record = vi.spyOn(attune, 'record')
    render(
      <PersonalizationProvider attune={attune}>
        <Idle timeout={5000} />
        <Idle timeout={10_000} />
      </PersonalizationProvider>,
    )
    advance(3000)
    act(() => void window.dispatchEvent(new Event('keydown')))
    // Quiet for 5 s since the key: the shorter timeout fires.
    advance(4999)
    expect(attune.getProfile().idle.idle).toBe(false)
    advance(1)
    expect(attune.getProfile().idle.idle).toBe(true)
    advance(5000)
    const idles = () => record.mock.calls.filter(([event]) => event.type === 'idle').map(([event]) => (event as { idle: boolean }).idle)
    expect(idles()).toEqual([true, true])
    act(() => void window.dispatchEvent(new Event('pointerdown')))
    expect(attune.getProfile().idle.idle).toBe(false)
    expect(idles()).toEqual([true, true, false, false])
    // And both time out again from there.
    advance(5000)
    expect(attune.getProfile().idle.idle).toBe(true)
  })
})

function Section({ id, threshold }: { id: string; threshold?: number }) {
  const ref = useRef<HTMLElement>(null)
  useDwellTime(ref, threshold === undefined ? { id } : { id, threshold })
  return <section ref={ref} data-testid={id} />
}

describe('useDwellTime', () => {
  it('asks the observer for three ratios: in sight, its threshold, whole', () => {
    render(
      <PersonalizationProvider attune={attune}>
        <Section id="a" />
        <Section id="b" />
        <Section id="c" threshold={0.3} />
      </PersonalizationProvider>,
    )
    // Eleven (0, 0.1, … 1) before: about 20 callbacks a section scrolled past instead of 6.
    expect(FakeIntersectionObserver.live().map((observer) => observer.thresholds)).toEqual([
      [0, 0.5, 1],
      [0, 0.3, 1],
    ])
    expect([...FakeIntersectionObserver.live()[0]!.targets]).toHaveLength(2)
  })

  it('records the share in view when it reports time, between the observer reports', () => {
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Section id="a" />
      </PersonalizationProvider>,
    )
    const section = view.getByTestId('a')
    FakeIntersectionObserver.report(section, 0.6)
    expect(attune.getProfile().sections.a).toMatchObject({ views: 1, maxRatio: 0.6 })
    // Scrolled on to 3/4 of it in view, which no observer threshold reports.
    vi.spyOn(section, 'getBoundingClientRect').mockReturnValue({ top: -100, bottom: 300, height: 400, left: 0, right: 100, width: 100, x: 0, y: -100 } as DOMRect)
    advance(1000)
    expect(attune.getProfile().sections.a).toMatchObject({ dwellMs: 1000, maxRatio: 0.75 })
  })
})

function Page() {
  useScrollDepth()
  return null
}

describe('useScrollDepth', () => {
  it('takes a sample in the scroll event itself, so its commit can land in that frame', async () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 4000 })
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(1000)
    try {
      render(
        <PersonalizationProvider attune={attune}>
          <Page />
        </PersonalizationProvider>,
      )
      await act(async () => {})
      act(() => {
        window.scrollY = 1000
        window.dispatchEvent(new Event('scroll'))
      })
      // No frame has run: the sample was taken in the event.
      expect(attune.getProfile().scroll.depth).toBe(0.5)
      // A second event in the same frame, at a new position, is sampled in
      // its event too (no animation frame runs per scroll event).
      act(() => {
        window.scrollY = 2000
        window.dispatchEvent(new Event('scroll'))
      })
      expect(attune.getProfile().scroll.depth).toBe(0.75)
    } finally {
      Reflect.deleteProperty(document.documentElement, 'scrollHeight')
      window.scrollY = 0
    }
  })
})
