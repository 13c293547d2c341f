import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import {
  CAROUSEL_DENSITIES,
  checkCarouselVariant,
  MAX_PER_VIEW,
  MIN_INTERVAL_MS,
  SmartCarousel,
  type BehaviorEvent,
  type CarouselItem,
  type CarouselVariant,
  type SmartCarouselProps,
  type Variants,
} from '../src'
import { roundTripStory } from './support/round-trip-story'
import { tuneStory } from './support/tune-story'
import type { FieldControl } from './support/variant-controls'
import { cellLabel, MATRIX_MOTIONS, VariantMatrix } from './support/variant-matrix'
import { isReducedMotion, STRINGS, useWorkshop } from './support/workshop'

const PRODUCTS = [
  { id: 'trail', category: 'shoes', title: 'Trail runners', body: 'Grip for wet rock and loose gravel.' },
  { id: 'panama', category: 'hats', title: 'Panama hat', body: 'Woven straw, wide brim, packs flat.' },
  { id: 'tote', category: 'bags', title: 'Canvas tote', body: 'Carries a week of groceries.' },
  { id: 'road', category: 'shoes', title: 'Road shoes', body: 'Light and springy for the daily run.' },
  { id: 'beanie', category: 'hats', title: 'Wool beanie', body: 'Warm ears from October to March.' },
]

// Colors from the theme's variables, so the slides follow the toolbar's light and dark themes at AA contrast.
const ITEMS: CarouselItem[] = PRODUCTS.map((product) => ({
  id: product.id,
  category: product.category,
  label: product.title,
  content: (
    <article style={{ margin: 4, padding: 16, minHeight: 120, border: '1px solid var(--attune-border)', borderRadius: 8, background: 'var(--attune-surface-bg)', color: 'var(--attune-surface-fg)' }}>
      <h3 style={{ margin: '0 0 8px' }}>{product.title}</h3>
      <p style={{ margin: '0 0 8px' }}>{product.body}</p>
      <a href={`#${product.id}`} style={{ color: 'var(--attune-focus)' }}>
        View {product.title.toLowerCase()}
      </a>
    </article>
  ),
}))

/**
 * One variant per segment of the workshop's rules: a plain carousel by
 * default, two compact slides for a shopper comparing, one roomy slide for a
 * reader, three for a returning visitor, and rotation for an idle one.
 */
const VARIANTS: Variants<CarouselVariant> = {
  default: { perView: 1, density: 'comfortable', autoplay: false },
  shopper: { perView: 2, density: 'compact', autoplay: false },
  reader: { perView: 1, density: 'comfortable', autoplay: false },
  returning: { perView: 3, density: 'compact', autoplay: false },
  idle: { perView: 2, density: 'compact', autoplay: true, interval: 4000 },
}

/** The carousel in the workshop, with the toolbar's locale. */
function CarouselStory(props: Partial<SmartCarouselProps>) {
  const { locale } = useWorkshop()
  return (
    <div style={{ maxWidth: 720 }}>
      <SmartCarousel id="picks" items={ITEMS} variants={VARIANTS} {...STRINGS[locale].carousel} {...props} />
    </div>
  )
}

const meta = {
  title: 'Components/SmartCarousel',
  component: SmartCarousel,
  args: { id: 'picks', items: ITEMS, variants: VARIANTS },
  argTypes: { items: { control: false } },
  render: (args) => <CarouselStory {...args} />,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof SmartCarousel>

export default meta
type Story = StoryObj<typeof meta>

/** The accessible names of the slides in view (the others are hidden from assistive technology). */
const inView = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .getAllByRole('group')
    .map((slide) => slide.getAttribute('aria-label'))

/** A visitor in no segment: one slide at a time, no rotation. Move through it with the keyboard: Tab, Enter, the arrow keys, Home and End. */
export const Default: Story = {
  play: async ({ canvas, canvasElement, userEvent, step }) => {
    const region = canvas.getByRole('region', { name: 'Recommended for you' })
    await expect(region).toHaveAttribute('data-variant', 'default')
    await step('Tab reaches previous, then next', async () => {
      await userEvent.tab()
      await expect(canvas.getByRole('button', { name: 'Previous slide' })).toHaveFocus()
      await userEvent.tab()
      await expect(canvas.getByRole('button', { name: 'Next slide' })).toHaveFocus()
    })
    await step('Enter and the arrow keys move one slide; End and Home go to the ends', async () => {
      await userEvent.keyboard('{Enter}')
      await expect(inView(canvasElement)).toEqual(['2 of 5: Panama hat'])
      await userEvent.keyboard('{ArrowRight}')
      await expect(inView(canvasElement)).toEqual(['3 of 5: Canvas tote'])
      await userEvent.keyboard('{ArrowLeft}')
      await expect(inView(canvasElement)).toEqual(['2 of 5: Panama hat'])
      await userEvent.keyboard('{End}')
      await expect(inView(canvasElement)).toEqual(['5 of 5: Wool beanie'])
      await userEvent.keyboard('{ArrowRight}')
      await expect(inView(canvasElement)).toEqual(['1 of 5: Trail runners'])
      await userEvent.keyboard('{End}{Home}')
      await expect(inView(canvasElement)).toEqual(['1 of 5: Trail runners'])
    })
    await step('Tab goes into the slide in view only', async () => {
      await userEvent.tab()
      await expect(canvas.getByRole('link', { name: 'View trail runners' })).toHaveFocus()
      await expect(region).toHaveAttribute('data-playing', 'false')
    })
  },
}

/** The `shopper` segment (forced from the toolbar): two compact slides side by side, and next moves by one. */
export const Shopper: Story = {
  globals: { segment: 'shopper' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const region = canvas.getByRole('region', { name: 'Recommended for you' })
    await expect(region).toHaveAttribute('data-segment', 'shopper')
    await expect(region).toHaveAttribute('data-per-view', '2')
    await expect(region).toHaveAttribute('data-density', 'compact')
    await expect(inView(canvasElement)).toEqual(['1 of 5: Trail runners', '2 of 5: Panama hat'])
    await userEvent.click(canvas.getByRole('button', { name: 'Next slide' }))
    await expect(inView(canvasElement)).toEqual(['2 of 5: Panama hat', '3 of 5: Canvas tote'])
  },
}

/** The `returning` segment: three slides in view. */
export const Returning: Story = {
  globals: { segment: 'returning' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('region', { name: 'Recommended for you' })).toHaveAttribute('data-per-view', '3')
    await expect(inView(canvasElement)).toEqual(['1 of 5: Trail runners', '2 of 5: Panama hat', '3 of 5: Canvas tote'])
  },
}

/**
 * The `idle` segment: the slides rotate by themselves (every 4 s), except
 * under reduced motion, where they wait for the rotation control. Focus stops
 * rotation until the rotation control restarts it.
 */
export const IdleAutoplay: Story = {
  globals: { segment: 'idle' },
  play: async ({ canvas, canvasElement, userEvent, step, globals }) => {
    const region = canvas.getByRole('region', { name: 'Recommended for you' })
    const reduced = isReducedMotion(globals)
    await step(reduced ? 'reduced motion: it waits, and the rotation control comes first' : 'it rotates by itself, and the rotation control comes first', async () => {
      await expect(region).toHaveAttribute('data-playing', String(!reduced))
      await userEvent.tab()
      await expect(canvas.getByRole('button', { name: 'Start automatic slide show' })).toHaveFocus()
      await expect(region).toHaveAttribute('data-playing', 'false')
    })
    await step('next and previous move by one slide', async () => {
      await userEvent.tab()
      await userEvent.tab()
      await userEvent.keyboard('{Enter}')
      await expect(inView(canvasElement)).toEqual(['2 of 5: Panama hat', '3 of 5: Canvas tote'])
      await userEvent.keyboard('{ArrowLeft}')
      await expect(inView(canvasElement)).toEqual(['1 of 5: Trail runners', '2 of 5: Panama hat'])
    })
    await step('the rotation control restarts rotation', async () => {
      await userEvent.tab({ shift: true })
      await userEvent.tab({ shift: true })
      await userEvent.keyboard('{Enter}')
      await expect(canvas.getByRole('button', { name: 'Stop automatic slide show' })).toHaveFocus()
      // Stopped again, so the story stays still for the accessibility check and for designers.
      await userEvent.keyboard('{Enter}')
      await expect(canvas.getByRole('button', { name: 'Start automatic slide show' })).toBeInTheDocument()
    })
  },
}

/** Reduced motion (toolbar), same idle variant: rotation never starts by itself, and a slide change is instant. */
export const ReducedMotion: Story = {
  globals: { segment: 'idle', motion: 'reduce' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const region = canvas.getByRole('region', { name: 'Recommended for you' })
    await expect(region).toHaveAttribute('data-playing', 'false')
    await expect(canvas.getByRole('button', { name: 'Start automatic slide show' })).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Next slide' }))
    await expect(inView(canvasElement)).toEqual(['2 of 5: Panama hat', '3 of 5: Canvas tote'])
    // No slide animation runs: the track is already where it goes.
    const track = canvasElement.querySelector('[data-attune="carousel-track"]')!
    await expect(track.getAnimations()).toEqual([])
  },
}

/** The visitor read about hats and clicked a bag: those come first, and the reason says why. */
const HISTORY: BehaviorEvent[] = [
  { type: 'dwell', id: 'hats:guide', ms: 40_000 },
  { type: 'click', id: 'bags:tote' },
]

function BrowsedStory(props: Partial<SmartCarouselProps>) {
  const { attune } = useWorkshop()
  // Recorded once, before the carousel first renders: as if the visitor had browsed.
  useState(() => HISTORY.forEach((event) => attune.record(event)))
  return <CarouselStory {...props} />
}

/** The visitor's interest orders the slides (hats, then bags), with the reason shown; the keyboard walks the personal order. */
export const PersonalizedOrder: Story = {
  render: (args) => <BrowsedStory {...args} />,
  play: async ({ canvas, canvasElement, userEvent, step }) => {
    const region = canvas.getByRole('region', { name: 'Recommended for you' })
    await step('hats first, then bags, and the reason says why', async () => {
      await waitFor(() => expect(region).toHaveAttribute('data-reordered', 'true'))
      await expect(region).toHaveAccessibleDescription('Based on your recent interest')
      await expect(inView(canvasElement)).toEqual(['1 of 5: Panama hat'])
    })
    await step('the keyboard walks the personal order', async () => {
      await userEvent.tab()
      await userEvent.tab()
      await userEvent.keyboard('{ArrowRight}')
      await expect(inView(canvasElement)).toEqual(['2 of 5: Wool beanie'])
      await userEvent.keyboard('{ArrowRight}')
      await expect(inView(canvasElement)).toEqual(['3 of 5: Canvas tote'])
    })
  },
}

/** The toolbar's locale: the region, the slides, the buttons and the reason are German. */
export const German: Story = {
  globals: { locale: 'de' },
  render: (args) => <BrowsedStory {...args} />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    const region = canvas.getByRole('region', { name: 'Für Sie empfohlen' })
    await expect(region).toHaveAttribute('aria-roledescription', 'Karussell')
    await waitFor(() => expect(region).toHaveAccessibleDescription('Passend zu Ihren letzten Interessen'))
    await userEvent.click(canvas.getByRole('button', { name: 'Nächste Folie' }))
    await expect(inView(canvasElement)).toEqual(['2 von 5: Wool beanie'])
    await expect(canvas.getByRole('button', { name: 'Vorherige Folie' })).toBeInTheDocument()
  },
}

/** What a designer tunes per variant: slides per view, density, and rotation with its interval. */
const FIELDS: Record<string, FieldControl> = {
  perView: { number: { min: 1, max: MAX_PER_VIEW, step: 1 } },
  density: CAROUSEL_DENSITIES,
  autoplay: 'boolean',
  interval: { number: { min: MIN_INTERVAL_MS, step: 500 } },
}

/**
 * Tune each variant in Controls (slides per view, density, autoplay and its
 * interval); the toolbar picks the segment whose variant shows. "Export
 * variants" gives the JSON for the code, and "Load variants" takes an edited
 * copy back.
 */
export const Tune: StoryObj = tuneStory({ variants: VARIANTS, fields: FIELDS, check: (variant) => checkCarouselVariant(variant)?.message ?? null, render: (variants) => <CarouselStory variants={variants} /> })

/** Tune's round trip, as a test (hidden from the sidebar). */
export const TuneRoundTrip: StoryObj = {
  ...Tune,
  ...roundTripStory({
    variants: VARIANTS,
    refused: { json: '{ "default": { "perView": 9 } }', reason: 'Variant "default" has "perView" 9; expected a whole number from 1 to 4' },
    // `default` unless the toolbar forces a segment.
    shownKey: ({ canvas }) => canvas.getByRole('region', { name: 'Recommended for you' }).dataset.variant!,
    edit: (key) => ({ ...VARIANTS, [key]: { ...VARIANTS[key]!, perView: 3, density: 'compact' } }),
    shows: async ({ canvas, canvasElement }) => {
      const region = canvas.getByRole('region', { name: 'Recommended for you' })
      await expect(region).toHaveAttribute('data-per-view', '3')
      await expect(region).toHaveAttribute('data-density', 'compact')
      await expect(inView(canvasElement)).toEqual(['1 of 5: Trail runners', '2 of 5: Panama hat', '3 of 5: Canvas tote'])
    },
  }),
}

/** One cell of the matrix: the variant's carousel, named for its cell (landmarks must be told apart). */
function MatrixCarousel({ variants, label }: { variants: Variants<CarouselVariant>; label: string }) {
  const { locale } = useWorkshop()
  const strings = STRINGS[locale].carousel
  return (
    <div style={{ width: 420 }}>
      <SmartCarousel id="matrix" items={ITEMS} variants={variants} {...strings} label={`${strings.label}: ${label}`} />
    </div>
  )
}

/** Every variant side by side, in full and in reduced motion: under reduced motion the idle variant does not rotate by itself. */
export const VariantMatrixStory: Story = {
  name: 'Variant matrix',
  render: () => <VariantMatrix variants={VARIANTS} render={(variants, { label }) => <MatrixCarousel variants={variants} label={label} />} />,
  play: async ({ canvas }) => {
    for (const [key, variant] of Object.entries(VARIANTS)) {
      for (const motion of MATRIX_MOTIONS) {
        const region = canvas.getByRole('region', { name: `Recommended for you: ${cellLabel(key, motion)}` })
        await expect(region).toHaveAttribute('data-per-view', String(variant.perView))
        await expect(region).toHaveAttribute('data-density', variant.density)
        await expect(region).toHaveAttribute('data-playing', String(!!variant.autoplay && motion === 'full'))
      }
    }
  },
}
