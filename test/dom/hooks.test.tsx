import { act, fireEvent, render } from '@testing-library/react'
import { StrictMode, useRef, useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createAttune,
  EXIT_INTENT_EVENT,
  PersonalizationProvider,
  useClickTracking,
  useDwellTime,
  useExitIntent,
  useHoverIntent,
  useIdle,
  usePageView,
  useScrollDepth,
  type Attune,
} from '../../src'
import { FakeIntersectionObserver } from '../support/intersection'
import { trackListeners } from '../support/listeners'

let attune: Attune

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] })
  attune = createAttune({ storage: 'memory', schedule: 'sync', consent: 'denied' })
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  setVisibility('visible')
})

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange'))
}

function pointer(type: string, pointerType = 'mouse') {
  const event = new MouseEvent(type, { bubbles: type !== 'pointerenter' && type !== 'pointerleave' })
  Object.defineProperty(event, 'pointerType', { value: pointerType })
  return event
}

let renders = 0
function Tracked({ id = 'hero' }: { id?: string }) {
  renders++
  const ref = useRef<HTMLElement>(null)
  useDwellTime(ref, { id })
  useHoverIntent(ref, { id })
  useClickTracking(ref, { id })
  useScrollDepth()
  useIdle({ timeout: 10_000 })
  usePageView('/product')
  useExitIntent()
  return (
    <section ref={ref} data-testid={id}>
      <button type="button">Buy</button>
    </section>
  )
}

const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms))

describe('signal hooks in the DOM', () => {
  it('remove every listener and observer they installed when unmounted', () => {
    const listeners = trackListeners()
    try {
      const before = listeners.snapshot()
      const view = render(
        <PersonalizationProvider attune={attune}>
          <Tracked id="a" />
          <Tracked id="b" />
        </PersonalizationProvider>,
      )
      FakeIntersectionObserver.report(view.getByTestId('a'), 1)
      const during = listeners.snapshot()
      // Shared: one scroll listener and one observer however many sections and hooks.
      expect(during['window:scroll']).toBe(2) // the scroll source, and the idle detector's activity
      expect(during['document:visibilitychange']).toBe(1)
      expect(during['document:mouseout']).toBe(1)
      expect(during['window:pointermove']).toBe(1)
      expect(FakeIntersectionObserver.live()).toHaveLength(1)
      expect([...FakeIntersectionObserver.live()[0]!.targets]).toHaveLength(2)
      // Listeners on scrolling and input never block the browser's scrolling.
      for (const key of ['window:scroll', 'window:wheel', 'window:touchstart', 'window:pointermove']) expect(listeners.isPassive(key), key).toBe(true)
      view.unmount()
      // React DOM keeps its own document listener for the life of the page.
      // The hooks listen on window, document and the tracked sections. React
      // DOM keeps its own listeners (on the document and the root) for the
      // life of the page: those are left out.
      const ours = (snapshot: Record<string, number>) =>
        Object.fromEntries(Object.entries(snapshot).filter(([key]) => /^(window|document|section):/.test(key) && key !== 'document:selectionchange'))
      expect(ours(during)['section:pointerenter']).toBe(2)
      expect(ours(listeners.snapshot())).toEqual(ours(before))
      expect(FakeIntersectionObserver.live()).toHaveLength(0)
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      listeners.restore()
    }
  })

  it('never re-render the component that calls them', () => {
    renders = 0
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Tracked />
      </PersonalizationProvider>,
    )
    const section = view.getByTestId('hero')
    FakeIntersectionObserver.report(section, 0.8)
    section.dispatchEvent(pointer('pointerenter'))
    advance(3000)
    section.dispatchEvent(pointer('pointerleave'))
    fireEvent.click(section)
    fireEvent.scroll(window)
    advance(20_000)
    expect(attune.getProfile().sections.hero?.dwellMs).toBeGreaterThan(0)
    expect(renders).toBe(1)
  })
})

describe('useDwellTime', () => {
  it('counts visible time while in view, in chunks, and stops when out of view', () => {
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Tracked />
      </PersonalizationProvider>,
    )
    const section = view.getByTestId('hero')
    FakeIntersectionObserver.report(section, 0.6)
    expect(attune.getProfile().sections.hero).toMatchObject({ views: 1, dwellMs: 0, maxRatio: 0.6 })
    advance(2500)
    // Committed every second while it runs.
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(2000)
    FakeIntersectionObserver.report(section, 0.2)
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(2500)
    advance(5000)
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(2500)
    FakeIntersectionObserver.report(section, 1)
    expect(attune.getProfile().sections.hero).toMatchObject({ views: 2, maxRatio: 1 })
  })

  it('counts a section taller than the viewport once it fills half of it', () => {
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Tracked />
      </PersonalizationProvider>,
    )
    // 3000 px tall: 20% of it is 600 px, 60% of a 1000 px viewport.
    FakeIntersectionObserver.report(view.getByTestId('hero'), 0.2, 3000)
    advance(1000)
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(1000)
  })

  it('stops while the tab is hidden and resumes when it is back', () => {
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Tracked />
      </PersonalizationProvider>,
    )
    FakeIntersectionObserver.report(view.getByTestId('hero'), 1)
    advance(1500)
    act(() => setVisibility('hidden'))
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(1500)
    advance(60_000)
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(1500)
    act(() => setVisibility('visible'))
    advance(1000)
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(2500)
  })

  it('clamps a threshold outside 0–1 with a development warning, instead of crashing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    function Percent() {
      const ref = useRef<HTMLElement>(null)
      useDwellTime(ref, { id: 'pct', threshold: 50 })
      return <section ref={ref} data-testid="pct" />
    }
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Percent />
      </PersonalizationProvider>,
    )
    expect(String(warn.mock.calls[0]![0])).toMatch(/threshold must be from 0 to 1, got 50; using 1/)
    FakeIntersectionObserver.report(view.getByTestId('pct'), 1)
    advance(1000)
    expect(attune.getProfile().sections.pct?.dwellMs).toBe(1000)
  })

  it('reports the time not yet reported when the section unmounts', () => {
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Tracked />
      </PersonalizationProvider>,
    )
    FakeIntersectionObserver.report(view.getByTestId('hero'), 1)
    advance(700)
    view.unmount()
    expect(attune.getProfile().sections.hero?.dwellMs).toBe(700)
    expect(attune.getProfile().pages['/product']?.dwellMs).toBe(700)
  })
})

describe('targets', () => {
  it('track an element that mounts later, passed as the element itself', () => {
    function Later() {
      const [open, setOpen] = useState(false)
      const [element, setElement] = useState<HTMLElement | null>(null)
      useClickTracking(element, { id: 'panel' })
      useDwellTime(element, { id: 'panel' })
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Open
          </button>
          {open && (
            <section ref={setElement} data-testid="panel">
              Details
            </section>
          )}
        </>
      )
    }
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Later />
      </PersonalizationProvider>,
    )
    fireEvent.click(view.getByRole('button', { name: 'Open' }))
    const panel = view.getByTestId('panel')
    fireEvent.click(panel)
    FakeIntersectionObserver.report(panel, 1)
    advance(1000)
    expect(attune.getProfile().clicks.panel?.count).toBe(1)
    expect(attune.getProfile().sections.panel?.dwellMs).toBe(1000)
  })

  it('warn in development when a ref is not attached to anything', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    function Detached() {
      const ref = useRef<HTMLElement>(null)
      useClickTracking(ref, { id: 'ghost' })
      return null
    }
    render(
      <PersonalizationProvider attune={attune}>
        <Detached />
      </PersonalizationProvider>,
    )
    expect(String(warn.mock.calls[0]![0])).toMatch(/useClickTracking\('ghost'\): the ref is not attached to an element/)
  })
})

describe('useHoverIntent', () => {
  function hover(section: HTMLElement, ms: number, pointerType = 'mouse') {
    act(() => void section.dispatchEvent(pointer('pointerenter', pointerType)))
    advance(ms)
    act(() => void section.dispatchEvent(pointer('pointerleave', pointerType)))
  }

  it('counts a hover that lasts past the threshold, and ignores a pointer passing over or a touch', () => {
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Tracked />
      </PersonalizationProvider>,
    )
    const section = view.getByTestId('hero')
    hover(section, 150)
    expect(attune.getProfile().hover.hero).toBeUndefined()
    hover(section, 1200, 'touch')
    expect(attune.getProfile().hover.hero).toBeUndefined()
    hover(section, 800)
    expect(attune.getProfile().hover.hero).toMatchObject({ count: 1, dwellMs: 800 })
  })

  it('takes its delay as a Duration, and falls back to 500 ms (with a warning) on one that is not', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    function Hovered({ id, delay }: { id: string; delay: string }) {
      const ref = useRef<HTMLElement>(null)
      useHoverIntent(ref, { id, delay })
      return <section ref={ref} data-testid={id} />
    }
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Hovered id="slow" delay="1s" />
        <Hovered id="typo" delay="1 parsec" />
      </PersonalizationProvider>,
    )
    hover(view.getByTestId('slow'), 800)
    expect(attune.getProfile().hover.slow).toBeUndefined()
    hover(view.getByTestId('slow'), 1000)
    expect(attune.getProfile().hover.slow).toMatchObject({ count: 1 })
    hover(view.getByTestId('typo'), 600)
    expect(attune.getProfile().hover.typo).toMatchObject({ count: 1 })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/useHoverIntent\(\{ id: "typo", delay \}\)="1 parsec" is not a duration .*; using 500 ms/)
  })
})

describe('useClickTracking', () => {
  it('counts clicks inside the element, keyboard activation included', () => {
    const view = render(
      <PersonalizationProvider attune={attune}>
        <Tracked />
      </PersonalizationProvider>,
    )
    fireEvent.click(view.getByRole('button', { name: 'Buy' }))
    fireEvent.click(view.getByTestId('hero'))
    expect(attune.getProfile().clicks.hero?.count).toBe(2)
  })
})

describe('useIdle', () => {
  it('marks the visitor idle after the timeout and active again on input', () => {
    render(
      <PersonalizationProvider attune={attune}>
        <Tracked />
      </PersonalizationProvider>,
    )
    advance(5000)
    fireEvent.pointerMove(window)
    advance(9000)
    expect(attune.getProfile().idle.idle).toBe(false)
    advance(1000)
    expect(attune.getProfile().idle.idle).toBe(true)
    advance(4000)
    act(() => void window.dispatchEvent(new KeyboardEvent('keydown')))
    expect(attune.getProfile().idle).toMatchObject({ idle: false, totalMs: 4000 })
  })

  it('takes its timeout as a Duration', () => {
    function Idle() {
      useIdle({ timeout: '2m' })
      return null
    }
    render(
      <PersonalizationProvider attune={attune}>
        <Idle />
      </PersonalizationProvider>,
    )
    advance(119_000)
    expect(attune.getProfile().idle.idle).toBe(false)
    advance(1000)
    expect(attune.getProfile().idle.idle).toBe(true)
  })
})

describe('usePageView', () => {
  it('records one view under StrictMode, and page time while the tab is in front', () => {
    render(
      <StrictMode>
        <PersonalizationProvider attune={attune}>
          <Tracked />
        </PersonalizationProvider>
      </StrictMode>,
    )
    expect(attune.getProfile().page).toBe('/product')
    expect(attune.getProfile().pages['/product']?.views).toBe(1)
    advance(3000)
    expect(attune.getProfile().pages['/product']?.dwellMs).toBe(3000)
  })

  it('counts page time once when several components view the same page', () => {
    function View() {
      usePageView('/shared')
      return null
    }
    render(
      <PersonalizationProvider attune={attune}>
        <View />
        <View />
        <View />
      </PersonalizationProvider>,
    )
    advance(2000)
    expect(attune.getProfile().pages['/shared']).toMatchObject({ views: 1, dwellMs: 2000 })
  })

  it('defaults to location.pathname', () => {
    function Page() {
      usePageView()
      return null
    }
    render(
      <PersonalizationProvider attune={attune}>
        <Page />
      </PersonalizationProvider>,
    )
    expect(attune.getProfile().page).toBe(location.pathname)
  })
})

describe('useScrollDepth', () => {
  it('records the depth seen, once per frame', async () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 4000 })
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(1000)
    try {
      render(
        <PersonalizationProvider attune={attune}>
          <Tracked />
        </PersonalizationProvider>,
      )
      // The page view resets the depth; the recorder measures the new page right after.
      await act(async () => {})
      expect(attune.getProfile().scroll.depth).toBe(0.25)
      const record = vi.spyOn(attune, 'record')
      act(() => {
        window.scrollY = 2000
        for (let i = 0; i < 5; i++) window.dispatchEvent(new Event('scroll'))
      })
      advance(16)
      expect(record.mock.calls.filter(([e]) => e.type === 'scroll')).toHaveLength(1)
      expect(attune.getProfile().scroll.depth).toBe(0.75)
    } finally {
      Reflect.deleteProperty(document.documentElement, 'scrollHeight')
      window.scrollY = 0
    }
  })
})

describe('useExitIntent', () => {
  it('on a touch screen, records a fast upward scroll as exit intent, not a slow one', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)', media: query }))
    try {
      render(
        <PersonalizationProvider attune={attune}>
          <Tracked />
        </PersonalizationProvider>,
      )
      const scrollTo = (y: number) => {
        act(() => {
          window.scrollY = y
          window.dispatchEvent(new Event('scroll'))
        })
        advance(16)
      }
      scrollTo(3000)
      // Slow upward reading: 10 px per frame, about 600 px/s.
      for (let y = 2990; y >= 2900; y -= 10) scrollTo(y)
      expect(attune.getProfile().events[EXIT_INTENT_EVENT]).toBeUndefined()
      // A flick upward: 80 px per frame, about 5000 px/s.
      for (let y = 2820; y >= 2500; y -= 80) scrollTo(y)
      expect(attune.getProfile().events[EXIT_INTENT_EVENT]?.count).toBe(1)
    } finally {
      vi.unstubAllGlobals()
      window.scrollY = 0
    }
  })

  it('records exit intent when the mouse leaves through the top, at most once per cooldown', () => {
    render(
      <PersonalizationProvider attune={attune}>
        <Tracked />
      </PersonalizationProvider>,
    )
    const leave = (clientY: number) => act(() => void document.dispatchEvent(new MouseEvent('mouseout', { clientY, relatedTarget: null, bubbles: true })))
    leave(300) // leaving through the side or bottom is not exit intent
    expect(attune.getProfile().events[EXIT_INTENT_EVENT]).toBeUndefined()
    leave(-2)
    leave(-2)
    expect(attune.getProfile().events[EXIT_INTENT_EVENT]?.count).toBe(1)
    advance(6000)
    leave(0)
    expect(attune.getProfile().events[EXIT_INTENT_EVENT]?.count).toBe(2)
  })
})
