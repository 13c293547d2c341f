import { render } from '@testing-library/react'
import { useRef } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commands, page } from 'vitest/browser'
import {
  createAttune,
  PersonalizationProvider,
  useDwellTime,
  useHoverIntent,
  useIdle,
  usePageView,
  useScrollDepth,
  type Attune,
} from '../../src'

const VIEWPORT = { width: 800, height: 600 }
const SECTION_HEIGHT = 600
const SECTIONS = ['intro', 'features', 'pricing', 'reviews', 'faq', 'footer']
/** Timer and frame jitter allowed on a shared, busy machine. */
const TOLERANCE_MS = 400

// Lets time pass that a test measures (dwell, a visit): never a wait for a state.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until the page has stopped scrolling (smooth wheel scrolling animates). */
async function settle() {
  let last = -1
  let stable = 0
  while (stable < 5) {
    await new Promise(requestAnimationFrame)
    stable = window.scrollY === last ? stable + 1 : 0
    last = window.scrollY
  }
}

async function wheel(deltaY: number) {
  await commands.wheel(0, deltaY)
  await settle()
}

let renders = 0
function Section({ id, height = SECTION_HEIGHT }: { id: string; height?: number }) {
  const ref = useRef<HTMLElement>(null)
  useDwellTime(ref, { id })
  useHoverIntent(ref, { id })
  return (
    <section ref={ref} data-testid={id} style={{ height, margin: 0, boxSizing: 'border-box', border: '1px solid #ccc' }}>
      <h2 style={{ margin: 0 }}>{id}</h2>
    </section>
  )
}

function TallPage() {
  renders++
  useScrollDepth()
  useIdle()
  usePageView('/landing')
  return (
    <main style={{ margin: 0 }}>
      {SECTIONS.map((id) => (
        <Section key={id} id={id} />
      ))}
    </main>
  )
}

let attune: Attune

beforeEach(async () => {
  await page.viewport(VIEWPORT.width, VIEWPORT.height)
  document.body.style.margin = '0'
  window.scrollTo(0, 0)
  attune = createAttune({ storage: 'memory', consent: 'denied' })
  renders = 0
})

afterEach(() => {
  window.scrollTo(0, 0)
})

function mount() {
  return render(
    <PersonalizationProvider attune={attune}>
      <TallPage />
    </PersonalizationProvider>,
  )
}

describe('behavior signals in a real browser', () => {
  it('measures scroll depth and speed from real wheel events', async () => {
    const view = mount()
    await settle()
    // The first scroll sample is taken on a frame after mounting.
    await expect.poll(() => (attune.flush(), attune.getProfile().scroll.depth)).toBeGreaterThan(0)
    const pageHeight = document.documentElement.scrollHeight
    expect(pageHeight).toBeGreaterThanOrEqual(SECTIONS.length * SECTION_HEIGHT)
    expect(attune.getProfile().scroll.depth).toBeCloseTo(VIEWPORT.height / pageHeight, 2)

    for (let i = 0; i < 3; i++) await wheel(400)
    attune.flush()
    const y = window.scrollY
    expect(y).toBeGreaterThan(800)
    const expected = (y + window.innerHeight) / pageHeight
    expect(attune.getProfile().scroll.depth).toBeGreaterThan(expected - 0.01)
    expect(attune.getProfile().scroll.depth).toBeLessThan(expected + 0.01)
    expect(attune.getProfile().scroll.velocity).toBeGreaterThan(0)

    // Scrolling back up does not lower the deepest point seen.
    await wheel(-800)
    attune.flush()
    expect(attune.getProfile().scroll.depth).toBeCloseTo(expected, 2)
    view.unmount()
  })

  it('gives each section its visible time, within a tolerance', async () => {
    const view = mount()
    await settle()
    const start = performance.now()
    await sleep(1200)
    // Scroll exactly one section down: 'intro' leaves, 'features' comes in.
    const scrollStart = performance.now()
    await wheel(SECTION_HEIGHT)
    const scrollEnd = performance.now()
    expect(window.scrollY).toBe(SECTION_HEIGHT)
    await sleep(1500)
    view.unmount() // reports the time not yet reported
    const end = performance.now()
    attune.flush()
    const { sections } = attune.getProfile()

    // 'intro' counted from the start until it scrolled out (during the scroll).
    expect(sections.intro!.dwellMs).toBeGreaterThan(scrollStart - start - TOLERANCE_MS)
    expect(sections.intro!.dwellMs).toBeLessThan(scrollEnd - start + TOLERANCE_MS)
    // 'features' from the scroll until the end.
    expect(sections.features!.dwellMs).toBeGreaterThan(end - scrollEnd - TOLERANCE_MS)
    expect(sections.features!.dwellMs).toBeLessThan(end - scrollStart + TOLERANCE_MS)
    expect(sections.features!.views).toBe(1)
    // Sections never seen have no time.
    expect(sections.reviews).toBeUndefined()
    expect(sections.footer).toBeUndefined()
  })

  it('counts a section taller than the viewport once it fills half of the viewport', async () => {
    function Long() {
      return (
        <PersonalizationProvider attune={attune}>
          <Section id="intro" />
          <Section id="story" height={3 * SECTION_HEIGHT} />
          <Section id="outro" />
        </PersonalizationProvider>
      )
    }
    const view = render(<Long />)
    await settle()
    // Three small steps: 'story' then fills 330 of 600 px, 55% of the
    // viewport, while only 18% of it is visible, between the observer's steps.
    for (let i = 0; i < 3; i++) await wheel(110)
    expect(window.scrollY).toBe(330)
    const start = performance.now()
    await sleep(1200)
    view.unmount()
    const elapsed = performance.now() - start
    attune.flush()
    const story = attune.getProfile().sections.story
    expect(story?.views).toBe(1)
    expect(story!.dwellMs).toBeGreaterThan(elapsed - TOLERANCE_MS)
    expect(story!.dwellMs).toBeLessThan(elapsed + TOLERANCE_MS)
  })

  it('stops dwell while the tab is hidden', async () => {
    // Headless Chromium never hides its tabs (switching tabs, minimizing the
    // window: the page stays 'visible'), so the test sets the page's
    // visibility state and sends the event the browser would send.
    let hidden = false
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') })
    try {
      const view = mount()
      await settle()
      await sleep(800)
      hidden = true
      document.dispatchEvent(new Event('visibilitychange'))
      const atHide = attune.getProfile().sections.intro!.dwellMs
      expect(atHide).toBeGreaterThan(800 - TOLERANCE_MS)
      await sleep(1500)
      attune.flush()
      expect(attune.getProfile().sections.intro!.dwellMs).toBe(atHide)
      hidden = false
      document.dispatchEvent(new Event('visibilitychange'))
      await sleep(600)
      view.unmount()
      attune.flush()
      const total = attune.getProfile().sections.intro!.dwellMs
      expect(total - atHide).toBeGreaterThan(600 - TOLERANCE_MS)
      expect(total - atHide).toBeLessThan(600 + TOLERANCE_MS)
    } finally {
      Reflect.deleteProperty(document, 'visibilityState')
    }
  })

  it('does not re-render the tracking component while scrolling, and commits at most once per frame', async () => {
    let commits = 0
    attune.subscribe(() => commits++)
    mount()
    await settle()
    expect(renders).toBe(1)
    let frames = 0
    let counting = true
    const countFrames = () => {
      frames++
      if (counting) requestAnimationFrame(countFrames)
    }
    requestAnimationFrame(countFrames)
    commits = 0
    for (let i = 0; i < 4; i++) await wheel(300)
    await wheel(-600)
    counting = false
    expect(commits).toBeGreaterThan(0)
    expect(commits).toBeLessThanOrEqual(frames)
    expect(renders).toBe(1)
  })

  it('commits a scroll sample a listener needs in the frame of its scroll event, before that frame is painted', async () => {
    const view = mount()
    await settle()
    // A listener without `needs` needs every sample (as useBehavior does):
    // without one, samples wait for a later commit (test/core/waiting-samples).
    const stopListening = attune.subscribe(() => {})
    // Animation frame callbacks asked for in a scroll event run in that same
    // frame (the scroll steps come before them), in the order asked: this
    // one after the tracker's, since the recorder's listener came first.
    const gaps: number[] = []
    const onScroll = () =>
      requestAnimationFrame(() => {
        const depth = (window.scrollY + window.innerHeight) / document.documentElement.scrollHeight
        gaps.push(Math.abs(attune.getProfile().scroll.depth - depth))
      })
    window.addEventListener('scroll', onScroll, { passive: true })
    try {
      for (let i = 0; i < 3; i++) await wheel(300)
    } finally {
      window.removeEventListener('scroll', onScroll)
      stopListening()
    }
    expect(gaps.length).toBeGreaterThan(0)
    // Committed already: before, the sample waited for the next frame.
    for (const gap of gaps) expect(gap).toBeLessThan(1e-9)
    view.unmount()
  })
})
