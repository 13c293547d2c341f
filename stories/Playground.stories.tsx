import type { Meta, StoryObj } from '@storybook/react-vite'
import { useRef, type ReactNode } from 'react'
import { expect, waitFor } from 'storybook/test'
import {
  useClickTracking,
  useDwellTime,
  useHoverIntent,
  useIdle,
  usePageView,
  useScrollDepth,
} from '../src'
import { ProfilePanel } from './support/ProfilePanel'

const SECTIONS = [
  { id: 'hero', title: 'Shoes that adapt to you', body: 'Scroll down and watch the profile on the right: every section counts its visible time.' },
  { id: 'features', title: 'Features', body: 'Hover a card for half a second: that is hover intent. Passing over does not count.' },
  { id: 'pricing', title: 'Pricing', body: 'Scroll depth is the share of the page seen so far; velocity is your scrolling speed, smoothed.' },
  { id: 'reviews', title: 'Reviews', body: 'Switch tabs: visible time stops while the page is hidden.' },
]

function Card({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useHoverIntent(ref, { id })
  return (
    <div ref={ref} data-testid={id} style={{ flex: 1, padding: 16, border: '1px solid #767676', borderRadius: 8, background: '#fff', color: '#1a1a1a' }}>
      {children}
    </div>
  )
}

function Section({ id, title, body }: (typeof SECTIONS)[number]) {
  const ref = useRef<HTMLElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  useDwellTime(ref, { id })
  useClickTracking(buttonRef, { id: `${id}-cta` })
  return (
    <section ref={ref} aria-labelledby={`${id}-title`} style={{ minHeight: 420, padding: '24px 0', borderBottom: '1px solid #ddd' }}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{body}</p>
      <div style={{ display: 'flex', gap: 12, margin: '16px 0' }}>
        <Card id={`${id}-card-a`}>Card A</Card>
        <Card id={`${id}-card-b`}>Card B</Card>
      </div>
      <button ref={buttonRef} type="button" style={{ padding: '8px 16px' }}>
        Learn more
      </button>
    </section>
  )
}

/** A page on the workshop's instance: the toolbar's consent and motion apply, and the simulator feeds the same profile. */
function Playground() {
  useScrollDepth()
  useIdle({ timeout: 15_000 })
  usePageView('/playground')
  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start' }}>
      <main style={{ flex: 1, maxWidth: 640 }}>
        <h1>Attune playground</h1>
        {SECTIONS.map((section) => (
          <Section key={section.id} {...section} />
        ))}
      </main>
      <ProfilePanel />
    </div>
  )
}

const meta = {
  title: 'Playground/Live profile',
  component: Playground,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Playground>

export default meta
type Story = StoryObj<typeof meta>

/** Scroll and hover: the panel shows the profile as Attune records it. */
export const LiveProfile: Story = {
  play: async ({ canvas, userEvent, step }) => {
    const panel = canvas.getByRole('complementary', { name: 'Live profile' })
    await step('the page view and the first section are recorded', async () => {
      await waitFor(() => expect(panel).toHaveTextContent('/playground'))
      await waitFor(() => expect(canvas.getByRole('row', { name: /hero/ })).toBeInTheDocument())
    })
    await step('a click on a call to action is counted', async () => {
      await userEvent.click(canvas.getAllByRole('button', { name: 'Learn more' })[0]!)
      await waitFor(() => expect(canvas.getByRole('row', { name: /hero-cta/ })).toHaveTextContent('1'))
    })
    await step('a hover that lingers counts as intent', async () => {
      const card = canvas.getByTestId('hero-card-a')
      await userEvent.hover(card)
      // Not a wait for a state: the hover must linger past the intent threshold.
      await new Promise((resolve) => setTimeout(resolve, 700))
      await userEvent.unhover(card)
      await waitFor(() => expect(canvas.getByRole('row', { name: /hero-card-a/ })).toHaveTextContent('1 ×'))
    })
  },
}
