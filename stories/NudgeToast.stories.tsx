import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import { createAttune, PersonalizationProvider, withDecisions } from '../src'
import { NudgeToast, type NudgeToastProps } from '../src/components/NudgeToast'

const TRIGGER = 'demo_nudge'
const rules = { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] }

const variants: NudgeToastProps['variants'] = {
  default: { title: 'Free shipping', message: 'Orders over {{min | 50 €}} ship free this week.' },
  shopper: {
    title: 'Your cart is waiting',
    message: ['Complete your order today: your items are saved.', 'Still thinking it over? Your items are saved.'],
    action: { label: 'View cart', altText: 'Open the cart from the header to complete your order' },
    tone: 'primary',
  },
}

interface DemoProps extends Partial<NudgeToastProps> {
  /** Puts the visitor in the `shopper` segment. */
  shopper?: boolean
}

function Demo({ shopper = false, ...props }: DemoProps) {
  // One instance per story, in memory; caps loose enough to show it again and again.
  const [attune] = useState(() => {
    const instance = withDecisions(createAttune({ storage: 'memory', consent: 'granted', schedule: 'sync' }), { rules, hold: 0, budget: 1000 })
    if (shopper) instance.track('add_to_cart')
    return instance
  })
  return (
    <PersonalizationProvider attune={attune}>
      <button type="button" onClick={() => attune.track(TRIGGER)}>
        Show the nudge
      </button>
      <NudgeToast id="offer" trigger={TRIGGER} variants={variants} cap={{ perSession: 1000, cooldown: 0 }} {...props} />
    </PersonalizationProvider>
  )
}

const meta = {
  title: 'Components/NudgeToast',
  component: Demo,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Demo>

export default meta
type Story = StoryObj<typeof meta>

/** Opens the toast as its trigger would, and waits until it has faded in. */
const opens =
  (text: string): Story['play'] =>
  async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show the nudge' }))
    // In the toast, not the live region (which repeats its text for screen readers).
    const toasts = within(canvas.getByRole('region', { name: 'Notifications (F8)' }))
    await waitFor(() => expect(toasts.getByText(text)).toBeVisible())
    // Entered: axe then checks the contrast of the text at full opacity, not mid-fade.
    const body = toasts.getByText(text).closest('[data-attune="toast-body"]')!
    await waitFor(() => expect(getComputedStyle(body).opacity).toBe('1'))
  }

/** The default variant: a title and a message. */
export const Default: Story = {
  play: opens('Orders over 50 € ship free this week.'),
}

/** An action, with the alternative text screen readers hear in its place. */
export const WithAction: Story = {
  args: {
    variants: { default: { ...variants.default, action: { label: 'See the offer', altText: 'The offer is on the home page' } } },
  },
  play: opens('See the offer'),
}

/** "Helpful / not helpful" feedback: not helpful stops this nudge for the visitor. */
export const WithFeedback: Story = {
  args: { feedback: true },
  play: async (context) => {
    await opens('Orders over 50 € ship free this week.')!(context)
    await expect(context.canvas.getByRole('group', { name: 'Was this helpful?' })).toBeVisible()
  },
}

/** The `shopper` segment's variant: its own message, an action and the primary tone. */
export const ShopperSegment: Story = {
  args: { shopper: true },
  play: opens('Complete your order today: your items are saved.'),
}
