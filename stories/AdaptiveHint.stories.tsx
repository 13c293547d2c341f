import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { AdaptiveHint, checkHintVariant, HINT_ANIMATIONS, type AdaptiveHintProps, type HintVariant, type Variants } from '../src'
import { entranceFrames, moved, settled } from './support/motion'
import { roundTripStory } from './support/round-trip-story'
import { tuneStory } from './support/tune-story'
import type { FieldControl } from './support/variant-controls'
import { cellLabel, MATRIX_MOTIONS, VariantMatrix } from './support/variant-matrix'
import { isReducedMotion, withFallbacks } from './support/workshop'

/**
 * One variant per segment of the workshop's rules: the toolbar's segment
 * menu changes what the hint says and how it appears. Every variant names
 * its animation, so the Controls show exactly what the JSON says.
 */
const VARIANTS: Variants<HintVariant> = {
  default: { text: 'Prices include VAT and free returns', animation: 'fade' },
  shopper: { text: 'The prices in your cart are kept for 24 hours', animation: 'pop' },
  reader: { text: 'Prices include VAT; the reviews quote what buyers paid', animation: 'fade' },
  returning: { text: 'Same prices as last time, {{name | friend}}: VAT included', animation: 'pop' },
  idle: { text: 'Prices include VAT and free returns', animation: 'none' },
}

/** What a designer tunes per variant: the text and the entrance. */
const FIELDS: Record<string, FieldControl> = { text: 'text', animation: HINT_ANIMATIONS }

/** The workshop shows the hint again and again: the default cap (once a session) would hide it after the first time. */
const CAP = { perSession: 1000, perDay: 1000, cooldown: 0 }

type HintStoryProps = Omit<AdaptiveHintProps, 'children'> & { target?: string }

/** The hint on a button, in the workshop. */
function HintStory({ target = 'Pricing', ...props }: HintStoryProps) {
  return (
    <AdaptiveHint {...props}>
      <button type="button">{target}</button>
    </AdaptiveHint>
  )
}

const meta = {
  title: 'Components/AdaptiveHint',
  component: HintStory,
  args: { id: 'pricing-hint', variants: VARIANTS, cap: CAP },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof HintStory>

export default meta
type Story = StoryObj<typeof meta>

/** The hint a target describes while it is shown. */
const hintOf = (target: HTMLElement) => document.getElementById(target.getAttribute('aria-describedby') ?? '')

/**
 * A visitor in no segment. Rest the pointer on the button for half a second,
 * or Tab to it: the hint describes it. Escape hides it, and focus stays.
 */
export const Default: Story = {
  play: async ({ canvas, userEvent, step }) => {
    const button = canvas.getByRole('button', { name: 'Pricing' })
    await expect(button).not.toHaveAttribute('aria-describedby')
    await step('keyboard focus shows it at once, as the description', async () => {
      await userEvent.tab()
      await expect(button).toHaveFocus()
      await waitFor(() => expect(button).toHaveAccessibleDescription(VARIANTS.default.text))
      const hint = hintOf(button)!
      await expect(hint).toHaveAttribute('role', 'tooltip')
      await expect(hint).toHaveAttribute('data-variant', 'default')
      await expect(hint).toHaveAttribute('data-state', 'instant-open')
      await settled(hint)
    })
    await step('Escape hides it; focus stays on the button', async () => {
      await userEvent.keyboard('{Escape}')
      await waitFor(() => expect(button).not.toHaveAttribute('aria-describedby'))
      await expect(button).toHaveFocus()
      await expect(document.querySelector('[data-attune="hint"]')).toBeNull()
    })
  },
}

/** Hover hesitation: the pointer rests on the button, and the hint shows after half a second (passing over shows nothing). */
export const Hover: Story = {
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole('button', { name: 'Pricing' })
    await userEvent.hover(button)
    await expect(button).not.toHaveAttribute('aria-describedby')
    await waitFor(() => expect(button).toHaveAccessibleDescription(VARIANTS.default.text))
    const hint = hintOf(button)!
    await expect(hint).toHaveAttribute('data-state', 'delayed-open')
    await settled(hint)
  },
}

/** A returning visitor: the hint's own variant, its template filled, which pops in (a fade under reduced motion). */
export const Returning: Story = {
  globals: { segment: 'returning' },
  play: async ({ canvas, userEvent, globals }) => {
    const button = canvas.getByRole('button', { name: 'Pricing' })
    const frames = entranceFrames(() => hintOf(button))
    await userEvent.tab()
    await waitFor(() => expect(button).toHaveAccessibleDescription(withFallbacks(VARIANTS.returning!.text)))
    await expect(hintOf(button)).toHaveAttribute('data-segment', 'returning')
    // Full motion pops (it scales in); reduced motion only fades.
    const popped = (await frames).some(moved)
    await expect(popped).toBe(!isReducedMotion(globals))
    await settled(hintOf(button)!)
  },
}

/** The returning visitor under reduced motion: the pop becomes a fade, and no frame moves. */
export const ReducedMotion: Story = {
  globals: { segment: 'returning', motion: 'reduce' },
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole('button', { name: 'Pricing' })
    const frames = entranceFrames(() => hintOf(button))
    await userEvent.tab()
    const entrance = await frames
    await expect(entrance.some((f) => f.opacity < 1)).toBe(true)
    await expect(entrance.filter(moved)).toEqual([])
    await settled(hintOf(button)!)
  },
}

/**
 * Tune each variant's text and entrance in Controls, then hover or Tab to
 * the button (the toolbar picks the segment). "Export variants" gives the
 * JSON for the code; "Load variants" takes an edited copy back.
 */
export const Tune: StoryObj = tuneStory({ variants: VARIANTS, fields: FIELDS, check: (variant) => checkHintVariant(variant)?.message ?? null, render: (variants) => <HintStory id="tune-hint" variants={variants} cap={CAP} /> })

/** Tune's round trip, as a test (hidden from the sidebar). */
export const TuneRoundTrip: StoryObj = {
  ...Tune,
  ...roundTripStory({
    variants: VARIANTS,
    refused: { json: '{ "default": { "text": " " } }', reason: 'Variant "default" needs a "text"' },
    // Focus shows the hint: the variant this visitor is shown.
    shownKey: async ({ canvas }) => {
      const button = canvas.getByRole('button', { name: 'Pricing' })
      button.focus()
      await waitFor(() => expect(hintOf(button)).not.toBeNull())
      const key = hintOf(button)!.dataset.variant!
      await expect(button).toHaveAccessibleDescription(withFallbacks(VARIANTS[key]!.text))
      button.blur()
      await waitFor(() => expect(button).not.toHaveAttribute('aria-describedby'))
      return key
    },
    edit: (key) => ({ ...VARIANTS, [key]: { text: 'Loaded from JSON: prices held until Sunday', animation: 'none' } }),
    shows: async ({ canvas }, key) => {
      const button = canvas.getByRole('button', { name: 'Pricing' })
      button.focus()
      await waitFor(() => expect(button).toHaveAccessibleDescription('Loaded from JSON: prices held until Sunday'))
      await expect(hintOf(button)).toHaveAttribute('data-variant', key)
      await settled(hintOf(button)!)
    },
  }),
}

/** One cell of the matrix: a target named for its cell, so the cells can be told apart. */
function MatrixHint({ variants, label }: { variants: Variants<HintVariant>; label: string }) {
  return <HintStory id="matrix-hint" variants={variants} cap={CAP} target={`Pricing (${label})`} />
}

/**
 * Every variant side by side, in full and in reduced motion: each cell is a
 * visitor shown that variant. A hint shows one at a time, as on a page: hover
 * or Tab through the cells to compare them.
 */
export const VariantMatrixStory: Story = {
  name: 'Variant matrix',
  parameters: { controls: { disable: true } },
  render: () => <VariantMatrix variants={VARIANTS} render={(variants, { label }) => <MatrixHint variants={variants} label={label} />} />,
  play: async ({ canvas, userEvent }) => {
    const table = canvas.getByRole('table', { name: 'Every variant, in full and in reduced motion' })
    for (const [key, variant] of Object.entries(VARIANTS)) {
      for (const motion of MATRIX_MOTIONS) {
        const button = within(table).getByRole('button', { name: `Pricing (${cellLabel(key, motion)})` })
        // This cell's hint: the one its button is described by (the previous cell's may not be gone yet).
        const frames = entranceFrames(() => hintOf(button))
        await userEvent.tab()
        await expect(button).toHaveFocus()
        await waitFor(() => expect(button).toHaveAccessibleDescription(withFallbacks(variant.text)))
        // Only a pop moves, and only in full motion; `none` appears at once.
        const entrance = await frames
        await expect(entrance.some(moved)).toBe(motion === 'full' && variant.animation === 'pop')
        await expect(entrance.some((f) => f.opacity < 1)).toBe(variant.animation !== 'none')
      }
    }
    await settled(document.querySelector('[data-attune="hint"]')!)
  },
}
