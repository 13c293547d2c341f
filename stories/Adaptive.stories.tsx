import type { Meta, StoryObj } from '@storybook/react-vite'
import { motion } from 'framer-motion'
import { useId } from 'react'
import { expect, within } from 'storybook/test'
import { Adaptive, motionPreset, useReducedMotion, type Variants } from '../src'
import { settled } from './support/motion'
import { roundTripStory } from './support/round-trip-story'
import { tuneStory } from './support/tune-story'
import type { FieldControl } from './support/variant-controls'
import { VariantMatrix } from './support/variant-matrix'

/** The entrances a hero can make (under reduced motion each fades). */
const HERO_ANIMATIONS = ['fade', 'slide-in', 'pop'] as const

/** The example: a hero whose copy and entrance follow the visitor. */
interface Hero {
  title: string
  lead: string
  action: string
  animation?: (typeof HERO_ANIMATIONS)[number] | 'none'
}

/** One variant per segment of the workshop's rules: the toolbar's segment menu changes the hero. */
const VARIANTS: Variants<Hero> = {
  default: { title: 'Shoes that fit', lead: 'Free returns for 30 days, on every pair.', action: 'Find your size', animation: 'none' },
  shopper: { title: 'Your cart is waiting', lead: 'Check out in two steps: your size is saved.', action: 'Go to the cart', animation: 'slide-in' },
  reader: { title: 'What 2,000 runners say', lead: 'Reviews from verified buyers, sorted by fit.', action: 'Read the reviews', animation: 'fade' },
  returning: { title: 'Welcome back', lead: 'Your size is saved: new arrivals in it are below.', action: 'See new arrivals', animation: 'pop' },
  idle: { title: 'Still looking?', lead: 'Free returns for 30 days, on every pair.', action: 'Find your size', animation: 'fade' },
}

/** What a designer tunes per variant: the copy and the entrance. */
const FIELDS: Record<string, FieldControl> = { title: 'text', lead: 'text', action: 'text', animation: ['none', ...HERO_ANIMATIONS] }

/** Why the hero cannot render a variant, or null: Adaptive's `check`, and what "Load variants" checks pasted JSON with. */
function checkHero(variant: unknown): { path: string; message: string } | null {
  if (typeof variant !== 'object' || variant === null) return { path: '', message: 'must be an object with a "title", a "lead" and an "action"' }
  const fields = variant as Record<string, unknown>
  for (const field of ['title', 'lead', 'action']) {
    const value = fields[field]
    if (typeof value !== 'string' || !value.trim()) return { path: `/${field}`, message: `needs a "${field}": a non-empty string` }
  }
  const animation = fields.animation
  if (animation !== undefined && animation !== 'none' && !(HERO_ANIMATIONS as readonly unknown[]).includes(animation)) {
    return { path: '/animation', message: `has an unknown "animation" ${JSON.stringify(animation)}; expected one of none, ${HERO_ANIMATIONS.join(', ')}` }
  }
  return null
}

/** The hero for one variant: it enters with the variant's animation, a fade under reduced motion. */
function HeroView({ variant, variantKey }: { variant: Hero; variantKey: string }) {
  const reduced = useReducedMotion()
  const titleId = useId()
  return (
    <motion.div data-hero data-variant={variantKey} aria-labelledby={titleId} role="group" style={{ maxWidth: 420 }} {...(motionPreset(variant.animation, reduced) ?? {})}>
      <h2 id={titleId} style={{ marginTop: 0 }}>
        {variant.title}
      </h2>
      <p>{variant.lead}</p>
      <a href="#shop">{variant.action}</a>
    </motion.div>
  )
}

/** The hero from the variants: a new variant mounts anew, so its entrance plays. */
function HeroExample({ id, variants }: { id: string; variants: Variants<Hero> }) {
  return (
    <Adaptive id={id} variants={variants} check={checkHero}>
      {(variant, { key }) => <HeroView key={key} variant={variant} variantKey={key} />}
    </Adaptive>
  )
}

/** The hero around a heading: its root element, which carries the variant's key. */
const heroOf = (element: HTMLElement) => element.closest<HTMLElement>('[data-hero]')!

/**
 * Notes, from before the story mounts, the inline transforms and opacities
 * of the elements matching `selector`: an entrance's first frame included,
 * which a look after the fact would miss.
 */
function watchStyles(selector: string) {
  const transformed = new Set<Element>()
  const faded = new Set<Element>()
  const note = (element: Element) => {
    if (!(element instanceof HTMLElement) || !element.matches(selector)) return
    if (element.style.transform && element.style.transform !== 'none') transformed.add(element)
    if (element.style.opacity && element.style.opacity !== '1') faded.add(element)
  }
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.target instanceof Element) note(record.target)
      for (const node of record.addedNodes) if (node instanceof Element) [node, ...node.querySelectorAll(selector)].forEach(note)
    }
  })
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] })
  return { transformed, faded, stop: () => observer.disconnect() }
}

const meta = {
  title: 'Components/Adaptive',
  component: HeroExample,
  args: { id: 'hero', variants: VARIANTS },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof HeroExample>

export default meta
type Story = StoryObj<typeof meta>

/** A new visitor: the render function gets the default variant. Pick a segment in the toolbar to watch the hero change. */
export const Default: Story = {
  play: async ({ canvas }) => {
    const heading = canvas.getByRole('heading', { name: 'Shoes that fit' })
    await expect(heroOf(heading)).toHaveAttribute('data-variant', 'default')
    await expect(canvas.getByRole('group', { name: 'Shoes that fit' })).toContainElement(canvas.getByRole('link', { name: 'Find your size' }))
  },
}

/** A returning visitor: the returning variant, from the same render function; it pops in. */
export const Returning: Story = {
  globals: { segment: 'returning' },
  play: async ({ canvas }) => {
    const heading = canvas.getByRole('heading', { name: 'Welcome back' })
    await expect(heroOf(heading)).toHaveAttribute('data-variant', 'returning')
    await expect(canvas.getByRole('link', { name: 'See new arrivals' })).toHaveAttribute('href', '#shop')
    await settled(heroOf(heading))
  },
}

/** A shopper under reduced motion: the variant's slide-in becomes a fade; nothing moves. */
export const ReducedMotion: Story = {
  globals: { segment: 'shopper', motion: 'reduce' },
  play: async ({ mount }) => {
    const styles = watchStyles('[data-hero]')
    const canvas = await mount()
    const hero = heroOf(canvas.getByRole('heading', { name: 'Your cart is waiting' }))
    await expect(hero).toHaveAttribute('data-variant', 'shopper')
    await settled(hero)
    styles.stop()
    // It faded in (it started transparent), and never moved.
    await expect(styles.faded.has(hero)).toBe(true)
    await expect(styles.transformed.has(hero)).toBe(false)
  },
}

/**
 * The Controls edit each variant's title, lead, action and entrance; the
 * hero shows the result for the toolbar's segment. "Export variants" gives
 * the JSON for the code; "Load variants" takes JSON back.
 */
export const Tune: StoryObj = tuneStory({ variants: VARIANTS, fields: FIELDS, check: (variant) => checkHero(variant)?.message ?? null, render: (variants) => <HeroExample id="tune-hero" variants={variants} /> })

/** Tune's round trip, as a test (hidden from the sidebar). */
export const TuneRoundTrip: StoryObj = {
  ...Tune,
  ...roundTripStory({
    variants: VARIANTS,
    refused: { json: JSON.stringify({ default: { title: 'Shoes' } }), reason: 'Variant "default" needs a "lead"' },
    // The variant the toolbar's segment shows (default for a new visitor).
    shownKey: ({ canvas }) => heroOf(canvas.getByRole('heading', { level: 2 })).getAttribute('data-variant')!,
    edit: (key) => ({ ...VARIANTS, [key]: { ...VARIANTS[key]!, title: 'Shoes for every season', animation: 'none' } }),
    shows: async ({ canvas }, key) => {
      const heading = await canvas.findByRole('heading', { name: 'Shoes for every season' })
      await expect(heroOf(heading)).toHaveAttribute('data-variant', key)
      await settled(heroOf(heading))
    },
  }),
}

/** Every variant side by side, in full and in reduced motion: each cell a visitor shown that variant, entering as it would. */
export const Matrix: Story = {
  name: 'Variant matrix',
  parameters: { controls: { disable: true } },
  render: () => <VariantMatrix variants={VARIANTS} render={(variants, { key }) => <HeroExample id={`matrix-${key}`} variants={variants} />} />,
  play: async ({ mount }) => {
    const styles = watchStyles('[data-hero]')
    const canvas = await mount()
    const table = canvas.getByRole('table', { name: 'Every variant, in full and in reduced motion' })
    const rows = within(table).getAllByRole('row').slice(1)
    await expect(rows).toHaveLength(Object.keys(VARIANTS).length)
    for (const [index, [key, variant]] of Object.entries(VARIANTS).entries()) {
      const row = within(rows[index]!)
      await expect(row.getByRole('rowheader')).toHaveTextContent(key)
      await expect(row.getAllByRole('cell')).toHaveLength(2)
      const [full, reduced] = row.getAllByRole('cell').map((cell) => heroOf(within(cell).getByRole('heading', { name: variant.title })))
      for (const hero of [full!, reduced!]) {
        await expect(within(hero).getByRole('link', { name: variant.action })).toBeInTheDocument()
        await settled(hero)
      }
      // Full motion moves in as the variant says (slide-in and pop start offset or scaled); reduced motion never moves.
      await expect(styles.transformed.has(full!)).toBe(variant.animation === 'slide-in' || variant.animation === 'pop')
      await expect(styles.transformed.has(reduced!)).toBe(false)
      await expect(styles.faded.has(reduced!)).toBe(variant.animation !== undefined && variant.animation !== 'none')
    }
    styles.stop()
  },
}
