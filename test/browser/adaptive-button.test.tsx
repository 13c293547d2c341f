import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import '../../src/styles.css'
import { AdaptiveButton, BUTTON_TONES, createAttune, PersonalizationProvider, withDecisions, type ButtonVariant, type DecisionAttune, type MotionSetting } from '../../src'
import { axeViolations } from '../support/axe'

const frames = (n: number) => new Promise<void>((resolve) => (n <= 0 ? resolve() : requestAnimationFrame(() => void frames(n - 1).then(resolve))))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const make = (): DecisionAttune =>
  withDecisions(createAttune({ storage: 'memory', schedule: 'sync', consent: 'granted' }), {
    hold: 0,
    rules: { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] },
  })

function mount(variant: ButtonVariant, motion: MotionSetting = 'user', attune = make()) {
  const result = render(
    <PersonalizationProvider attune={attune} motion={motion}>
      <AdaptiveButton id="cta" variants={{ default: { label: 'Buy now' }, shopper: variant }} />
    </PersonalizationProvider>,
  )
  return { ...result, attune, button: result.getByRole('button') }
}

/** The button's scale as the browser renders it now (framer animates through WAAPI: style.transform stays as it was). */
const scaleOf = (element: Element) => new DOMMatrix(getComputedStyle(element).transform === 'none' ? undefined : getComputedStyle(element).transform).a

afterEach(async () => {
  cleanup()
  await commands.reducedMotion('no-preference')
  document.documentElement.removeAttribute('data-attune-theme')
})

describe('AdaptiveButton in Chromium', () => {
  for (const theme of ['light', 'dark']) {
    it(`has no axe violations in any tone, icon or animation (${theme} theme, with attune/styles.css)`, async () => {
      document.documentElement.setAttribute('data-attune-theme', theme)
      document.body.style.background = theme === 'dark' ? '#111827' : '#ffffff'
      for (const tone of BUTTON_TONES) {
        for (const extra of [{}, { icon: '★', animation: 'shimmer' as const }, { icon: '→', iconPosition: 'end' as const, animation: 'pulse' as const }]) {
          const { container, attune, button, unmount } = mount({ label: `Go ${tone}`, tone, ...extra })
          attune.track('add_to_cart')
          await frames(2)
          expect(button.dataset.tone).toBe(tone)
          expect(await axeViolations(container)).toEqual([])
          unmount()
        }
      }
      document.body.style.background = ''
    })
  }

  it('is reached and pressed with the keyboard alone', async () => {
    const { attune, button } = mount({ label: 'Check out' })
    button.blur()
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toBe(button)
    await userEvent.keyboard('{Enter}')
    await userEvent.keyboard(' ')
    expect(attune.getProfile().clicks.cta?.count).toBe(2)
  })

  it('pulses when its variant appears, and stops after its cycles', async () => {
    const { attune, button } = mount({ label: 'Check out', animation: 'pulse' }, 'full')
    attune.track('add_to_cart')
    // Mid-cycle the button is scaled up; the sample can see an animation.
    await expect.poll(() => scaleOf(button)).toBeGreaterThan(1.005)
    const animations = button.getAnimations()
    expect(animations.length).toBeGreaterThan(0)
    // Nothing loops forever: each animation has an end, within 5 s (WCAG 2.2.2).
    for (const animation of animations) {
      const end = animation.effect!.getComputedTiming().endTime as number
      expect(end).toBeLessThanOrEqual(5000)
    }
  })

  it('under emulated reduced motion, runs no transform animation, and follows the OS setting as it changes', async () => {
    await commands.reducedMotion('reduce')
    await frames(2)
    const { attune, button } = mount({ label: 'Check out', animation: 'pulse' })
    attune.track('add_to_cart')
    await expect.element(button).toHaveAttribute('data-variant', 'shopper')
    // Not a wait for a state: the time in which a pulse, were it allowed, would have started.
    await sleep(350)
    expect(getComputedStyle(button).transform).toBe('none')
    expect(button.getAnimations()).toHaveLength(0)

    // The setting is followed live: back to full motion, a new variant moves.
    await commands.reducedMotion('no-preference')
    await frames(2)
    cleanup()
    const again = mount({ label: 'Check out', animation: 'pop' })
    again.attune.track('add_to_cart')
    await expect.poll(() => again.button.getAnimations().length).toBeGreaterThan(0)
  })

  it("under the provider's motion='reduce', moves nothing whatever the OS says", async () => {
    const { attune, button } = mount({ label: 'Check out', animation: 'shimmer' }, 'reduce')
    attune.track('add_to_cart')
    await expect.element(button).toHaveAttribute('data-variant', 'shopper')
    // Not a wait for a state: the time in which a sheen, were it allowed, would have started.
    await sleep(300)
    expect(button.querySelector('[data-attune-part="sheen"]')).toBeNull()
    expect(button.getAnimations({ subtree: true })).toHaveLength(0)
  })
})
