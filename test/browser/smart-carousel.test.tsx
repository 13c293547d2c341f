import { act, cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commands, page, userEvent } from 'vitest/browser'
import { createAttune, PersonalizationProvider, withDecisions, type DecisionAttune } from '../../src'
import { SmartCarousel, type CarouselItem, type CarouselVariant } from '../../src/components/SmartCarousel'
import type { MotionSetting } from '../../src/motion/policy'
import { axeViolations } from '../support/axe'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise(requestAnimationFrame)
}

/**
 * Animations are sampled on every frame for this many frames after a change
 * (about 200 ms at 60 Hz), and the test looks at all the samples, not at one
 * frame: on a busy machine frames come late, and a single late sample may
 * find a running animation already near its end.
 */
const SAMPLED_FRAMES = 12

/** `read()` on each of the next `SAMPLED_FRAMES` frames. */
async function sampleFrames<T>(read: () => T): Promise<T[]> {
  const samples: T[] = []
  for (let i = 0; i < SAMPLED_FRAMES; i++) {
    await frames(1)
    samples.push(read())
  }
  return samples
}

const ITEMS: CarouselItem[] = ['news', 'shoes', 'hats', 'bags'].map((category, i) => ({
  id: `item-${i}`,
  category,
  label: category[0]!.toUpperCase() + category.slice(1),
  content: (
    <article style={{ padding: 16, minHeight: 120 }}>
      <h3 style={{ margin: 0 }}>{category}</h3>
      <a href={`#${category}`}>See {category}</a>
    </article>
  ),
}))

/** Every variant the fixture shows; each must pass axe. */
const VARIANTS = {
  default: {},
  compact: { perView: 2, density: 'compact', autoplay: true, interval: 3000 },
  wide: { perView: 3, personalize: false },
  all: { perView: 4 },
} satisfies Record<string, CarouselVariant>

let attune: DecisionAttune

beforeEach(async () => {
  await page.viewport(800, 600)
  document.body.style.margin = '0'
  attune = withDecisions(createAttune({ consent: 'granted', storage: 'memory', schedule: 'sync' }))
})

afterEach(async () => {
  cleanup()
  await commands.reducedMotion('no-preference')
  await frames(2)
})

function mount(variant: CarouselVariant, motion: MotionSetting = 'user') {
  return render(
    // Away from the page's corner, where the test runner's pointer may rest.
    <div style={{ padding: '120px 40px', fontFamily: 'system-ui, sans-serif', color: '#1a1a1a', background: '#fff' }}>
      <PersonalizationProvider attune={attune} motion={motion}>
        <button type="button">Before</button>
        <SmartCarousel id="picks" label="Picks for you" items={ITEMS} variants={{ default: variant }} />
        <button type="button">After</button>
      </PersonalizationProvider>
    </div>,
  )
}

const region = () => document.querySelector<HTMLElement>('[data-attune="carousel"]')!
const track = () => region().querySelector<HTMLElement>('[data-attune="carousel-track"]')!
const button = (name: RegExp) => [...document.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!
const visibleNames = () => [...region().querySelectorAll('[data-attune="carousel-slide"]:not([aria-hidden])')].map((slide) => slide.getAttribute('aria-label'))
/** The x translation of an element, as the browser computes it now. */
const translateX = (element: Element) => new DOMMatrixReadOnly(getComputedStyle(element).transform === 'none' ? undefined : getComputedStyle(element).transform).m41

describe('SmartCarousel in Chromium', () => {
  it.each(Object.entries(VARIANTS) as [string, CarouselVariant][])('has no axe violations in the %s variant', async (_name, variant) => {
    const { container } = mount(variant)
    await frames(2)
    expect(await axeViolations(container)).toEqual([])
    // After a move, with other slides in view (when there is somewhere to go).
    if (variant.perView === ITEMS.length) return
    button(/Next slide/).click()
    // Once the slide change has run: no moving track under axe.
    await frames(2)
    await expect.poll(() => track().getAnimations({ subtree: true }).length).toBe(0)
    expect(await axeViolations(container)).toEqual([])
  })

  it('has no axe violations when personalized, with the reason shown', async () => {
    attune.record({ type: 'click', id: 'bags:item-3' })
    const { container } = mount({})
    await frames(2)
    expect(region().querySelector('[data-attune="carousel-reason"]')).toHaveTextContent('Based on your recent interest')
    expect(await axeViolations(container)).toEqual([])
  })

  it('walks with the keyboard alone, and focus never lands in a hidden slide', async () => {
    mount(VARIANTS.compact)
    // Keyboard alone: the pointer, wherever an earlier test left it, is moved off (a hover pauses rotation).
    await userEvent.hover(button(/After/))
    const visited: Element[] = []
    const tab = async (shift = false) => {
      await userEvent.keyboard(shift ? '{Shift>}{Tab}{/Shift}' : '{Tab}')
      const active = document.activeElement!
      visited.push(active)
      expect(active.closest('[aria-hidden="true"], [inert]')).toBeNull()
      return active
    }
    button(/Before/).focus()
    // APG order: the rotation control, previous, next, then the slides' content.
    expect(await tab()).toBe(button(/automatic slide show/))
    // Focus stops rotation (APG), for good.
    expect(region()).toHaveAttribute('data-playing', 'false')
    expect(button(/automatic slide show/)).toHaveTextContent('Start automatic slide show')
    expect(await tab()).toBe(button(/Previous slide/))
    expect(await tab()).toBe(button(/Next slide/))
    await userEvent.keyboard('{Enter}')
    expect(visibleNames()).toEqual(['2 of 4: Shoes', '3 of 4: Hats'])
    await userEvent.keyboard(' ')
    expect(visibleNames()).toEqual(['3 of 4: Hats', '4 of 4: Bags'])
    // Arrows, Home and End from the controls.
    await userEvent.keyboard('{ArrowLeft}')
    expect(visibleNames()).toEqual(['2 of 4: Shoes', '3 of 4: Hats'])
    await userEvent.keyboard('{Home}')
    expect(visibleNames()).toEqual(['1 of 4: News', '2 of 4: Shoes'])
    // Into the slides: only the links of the two in view, then out of the carousel.
    expect(await tab()).toHaveTextContent('See news')
    expect(await tab()).toHaveTextContent('See shoes')
    expect(await tab()).toHaveTextContent('After')
    expect(await tab(true)).toHaveTextContent('See shoes')
    // Arrow from inside a slide: the slide that leaves takes no focus with it.
    await userEvent.keyboard('{End}')
    expect(visibleNames()).toEqual(['3 of 4: Hats', '4 of 4: Bags'])
    expect(document.activeElement).toBe(region().querySelector('[aria-label="3 of 4: Hats"]'))
    expect(await tab()).toHaveTextContent('See hats')
    expect(await tab()).toHaveTextContent('See bags')
    expect(await tab()).toHaveTextContent('After')
    // Back in, backwards: the last link in view, not one in a hidden slide.
    expect(await tab(true)).toHaveTextContent('See bags')
    // The rotation control starts rotation again from the keyboard.
    button(/automatic slide show/).focus()
    await userEvent.keyboard('{Enter}')
    expect(button(/automatic slide show/)).toHaveTextContent('Stop automatic slide show')
    expect(region()).toHaveAttribute('data-playing', 'true')
    expect(visited.length).toBeGreaterThan(8)
  })

  it('under reduced motion: no autoplay, and a slide change is instant', async () => {
    await commands.reducedMotion('reduce')
    await frames(2)
    mount(VARIANTS.compact)
    expect(region()).toHaveAttribute('data-playing', 'false')
    expect(button(/automatic slide show/)).toHaveTextContent('Start automatic slide show')
    await sleep(3200) // not a wait for a state: longer than the interval, in which autoplay would have moved
    expect(visibleNames()).toEqual(['1 of 4: News', '2 of 4: Shoes'])

    const slideWidth = region().querySelector('[data-attune="carousel-slide"]')!.getBoundingClientRect().width
    button(/Next slide/).click()
    // Instant: no frame shows the track between the two slides (the first
    // may show it still at the first, before the change renders), and it ends at the second.
    const samples = await sampleFrames(() => translateX(track()))
    expect(samples.filter((x) => x < -1 && x > -slideWidth + 1)).toEqual([])
    expect(samples.at(-1)).toBeCloseTo(-slideWidth, 0)
    expect(track().getAnimations()).toHaveLength(0)
  })

  it('in full motion the same sample sees the slide change still running (the check above can fail)', async () => {
    await commands.reducedMotion('no-preference')
    await frames(2)
    mount(VARIANTS.compact)
    expect(region()).toHaveAttribute('data-playing', 'true')
    const slideWidth = region().querySelector('[data-attune="carousel-slide"]')!.getBoundingClientRect().width
    button(/Next slide/).click()
    // Some frame shows the track between the two slides: it moved, it did not jump.
    const samples = await sampleFrames(() => translateX(track()))
    expect(samples.some((x) => x < -1 && x > -slideWidth + 1)).toBe(true)
    await expect.poll(() => translateX(track())).toBeCloseTo(-slideWidth, 0)
  })

  it('reorders with a layout animation in full motion, instantly under reduced motion, and never under the pointer', async () => {
    const sample = async (motion: MotionSetting) => {
      attune = withDecisions(createAttune({ consent: 'granted', storage: 'memory', schedule: 'sync' }))
      const view = mount(VARIANTS.all, motion)
      await frames(3)
      // Hovered: the new order waits.
      await userEvent.hover(region())
      act(() => attune.record({ type: 'click', id: 'bags:item-3' }))
      await frames(2)
      expect(region().querySelector('[data-attune="carousel-slide"]')).toHaveAttribute('data-category', 'news')
      await userEvent.hover(button(/After/))
      await userEvent.hover(button(/After/))
      // FLIP: the moved slide starts where it was and is carried to its new place by a transform.
      const offsets = await sampleFrames(() => Math.abs(translateX(region().querySelector('[data-category="bags"]')!)))
      expect(region().querySelector('[data-attune="carousel-slide"]')).toHaveAttribute('data-category', 'bags')
      view.unmount()
      return Math.max(...offsets)
    }
    expect(await sample('reduce')).toBeLessThan(1)
    expect(await sample('full')).toBeGreaterThan(1)
  })
})
