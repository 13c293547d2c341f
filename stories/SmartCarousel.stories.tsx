import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor } from 'storybook/test'
import { createAttune, PersonalizationProvider, withDecisions, type BehaviorEvent } from '../src'
import { SmartCarousel, type CarouselItem, type CarouselVariant } from '../src/components/SmartCarousel'

const PRODUCTS = [
  { id: 'trail', category: 'shoes', title: 'Trail runners', body: 'Grip for wet rock and loose gravel.' },
  { id: 'panama', category: 'hats', title: 'Panama hat', body: 'Woven straw, wide brim, packs flat.' },
  { id: 'tote', category: 'bags', title: 'Canvas tote', body: 'Carries a week of groceries.' },
  { id: 'road', category: 'shoes', title: 'Road shoes', body: 'Light and springy for the daily run.' },
  { id: 'beanie', category: 'hats', title: 'Wool beanie', body: 'Warm ears from October to March.' },
]

const ITEMS: CarouselItem[] = PRODUCTS.map((product) => ({
  id: product.id,
  category: product.category,
  label: product.title,
  content: (
    <article style={{ margin: 4, padding: 16, minHeight: 140, border: '1px solid #767676', borderRadius: 8, background: '#fff', color: '#1a1a1a' }}>
      <h3 style={{ margin: '0 0 8px' }}>{product.title}</h3>
      <p style={{ margin: '0 0 8px' }}>{product.body}</p>
      <a href={`#${product.id}`} style={{ color: '#0b57d0' }}>
        View {product.title.toLowerCase()}
      </a>
    </article>
  ),
}))

interface DemoProps {
  /** The carousel's variant (its `default`: no segments in these stories). */
  variant: CarouselVariant
  /** Behavior recorded before the carousel shows, as if the visitor had browsed. */
  history?: BehaviorEvent[]
}

function Demo({ variant, history = [] }: DemoProps) {
  // One instance per story render, in memory: nothing here is stored.
  const [attune] = useState(() => {
    const instance = withDecisions(createAttune({ storage: 'memory', consent: 'denied', schedule: 'sync' }))
    for (const event of history) instance.record(event)
    return instance
  })
  return (
    <PersonalizationProvider attune={attune}>
      <div style={{ maxWidth: 720, fontFamily: 'system-ui, sans-serif', color: '#1a1a1a' }}>
        <SmartCarousel id="picks" label="Picks for you" items={ITEMS} variants={{ default: variant }} />
      </div>
    </PersonalizationProvider>
  )
}

const meta = {
  title: 'Components/SmartCarousel',
  component: Demo,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Demo>

export default meta
type Story = StoryObj<typeof meta>

/** One slide at a time, in the given order, no autoplay. Walk it with Tab, Enter and the arrow keys. */
export const Default: Story = {
  args: { variant: {} },
  play: async ({ canvas, userEvent, step }) => {
    const region = canvas.getByRole('region', { name: 'Picks for you' })
    await step('Tab reaches previous, then next', async () => {
      await userEvent.tab()
      await expect(canvas.getByRole('button', { name: 'Previous slide' })).toHaveFocus()
      await userEvent.tab()
      await expect(canvas.getByRole('button', { name: 'Next slide' })).toHaveFocus()
    })
    await step('Enter and the arrow keys move one slide', async () => {
      await userEvent.keyboard('{Enter}')
      await expect(canvas.getByRole('group', { name: '2 of 5: Panama hat' })).toBeInTheDocument()
      await userEvent.keyboard('{ArrowRight}')
      await expect(canvas.getByRole('group', { name: '3 of 5: Canvas tote' })).toBeInTheDocument()
      await userEvent.keyboard('{End}')
      await expect(canvas.getByRole('group', { name: '5 of 5: Wool beanie' })).toBeInTheDocument()
      await userEvent.keyboard('{ArrowRight}')
      await expect(canvas.getByRole('group', { name: '1 of 5: Trail runners' })).toBeInTheDocument()
    })
    await step('Tab goes into the slide in view only', async () => {
      await userEvent.tab()
      await expect(canvas.getByRole('link', { name: 'View trail runners' })).toHaveFocus()
      await expect(region).toHaveAttribute('data-playing', 'false')
    })
  },
}

/** Two compact slides in view, rotating every 4 s: hover pauses, focus stops it until the rotation control restarts it. */
export const CompactAutoplay: Story = {
  args: { variant: { perView: 2, density: 'compact', autoplay: true, intervalMs: 4000 } },
  play: async ({ canvas, userEvent, step }) => {
    const region = canvas.getByRole('region', { name: 'Picks for you' })
    await step('the rotation control comes first, and focus stops rotation', async () => {
      await userEvent.tab()
      const rotation = canvas.getByRole('button', { name: 'Start automatic slide show' })
      await expect(rotation).toHaveFocus()
      await expect(region).toHaveAttribute('data-playing', 'false')
    })
    await step('next and previous move by one slide', async () => {
      await userEvent.tab()
      await userEvent.tab()
      await userEvent.keyboard('{Enter}')
      await expect(canvas.getAllByRole('group').map((slide) => slide.getAttribute('aria-label'))).toEqual(['2 of 5: Panama hat', '3 of 5: Canvas tote'])
      await userEvent.keyboard('{ArrowLeft}')
      await expect(canvas.getAllByRole('group').map((slide) => slide.getAttribute('aria-label'))).toEqual(['1 of 5: Trail runners', '2 of 5: Panama hat'])
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

/** The visitor read about hats and clicked bags: those come first, with the reason shown. */
export const PersonalizedOrder: Story = {
  args: {
    variant: { perView: 2 },
    history: [
      { type: 'dwell', id: 'hats:guide', ms: 40_000 },
      { type: 'click', id: 'bags:tote' },
    ],
  },
  play: async ({ canvas, userEvent, step }) => {
    const region = canvas.getByRole('region', { name: 'Picks for you' })
    await step('hats first, then bags, and the reason says why', async () => {
      await waitFor(() => expect(region).toHaveAttribute('data-reordered', 'true'))
      await expect(region).toHaveAccessibleDescription('Based on your recent interest')
      await expect(canvas.getAllByRole('group').map((slide) => slide.getAttribute('aria-label'))).toEqual(['1 of 5: Panama hat', '2 of 5: Wool beanie'])
    })
    await step('the keyboard walks the personal order', async () => {
      await userEvent.tab()
      await userEvent.tab()
      await userEvent.keyboard('{ArrowRight}')
      await expect(canvas.getAllByRole('group').map((slide) => slide.getAttribute('aria-label'))).toEqual(['2 of 5: Wool beanie', '3 of 5: Canvas tote'])
    })
  },
}
