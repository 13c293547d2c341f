import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Profiler, StrictMode, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { createAttune, PersonalizationProvider, withDecisions, type DecisionAttune, type ErrorReporter, type Profile } from '../../src'
import { createProfile } from '../../src/core'
import { SmartCarousel, type CarouselItem, type CarouselVariant, type SmartCarouselProps } from '../../src/components/SmartCarousel'
import type { MotionSetting } from '../../src/motion/policy'
import { hydrateWithoutWarnings } from '../support/hydrate'

const ITEMS: CarouselItem[] = [
  { id: 'a', category: 'news', content: <p>Today’s news</p> },
  { id: 'b', category: 'shoes', content: <p>Running shoes</p>, label: 'Running shoes' },
  { id: 'c', category: 'hats', content: <p>Summer hats</p> },
]

const VARIANTS = {
  default: {},
  browser: { perView: 2, density: 'compact' },
  grid: { perView: 3 },
  'browser+grid': { perView: 3, density: 'compact', personalize: false },
} satisfies Record<string, CarouselVariant>

const RULES = { segments: [{ id: 'browser', when: { event: 'browse', count: { gte: 1 }, within: '10m' } }] }
const EXPERIMENTS = [{ id: 'layout', arms: { single: 50, grid: 50 } }]

function makeInstance(): DecisionAttune {
  return withDecisions(createAttune({ consent: 'granted', storage: 'memory', schedule: 'sync' }), { hold: 0, rules: RULES, experiments: EXPERIMENTS })
}

/** An instance whose visitor is in the given arm (bucketing is by random visitor id). */
function instanceInArm(arm: string): DecisionAttune {
  for (let tries = 0; tries < 200; tries++) {
    const instance = makeInstance()
    if (instance.arm('layout') === arm) return instance
  }
  throw new Error(`no visitor landed in arm ${arm}`)
}

let attune: DecisionAttune
let onError: Mock<ErrorReporter>

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] })
  vi.setSystemTime(Date.UTC(2026, 0, 15, 12))
  attune = makeInstance()
  onError = vi.fn<ErrorReporter>()
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

function wrap(children: ReactNode, motion: MotionSetting = 'full') {
  return (
    <PersonalizationProvider attune={attune} motion={motion} onError={onError}>
      {children}
    </PersonalizationProvider>
  )
}

function Carousel(props: Partial<SmartCarouselProps>) {
  return <SmartCarousel id="picks" items={ITEMS} variants={VARIANTS} {...props} />
}

const region = () => screen.getByRole('region')
/** Every slide, in view or not, in document order. */
const slides = () => screen.getAllByRole('group', { hidden: true })
const order = () => slides().map((slide) => slide.dataset.category)
/** The names of the slides in view (out of view they are aria-hidden, so not found by role). */
const visible = () => screen.queryAllByRole('group').map((slide) => slide.getAttribute('aria-label'))
/**
 * user-event, on real timers: Testing Library waits a real `setTimeout(0)`
 * after each action, which fake timers would never run.
 */
function user() {
  vi.useRealTimers()
  return userEvent.setup()
}
/** A mouse entering and leaving (React derives pointerenter and pointerleave from over and out). */
const hover = (element: Element) => fireEvent.pointerOver(element, { pointerType: 'mouse' })
const unhover = (element: Element) => fireEvent.pointerOut(element, { pointerType: 'mouse' })

describe('variants', () => {
  it.each([
    ['single', 'default', 'browser', 2, 'compact'],
    ['grid', 'grid', 'browser+grid', 3, 'compact'],
  ])('arm %s: %s, then %s once the visitor is in the segment', (arm, before, after, perView, density) => {
    attune = instanceInArm(arm)
    render(wrap(<Carousel experiment="layout" />))
    expect(region()).toHaveAttribute('data-variant', before)
    expect(region()).toHaveAttribute('data-arm', arm)
    expect(region()).not.toHaveAttribute('data-segment')
    act(() => attune.track('browse'))
    expect(region()).toHaveAttribute('data-variant', after)
    expect(region()).toHaveAttribute('data-segment', 'browser')
    expect(region()).toHaveAttribute('data-density', density)
    expect(visible()).toHaveLength(perView)
  })

  it('the segment alone picks its variant without an experiment', () => {
    render(wrap(<Carousel />))
    expect(visible()).toEqual(['1 of 3'])
    act(() => attune.track('browse'))
    expect(region()).toHaveAttribute('data-variant', 'browser')
    expect(region()).toHaveAttribute('data-density', 'compact')
    expect(visible()).toEqual(['1 of 3', '2 of 3: Running shoes'])
  })
})

describe('order by affinity', () => {
  it('puts the category the visitor dwelt on and clicked first, and says why', () => {
    render(wrap(<Carousel />))
    expect(order()).toEqual(['news', 'shoes', 'hats'])
    expect(screen.queryByText('Based on your recent interest')).toBeNull()
    expect(region()).toHaveAttribute('data-reordered', 'false')

    act(() => attune.record({ type: 'dwell', id: 'hats:summer-banner', ms: 20_000 }))
    expect(order()).toEqual(['hats', 'news', 'shoes'])
    const reason = screen.getByText('Based on your recent interest')
    expect(reason).toHaveAttribute('data-attune', 'carousel-reason')
    // The reason describes the region, so screen readers hear it with the carousel's name.
    expect(region()).toHaveAccessibleDescription('Based on your recent interest')
    // Names follow positions: the first slide is "1 of 3" whatever it holds.
    expect(visible()).toEqual(['1 of 3'])
    expect(slides()[0]).toHaveTextContent('Summer hats')

    act(() => {
      attune.record({ type: 'click', id: 'shoes:trail' })
      attune.record({ type: 'click', id: 'shoes:trail' })
      attune.record({ type: 'click', id: 'shoes:road' })
    })
    expect(order()).toEqual(['shoes', 'hats', 'news'])
  })

  it('re-renders only when the order changes', () => {
    let commits = 0
    render(
      wrap(
        <Profiler id="carousel" onRender={() => commits++}>
          <Carousel />
        </Profiler>,
      ),
    )
    const settled = commits
    act(() => {
      attune.record({ type: 'click', id: 'elsewhere' })
      attune.record({ type: 'dwell', id: 'news', ms: 1000 }) // news is already first: same order
    })
    expect(commits).toBe(settled)
    act(() => attune.record({ type: 'click', id: 'hats' }))
    expect(order()).toEqual(['hats', 'news', 'shoes'])
    expect(commits).toBeGreaterThan(settled)
  })

  it('keeps the given order when the variant does not personalize, and with no reason shown', () => {
    render(wrap(<Carousel variants={{ default: { personalize: false } }} />))
    act(() => attune.record({ type: 'dwell', id: 'hats', ms: 60_000 }))
    expect(order()).toEqual(['news', 'shoes', 'hats'])
    expect(screen.queryByText('Based on your recent interest')).toBeNull()
  })

  it('hides the reason when showReason is false, and translates it', () => {
    const { rerender } = render(wrap(<Carousel showReason={false} />))
    act(() => attune.record({ type: 'click', id: 'hats' }))
    expect(order()[0]).toBe('hats')
    expect(screen.queryByText('Based on your recent interest')).toBeNull()
    rerender(wrap(<Carousel labels={{ reason: 'Selon vos intérêts récents' }} />))
    expect(screen.getByText('Selon vos intérêts récents')).toBeInTheDocument()
  })

  it('records a click in a slide under its category, so choices feed the order', () => {
    render(wrap(<Carousel />))
    fireEvent.click(screen.getByText('Today’s news'))
    expect(attune.getProfile().clicks['news:a']?.count).toBe(1)
    render(wrap(<Carousel id="quiet" trackClicks={false} />))
    fireEvent.click(screen.getAllByText('Running shoes')[1]!)
    expect(attune.getProfile().clicks['shoes:b']).toBeUndefined()
  })
})

describe('no reorder while the visitor uses the carousel', () => {
  it('waits while hovered, and applies the new order on leaving', () => {
    render(wrap(<Carousel />))
    hover(region())
    act(() => attune.record({ type: 'dwell', id: 'hats', ms: 30_000 }))
    expect(order()).toEqual(['news', 'shoes', 'hats'])
    expect(screen.queryByText('Based on your recent interest')).toBeNull()
    unhover(region())
    expect(order()).toEqual(['hats', 'news', 'shoes'])
    expect(screen.getByText('Based on your recent interest')).toBeInTheDocument()
  })

  it('waits while focus is inside, and applies the new order when it leaves', () => {
    render(
      wrap(
        <>
          <Carousel />
          <button type="button">Outside</button>
        </>,
      ),
    )
    act(() => screen.getByRole('button', { name: 'Next slide' }).focus())
    act(() => attune.record({ type: 'click', id: 'hats' }))
    expect(order()).toEqual(['news', 'shoes', 'hats'])
    // Moving focus within the carousel is still using it.
    act(() => screen.getByRole('button', { name: 'Previous slide' }).focus())
    expect(order()).toEqual(['news', 'shoes', 'hats'])
    act(() => screen.getByRole('button', { name: 'Outside' }).focus())
    expect(order()).toEqual(['hats', 'news', 'shoes'])
  })

  it('waits while a pointer is pressed, wherever it is released', () => {
    render(wrap(<Carousel />))
    fireEvent.pointerDown(slides()[0]!, { pointerId: 1, isPrimary: true, clientX: 100, clientY: 10 })
    act(() => attune.record({ type: 'click', id: 'hats' }))
    expect(order()).toEqual(['news', 'shoes', 'hats'])
    fireEvent.pointerUp(window, { pointerId: 1 })
    expect(order()).toEqual(['hats', 'news', 'shoes'])
  })
})

describe('WAI-ARIA carousel pattern', () => {
  it('is a labelled region of slides named "n of m", with out-of-view slides hidden', () => {
    render(wrap(<Carousel />))
    const carousel = screen.getByRole('region', { name: 'Featured items' })
    expect(carousel.tagName).toBe('SECTION')
    expect(carousel).toHaveAttribute('aria-roledescription', 'carousel')
    expect(slides().map((slide) => slide.getAttribute('aria-label'))).toEqual(['1 of 3', '2 of 3: Running shoes', '3 of 3'])
    for (const slide of slides()) expect(slide).toHaveAttribute('aria-roledescription', 'slide')
    const [first, second, third] = slides()
    expect(first).not.toHaveAttribute('aria-hidden')
    expect(first).not.toHaveAttribute('inert')
    for (const hidden of [second!, third!]) {
      expect(hidden).toHaveAttribute('aria-hidden', 'true')
      expect(hidden).toHaveAttribute('inert')
      expect(hidden).toHaveAttribute('data-state', 'hidden')
    }
    // The buttons control the slides' container, a polite live region while not rotating.
    const track = carousel.querySelector('[data-attune="carousel-track"]')!
    expect(track).toHaveAttribute('aria-live', 'polite')
    expect(screen.getByRole('button', { name: 'Previous slide' })).toHaveAttribute('aria-controls', track.id)
    expect(screen.getByRole('button', { name: 'Next slide' })).toHaveAttribute('aria-controls', track.id)
    // No autoplay in this variant: no rotation control.
    expect(screen.queryByRole('button', { name: /automatic slide show/ })).toBeNull()
    // Works without a stylesheet: the view clips the track, and vertical panning stays with the browser.
    const viewport = carousel.querySelector<HTMLElement>('[data-attune="carousel-viewport"]')!
    expect(viewport.style.overflow).toBe('hidden')
    expect(viewport.style.touchAction).toBe('pan-y')
  })

  it('takes every string from props, for other languages', () => {
    render(
      wrap(
        <Carousel
          label="À la une"
          variants={{ default: { autoplay: true } }}
          labels={{
            carousel: 'carrousel',
            slideRole: 'diapositive',
            slide: (n, total) => `${n} sur ${total}`,
            previous: 'Diapositive précédente',
            next: 'Diapositive suivante',
            stop: 'Arrêter le défilement',
            start: 'Lancer le défilement',
          }}
        />,
      ),
    )
    const carousel = screen.getByRole('region', { name: 'À la une' })
    expect(carousel).toHaveAttribute('aria-roledescription', 'carrousel')
    expect(slides().map((slide) => slide.getAttribute('aria-label'))).toEqual(['1 sur 3', '2 sur 3', '3 sur 3'])
    expect(slides()[0]).toHaveAttribute('aria-roledescription', 'diapositive')
    expect(screen.getByRole('button', { name: 'Diapositive précédente' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Diapositive suivante' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Arrêter le défilement' }))
    expect(screen.getByRole('button', { name: 'Lancer le défilement' })).toBeInTheDocument()
  })

  it('can be named by a visible heading instead', () => {
    render(
      wrap(
        <>
          <h2 id="picks-title">Picked for you</h2>
          <Carousel aria-labelledby="picks-title" />
        </>,
      ),
    )
    expect(screen.getByRole('region', { name: 'Picked for you' })).not.toHaveAttribute('aria-label')
  })

  it('has nothing to move when every item fits in view', () => {
    render(wrap(<Carousel variants={{ default: { perView: 3, autoplay: true } }} />))
    expect(screen.queryAllByRole('button')).toEqual([])
    expect(visible()).toHaveLength(3)
  })
})

describe('navigation', () => {
  it('moves with previous and next, wrapping at both ends', () => {
    render(wrap(<Carousel />))
    const next = screen.getByRole('button', { name: 'Next slide' })
    const previous = screen.getByRole('button', { name: 'Previous slide' })
    fireEvent.click(next)
    expect(visible()).toEqual(['2 of 3: Running shoes'])
    fireEvent.click(next)
    expect(visible()).toEqual(['3 of 3'])
    fireEvent.click(next)
    expect(visible()).toEqual(['1 of 3'])
    fireEvent.click(previous)
    expect(visible()).toEqual(['3 of 3'])
  })

  it('moves by one slide with several in view, and stops at the last full view', () => {
    render(wrap(<Carousel variants={{ default: { perView: 2 } }} />))
    fireEvent.click(screen.getByRole('button', { name: 'Next slide' }))
    expect(visible()).toEqual(['2 of 3: Running shoes', '3 of 3'])
    fireEvent.click(screen.getByRole('button', { name: 'Next slide' }))
    expect(visible()).toEqual(['1 of 3', '2 of 3: Running shoes'])
  })

  it('moves with the arrow keys, Home and End, from the controls or the slides', async () => {
    const u = user()
    render(wrap(<Carousel items={[...ITEMS, { id: 'd', category: 'bags', content: <a href="#bags">Bags</a> }]} />))
    await u.tab()
    expect(screen.getByRole('button', { name: 'Previous slide' })).toHaveFocus()
    await u.keyboard('{ArrowRight}')
    expect(visible()).toEqual(['2 of 4: Running shoes'])
    await u.keyboard('{End}')
    expect(visible()).toEqual(['4 of 4'])
    await u.keyboard('{ArrowRight}')
    expect(visible()).toEqual(['1 of 4'])
    await u.keyboard('{ArrowLeft}')
    expect(visible()).toEqual(['4 of 4'])
    // From a link inside the last slide: the slide leaves the view, so focus follows to the one that comes in.
    await u.tab()
    await u.tab()
    expect(screen.getByRole('link', { name: 'Bags' })).toHaveFocus()
    await u.keyboard('{Home}')
    expect(visible()).toEqual(['1 of 4'])
    expect(slides()[0]).toHaveFocus()
    await u.keyboard('{ArrowRight}')
    expect(visible()).toEqual(['2 of 4: Running shoes'])
    expect(slides()[1]).toHaveFocus()
  })

  it('leaves the arrow keys to fields inside a slide', async () => {
    const u = user()
    render(wrap(<Carousel items={[{ id: 'f', category: 'search', content: <input aria-label="Search" defaultValue="hats" /> }, ...ITEMS]} />))
    await u.click(screen.getByRole('textbox', { name: 'Search' }))
    await u.keyboard('{ArrowLeft}{Home}{End}')
    expect(visible()).toEqual(['1 of 4'])
  })

  it('moves with a swipe past the threshold, not with a shorter one or a vertical one', () => {
    render(wrap(<Carousel />))
    const viewport = region().querySelector('[data-attune="carousel-viewport"]')!
    const swipe = (dx: number, dy = 0) => {
      fireEvent.pointerDown(viewport, { pointerId: 1, isPrimary: true, pointerType: 'touch', clientX: 200, clientY: 100 })
      fireEvent.pointerMove(viewport, { pointerId: 1, isPrimary: true, pointerType: 'touch', clientX: 200 + dx, clientY: 100 + dy })
      fireEvent.pointerUp(viewport, { pointerId: 1, isPrimary: true, pointerType: 'touch', clientX: 200 + dx, clientY: 100 + dy })
    }
    swipe(-20)
    expect(visible()).toEqual(['1 of 3'])
    swipe(-60, 80)
    expect(visible()).toEqual(['1 of 3'])
    swipe(-60)
    expect(visible()).toEqual(['2 of 3: Running shoes'])
    swipe(60)
    expect(visible()).toEqual(['1 of 3'])
  })

  it('a drag does not count as a click on the slide it ends on', () => {
    const clicked = vi.fn()
    render(wrap(<Carousel items={[{ id: 'x', category: 'x', content: <button onClick={clicked}>Open</button> }, ...ITEMS]} />))
    const target = screen.getByRole('button', { name: 'Open' })
    fireEvent.pointerDown(target, { pointerId: 1, isPrimary: true, pointerType: 'mouse', button: 0, clientX: 300, clientY: 10 })
    fireEvent.pointerUp(target, { pointerId: 1, isPrimary: true, pointerType: 'mouse', button: 0, clientX: 200, clientY: 10 })
    fireEvent.click(target)
    expect(clicked).not.toHaveBeenCalled()
    expect(attune.getProfile().clicks['x:x']).toBeUndefined()
    // The next real click goes through.
    act(() => void vi.advanceTimersByTime(0))
    fireEvent.click(screen.getAllByRole('button', { name: 'Open', hidden: true })[0]!)
    expect(clicked).toHaveBeenCalledTimes(1)
  })
})

describe('autoplay', () => {
  const AUTO = { default: { autoplay: true, interval: 4000 } }
  const rotation = () => screen.getByRole('button', { name: /automatic slide show/ })
  const track = () => region().querySelector('[data-attune="carousel-track"]')!

  it('rotates every interval with the live region off, and stops for good when focus enters', () => {
    render(wrap(<Carousel variants={AUTO} />))
    expect(region()).toHaveAttribute('data-playing', 'true')
    expect(track()).toHaveAttribute('aria-live', 'off')
    expect(rotation()).toHaveAccessibleName('Stop automatic slide show')
    act(() => void vi.advanceTimersByTime(3999))
    expect(visible()).toEqual(['1 of 3'])
    act(() => void vi.advanceTimersByTime(1))
    expect(visible()).toEqual(['2 of 3: Running shoes'])
    act(() => void vi.advanceTimersByTime(4000))
    expect(visible()).toEqual(['3 of 3'])
    act(() => void vi.advanceTimersByTime(4000))
    expect(visible()).toEqual(['1 of 3']) // wrapped around

    // APG: focus stops rotation, and it does not resume when focus leaves.
    act(() => rotation().focus())
    expect(region()).toHaveAttribute('data-playing', 'false')
    expect(track()).toHaveAttribute('aria-live', 'polite')
    expect(rotation()).toHaveAccessibleName('Start automatic slide show')
    act(() => rotation().blur())
    act(() => void vi.advanceTimersByTime(20_000))
    expect(visible()).toEqual(['1 of 3'])

    // Only the rotation control restarts it.
    fireEvent.click(rotation())
    expect(rotation()).toHaveAccessibleName('Stop automatic slide show')
    act(() => void vi.advanceTimersByTime(4000))
    expect(visible()).toEqual(['2 of 3: Running shoes'])
  })

  it('pauses while hovered and resumes on leaving', () => {
    render(wrap(<Carousel variants={AUTO} />))
    hover(slides()[0]!)
    expect(region()).toHaveAttribute('data-playing', 'false')
    // Paused, not stopped: the control still offers to stop.
    expect(rotation()).toHaveAccessibleName('Stop automatic slide show')
    act(() => void vi.advanceTimersByTime(12_000))
    expect(visible()).toEqual(['1 of 3'])
    unhover(slides()[0]!)
    expect(region()).toHaveAttribute('data-playing', 'true')
    act(() => void vi.advanceTimersByTime(4000))
    expect(visible()).toEqual(['2 of 3: Running shoes'])
  })

  it('a press on the rotation control stops it (its focus does not toggle it twice)', () => {
    render(wrap(<Carousel variants={AUTO} />))
    fireEvent.pointerDown(rotation(), { pointerId: 1, isPrimary: true, pointerType: 'mouse' })
    act(() => rotation().focus())
    fireEvent.pointerUp(rotation(), { pointerId: 1 })
    fireEvent.click(rotation())
    expect(rotation()).toHaveAccessibleName('Start automatic slide show')
  })

  it('stops when the visitor navigates', () => {
    render(wrap(<Carousel variants={AUTO} />))
    fireEvent.click(screen.getByRole('button', { name: 'Next slide' }))
    expect(visible()).toEqual(['2 of 3: Running shoes'])
    act(() => void vi.advanceTimersByTime(20_000))
    expect(visible()).toEqual(['2 of 3: Running shoes'])
  })

  it('never starts by itself under motion="reduce"; the visitor may start it', () => {
    render(wrap(<Carousel variants={AUTO} />, 'reduce'))
    expect(region()).toHaveAttribute('data-playing', 'false')
    expect(track()).toHaveAttribute('aria-live', 'polite')
    act(() => void vi.advanceTimersByTime(60_000))
    expect(visible()).toEqual(['1 of 3'])
    expect(rotation()).toHaveAccessibleName('Start automatic slide show')
    fireEvent.click(rotation())
    act(() => void vi.advanceTimersByTime(4000))
    expect(visible()).toEqual(['2 of 3: Running shoes'])
  })

  it('never starts by itself when the OS asks for reduced motion', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), media: query, addEventListener() {}, removeEventListener() {} }))
    render(wrap(<Carousel variants={AUTO} />, 'user'))
    act(() => void vi.advanceTimersByTime(60_000))
    expect(visible()).toEqual(['1 of 3'])
    expect(region()).toHaveAttribute('data-playing', 'false')
  })
})

describe('error isolation', () => {
  it('shows the default variant when the chosen one is invalid, and reports it once', () => {
    render(wrap(<Carousel variants={{ default: { perView: 2 }, browser: { perView: 9, interval: 100 } }} />))
    act(() => attune.track('browse'))
    act(() => attune.track('browse'))
    expect(region()).toHaveAttribute('data-variant', 'default')
    expect(visible()).toHaveLength(2)
    expect(onError).toHaveBeenCalledTimes(1)
    const [error, info] = onError.mock.calls[0]!
    expect(String(error)).toMatch(/variant "browser" has "perView" 9; expected a whole number from 1 to 4/)
    expect(info).toEqual({ component: '<SmartCarousel id="picks">' })
  })

  it('rejects an interval too short to read a slide', () => {
    render(wrap(<Carousel variants={{ default: {}, browser: { autoplay: true, interval: 1000 } }} />))
    act(() => attune.track('browse'))
    expect(region()).toHaveAttribute('data-variant', 'default')
    expect(String(onError.mock.calls[0]![0])).toMatch(/"interval" 1000; expected a duration \(milliseconds, or a string such as "5s"\) ≥ 3000 ms/)
  })

  it('shows the default variant when the engine throws, and reports it once', () => {
    vi.spyOn(attune, 'decide').mockImplementation(() => {
      throw new Error('engine down')
    })
    render(wrap(<Carousel variants={{ default: { perView: 2 }, browser: { perView: 1 } }} />))
    act(() => attune.track('browse'))
    act(() => attune.record({ type: 'click', id: 'hats' }))
    expect(region()).toHaveAttribute('data-variant', 'default')
    expect(visible()).toHaveLength(2)
    // Personalization still works: only the decision failed.
    expect(order()[0]).toBe('hats')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]![0]).toEqual(new Error('engine down'))
  })

  it('renders the default variant, in the given order, when the instance has no engine', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const bare = createAttune({ consent: 'granted', storage: 'memory', schedule: 'sync' })
    bare.record({ type: 'click', id: 'hats' })
    render(
      <PersonalizationProvider attune={bare} motion="full" onError={onError}>
        <Carousel variants={{ default: { perView: 2 } }} />
      </PersonalizationProvider>,
    )
    expect(region()).toHaveAttribute('data-variant', 'default')
    expect(order()).toEqual(['news', 'shoes', 'hats'])
    expect(visible()).toHaveLength(2)
    fireEvent.click(screen.getByRole('button', { name: 'Next slide' }))
    expect(visible()).toEqual(['2 of 3: Running shoes', '3 of 3'])
    expect(onError).toHaveBeenCalledTimes(1)
    expect(String(onError.mock.calls[0]![0])).toMatch(/needs the decision engine/)
    errors.mockRestore()
  })
})

describe('server rendering', () => {
  it('hydrates the personal order of the initial profile without a mismatch', async () => {
    const initialProfile: Profile = { ...createProfile(Date.now()), clicks: { 'hats:x': { count: 2, last: Date.now() } } }
    const server = withDecisions(createAttune({ storage: 'memory', initialProfile }), { rules: RULES })
    const html = renderToString(
      <PersonalizationProvider attune={server}>
        <Carousel />
      </PersonalizationProvider>,
    )
    expect(html.indexOf('Summer hats')).toBeLessThan(html.indexOf('Today’s news'))
    expect(html).toContain('Based on your recent interest')

    attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync', initialProfile }), { rules: RULES })
    const container = await hydrateWithoutWarnings(
      html,
      <StrictMode>
        <PersonalizationProvider attune={attune}>
          <Carousel />
        </PersonalizationProvider>
      </StrictMode>,
    )
    expect(within(container).getAllByRole('group', { hidden: true })[0]).toHaveTextContent('Summer hats')
    container.remove()
  })
})
