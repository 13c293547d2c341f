import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { AdaptiveButton, BUTTON_TONES, checkButtonVariant, MOTION_PRESETS, useBehavior, type ButtonVariant, type Variants } from '../src'
import { roundTripStory } from './support/round-trip-story'
import { tuneStory } from './support/tune-story'
import type { FieldControl } from './support/variant-controls'
import { VariantMatrix } from './support/variant-matrix'
import { EXPERIMENT, isReducedMotion, withFallbacks } from './support/workshop'

/**
 * One variant per segment of the workshop's rules, and one for the `bold` arm
 * of its experiment: the toolbar's segment and arm menus change the button.
 * Every field a designer tunes is set, so the Controls give back exactly these.
 */
const VARIANTS: Variants<ButtonVariant> = {
  default: { label: 'Buy now', tone: 'primary', animation: 'none' },
  bold: { label: 'Get it today', tone: 'warning', animation: 'none' },
  shopper: { label: 'Check out, {{name | friend}}', tone: 'success', icon: '→', iconPosition: 'end', animation: 'pulse' },
  reader: { label: 'See the reviews', tone: 'neutral', animation: 'none' },
  returning: { label: 'Pick up where you left off', tone: 'primary', animation: 'shimmer' },
  idle: { label: 'Still there? Buy now', tone: 'neutral', animation: 'pop' },
}

/** The animations a button plays (as `checkButtonVariant` accepts them). */
const ANIMATIONS = ['none', ...MOTION_PRESETS.filter((name) => name !== 'reorder' && name !== 'fade')]

/** What a designer tunes per variant: copy, tone and animation. */
const FIELDS: Record<string, FieldControl> = { label: 'text', tone: BUTTON_TONES, animation: ANIMATIONS }

/** How many clicks the engine recorded for `id` (`profile.clicks[id]`), read live. */
function ClickCount({ id }: { id: string }) {
  const count = useBehavior((profile) => profile.clicks[id]?.count ?? 0)
  return (
    <p style={{ margin: '12px 0 0' }}>
      Clicks recorded on “{id}”: <span data-testid="clicks">{count}</span>
    </p>
  )
}

const meta = {
  title: 'Components/AdaptiveButton',
  component: AdaptiveButton,
  args: { id: 'checkout', experiment: EXPERIMENT, variants: VARIANTS },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof AdaptiveButton>

export default meta
type Story = StoryObj<typeof meta>

/**
 * The control arm and no segment: the default variant. Pick a segment in the
 * toolbar to watch the button change. A click is recorded in the profile.
 */
export const Default: Story = {
  globals: { arm: 'control' },
  render: (args) => (
    <>
      <AdaptiveButton {...args} />
      <ClickCount id={args.id} />
    </>
  ),
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole('button', { name: 'Buy now' })
    await expect(button).toHaveAttribute('data-variant', 'default')
    await expect(button).toHaveAttribute('data-arm', 'control')
    await expect(canvas.getByTestId('clicks')).toHaveTextContent('0')
    await userEvent.click(button)
    await waitFor(() => expect(canvas.getByTestId('clicks')).toHaveTextContent('1'))
    await userEvent.click(button)
    await waitFor(() => expect(canvas.getByTestId('clicks')).toHaveTextContent('2'))
  },
}

/** The `bold` arm of the cta-copy experiment, with no segment: the arm's own variant. */
export const BoldArm: Story = {
  globals: { segment: 'none', arm: 'bold' },
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Get it today' })
    await expect(button).toHaveAttribute('data-variant', 'bold')
    await expect(button).toHaveAttribute('data-tone', 'warning')
  },
}

/** A shopper: the segment's variant wins over the arm, with its icon after the label and its pulse. */
export const Shopper: Story = {
  globals: { segment: 'shopper' },
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Check out, friend' })
    await expect(button).toHaveAttribute('data-segment', 'shopper')
    await expect(button).toHaveAttribute('data-tone', 'success')
    // The icon is decorative and comes after the label.
    const icon = button.querySelector('[data-attune-part="icon"]')!
    await expect(icon).toHaveAttribute('aria-hidden', 'true')
    await expect(button.querySelector('[data-attune-part="label"]')!.nextElementSibling).toBe(icon)
  },
}

/**
 * A returning visitor: the shimmer's sheen crosses the button (three times,
 * then it rests); under reduced motion there is no sheen at all.
 */
export const Returning: Story = {
  globals: { segment: 'returning' },
  play: async ({ canvas, globals }) => {
    const button = canvas.getByRole('button', { name: 'Pick up where you left off' })
    await expect(button).toHaveAttribute('data-segment', 'returning')
    const sheen = button.querySelector('[data-attune-part="sheen"]')
    if (isReducedMotion(globals)) await expect(sheen).toBeNull()
    else await expect(sheen).toBeInTheDocument()
  },
}

/** The returning visitor under reduced motion: the same variant, and nothing moves (no sheen at all). */
export const ReducedMotion: Story = {
  globals: { segment: 'returning', motion: 'reduce' },
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Pick up where you left off' })
    await expect(button).toHaveAttribute('data-variant', 'returning')
    await expect(button.querySelector('[data-attune-part="sheen"]')).not.toBeInTheDocument()
    // Long enough for an animation the variant asks for to have started (not a wait for a state).
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(button.getAnimations({ subtree: true })).toHaveLength(0)
  },
}

/** Every tone, from the optional stylesheet. */
export const Tones: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 12 }}>
      {BUTTON_TONES.map((tone) => (
        <AdaptiveButton key={tone} id={`tone-${tone}`} variants={{ default: { label: tone, tone } }} />
      ))}
    </div>
  ),
  play: async ({ canvas }) => {
    for (const tone of BUTTON_TONES) await expect(canvas.getByRole('button', { name: tone })).toHaveAttribute('data-tone', tone)
  },
}

/** A link that looks and counts like the button (asChild). */
export const AsLink: Story = {
  args: {
    asChild: true,
    children: <a href="#details">Details</a>,
    variants: { default: { label: 'See the details', tone: 'neutral', animation: 'shimmer' } },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'See the details' })).toHaveAttribute('href', '#details')
  },
}

/**
 * The Controls edit each variant's label, tone and animation; the button
 * shows the result for the toolbar's segment and arm. "Export variants" gives
 * the JSON for the code; "Load variants" takes JSON back.
 */
export const Tune: StoryObj = tuneStory({ variants: VARIANTS, fields: FIELDS, check: (variant) => checkButtonVariant(variant)?.message ?? null, render: (variants) => <AdaptiveButton id="tune-cta" experiment={EXPERIMENT} variants={variants} /> })

/** Tune's round trip, as a test (hidden from the sidebar). */
export const TuneRoundTrip: StoryObj = {
  ...Tune,
  ...roundTripStory({
    variants: VARIANTS,
    refused: { json: JSON.stringify({ default: { label: ' ' } }), reason: 'Variant "default" needs a "label"' },
    // The arm is hashed from the visitor: the button shows `default` or `bold`.
    shownKey: ({ canvas }) => canvas.getByRole('button', { name: /^(Buy now|Get it today)$/ }).getAttribute('data-variant')!,
    edit: (key) => ({ ...VARIANTS, [key]: { ...VARIANTS[key]!, label: 'Add to basket', tone: 'success' } }),
    shows: async ({ canvas }, key) => {
      await waitFor(() => expect(canvas.getByRole('button', { name: 'Add to basket' })).toHaveAttribute('data-tone', 'success'))
      await expect(canvas.getByRole('button', { name: 'Add to basket' })).toHaveAttribute('data-variant', key)
    },
  }),
}

/** Every variant side by side, in full and in reduced motion: each cell a visitor shown that variant. */
export const Matrix: Story = {
  name: 'Variant matrix',
  parameters: { controls: { disable: true } },
  render: () => <VariantMatrix variants={VARIANTS} render={(variants, { key }) => <AdaptiveButton id={`matrix-${key}`} variants={variants} />} />,
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table', { name: 'Every variant, in full and in reduced motion' })
    const rows = within(table).getAllByRole('row').slice(1)
    await expect(rows).toHaveLength(Object.keys(VARIANTS).length)
    for (const [index, [key, variant]] of Object.entries(VARIANTS).entries()) {
      const row = within(rows[index]!)
      await expect(row.getByRole('rowheader')).toHaveTextContent(key)
      const [full, reduced] = row.getAllByRole('cell')
      await expect(row.getAllByRole('cell')).toHaveLength(2)
      for (const cell of [full!, reduced!]) {
        await expect(within(cell).getByRole('button', { name: withFallbacks(variant.label) })).toHaveAttribute('data-tone', variant.tone ?? 'primary')
      }
      // Full motion plays the shimmer; reduced motion has no sheen at all.
      const sheen = '[data-attune-part="sheen"]'
      await expect(full!.querySelector(sheen) !== null).toBe(variant.animation === 'shimmer')
      await expect(reduced!.querySelector(sheen)).toBeNull()
      await expect(reduced!.getAnimations({ subtree: true })).toHaveLength(0)
    }
  },
}
