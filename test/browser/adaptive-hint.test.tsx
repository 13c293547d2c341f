import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { createAttune, PersonalizationProvider, withDecisions, type DecisionAttune, type Variants } from '../../src'
import { Adaptive } from '../../src/components/Adaptive'
import { AdaptiveHint, HINT_DELAY_MS, type HintAnimation, type HintVariant } from '../../src/components/AdaptiveHint'
import { axeViolations } from '../support/axe'

const frames = (n: number) => new Promise<void>((resolve) => (n <= 0 ? resolve() : requestAnimationFrame(() => void frames(n - 1).then(resolve))))

const RULES = { segments: [{ id: 'returning', when: { event: 'login', count: { gte: 1 } } }] }

type Hero = { title: string; lead: string }
const HERO: Variants<Hero> = {
  default: { title: 'Shoes that fit', lead: 'Free returns for 30 days.' },
  returning: { title: 'Welcome back', lead: 'Your size is saved.' },
}

const hintVariants = (animation: HintAnimation = 'fade'): Variants<HintVariant> => ({
  default: { text: 'Prices include VAT', animation },
  returning: { text: 'Same prices as last time, VAT included', animation },
})

function make(segment: 'default' | 'returning' = 'default'): DecisionAttune {
  const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync', consent: 'granted' }), { hold: 0, rules: RULES })
  if (segment === 'returning') attune.track('login')
  return attune
}

/** The fixture: a hero from Adaptive, and a button with its hint. Caps are lifted: these tests open the hint many times. */
function mount({ segment = 'default', animation = 'fade' }: { segment?: 'default' | 'returning'; animation?: HintAnimation } = {}) {
  const attune = make(segment)
  const view = render(
    <PersonalizationProvider attune={attune}>
      <Adaptive id="hero" variants={HERO}>
        {(variant, decision) => (
          <section aria-labelledby="hero-title" data-variant={decision.key}>
            <h2 id="hero-title">{variant.title}</h2>
            <p>{variant.lead}</p>
          </section>
        )}
      </Adaptive>
      <AdaptiveHint id="pricing-hint" variants={hintVariants(animation)} cap={{ perSession: 100, perDay: 20, cooldown: 0 }}>
        <button type="button">Pricing</button>
      </AdaptiveHint>
    </PersonalizationProvider>,
  )
  return { ...view, attune, button: view.getByRole('button', { name: 'Pricing' }) }
}

const hint = () => document.querySelector<HTMLElement>('[role="tooltip"]')

/** Resolves with the time the hint appears in the document. */
function appearance(): Promise<number> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!hint()) return
      observer.disconnect()
      resolve(performance.now())
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })
}

/** The hint's computed transform on each of the first frames after it appears, and whether any transform animation ran. */
async function sampleEntrance(button: HTMLElement) {
  const appeared = appearance()
  button.focus()
  await appeared
  const element = hint()!
  const transforms: string[] = [getComputedStyle(element).transform]
  let transformAnimations = 0
  // About a quarter of a second: the whole entrance (`pop` settles in about that, `fade` takes 200 ms).
  for (let i = 0; i < 15; i++) {
    await frames(1)
    transforms.push(getComputedStyle(element).transform)
    transformAnimations += element.getAnimations().filter((animation) => JSON.stringify((animation.effect as KeyframeEffect).getKeyframes()).includes('transform')).length
  }
  return { transforms, transformAnimations }
}

afterEach(async () => {
  cleanup()
  await commands.reducedMotion('no-preference')
})

describe('Adaptive and AdaptiveHint in Chromium', () => {
  for (const segment of ['default', 'returning'] as const) {
    it(`have no axe violations in the ${segment} variant, hint hidden and shown`, async () => {
      const { container, button } = mount({ segment })
      expect(container.querySelector('section')).toHaveAttribute('data-variant', segment)
      expect(await axeViolations(container)).toEqual([])
      button.focus()
      await frames(2)
      const shown = hint()!
      expect(shown).toHaveAttribute('data-variant', segment)
      expect(button).toHaveAccessibleDescription(segment === 'default' ? 'Prices include VAT' : 'Same prices as last time, VAT included')
      // The hint lives at the end of the document: checked on its own too (contrast, role).
      // After the fade, so contrast is measured at full opacity.
      await expect.poll(() => getComputedStyle(shown).opacity).toBe('1')
      expect(await axeViolations(container)).toEqual([])
      expect(await axeViolations(shown)).toEqual([])
    })
  }

  it('works with the keyboard alone: Tab shows it, Escape hides it, focus stays on the target', async () => {
    const { button } = mount()
    button.blur()
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toBe(button)
    expect(hint()).toHaveTextContent('Prices include VAT')
    expect(button).toHaveAttribute('aria-describedby', hint()!.id)
    await userEvent.keyboard('{Escape}')
    expect(hint()).toBeNull()
    expect(button).not.toHaveAttribute('aria-describedby')
    expect(document.activeElement).toBe(button)
  })

  it('shows on a real hover once the pointer has rested for the delay, and stays while the pointer moves onto it', async () => {
    const { button } = mount()
    const appeared = appearance()
    const start = performance.now()
    await userEvent.hover(button)
    const at = await appeared
    // A timer never fires early: it cannot appear sooner than the delay after the pointer arrived.
    expect(at - start).toBeGreaterThanOrEqual(HINT_DELAY_MS)
    expect(hint()).toHaveAttribute('data-state', 'delayed-open')
    // Placed below the target, without a wrapper: the button is still where it was.
    const target = button.getBoundingClientRect()
    const box = hint()!.getBoundingClientRect()
    expect(box.top).toBeGreaterThanOrEqual(target.bottom)
    expect(hint()).toHaveAttribute('data-side', 'bottom')
    await userEvent.hover(hint()!)
    // Not a wait for a state: longer than the leave grace, after which a hint left for nothing would close.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(hint()).not.toBeNull()
    await userEvent.hover(document.body, { position: { x: 5, y: 5 } })
    await expect.poll(hint).toBeNull()
  })

  it('under emulated reduced motion, appears without any transform (and with full motion, pop does move: the sample can see it)', async () => {
    await commands.reducedMotion('reduce')
    await frames(2)
    const reduced = mount({ animation: 'pop' })
    const still = await sampleEntrance(reduced.button)
    expect(still.transforms.every((transform) => transform === 'none')).toBe(true)
    expect(still.transformAnimations).toBe(0)
    cleanup()

    await commands.reducedMotion('no-preference')
    await frames(2)
    const full = mount({ animation: 'pop' })
    const moving = await sampleEntrance(full.button)
    expect(moving.transforms.some((transform) => transform !== 'none')).toBe(true)
  })
})
