import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor } from 'storybook/test'
import '../src/styles.css'
import { AdaptiveButton, createAttune, PersonalizationProvider, withDecisions, type AdaptiveButtonProps, type ButtonVariant, type Variants } from '../src'

const RULES = { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] }

const VARIANTS: Variants<ButtonVariant> = {
  default: { label: 'Buy now' },
  shopper: { label: 'Check out, {{name | friend}}', tone: 'success', icon: '→', iconPosition: 'end', animation: 'pulse' },
}

/** A fresh in-memory instance per story; `segment` puts the visitor in it. */
function Demo({ segment, ...props }: AdaptiveButtonProps & { segment?: string }) {
  const [attune] = useState(() => {
    const instance = withDecisions(createAttune({ storage: 'memory', consent: 'denied', schedule: 'sync' }), { rules: RULES, hold: 0 })
    if (segment === 'shopper') instance.track('add_to_cart')
    return instance
  })
  return (
    <PersonalizationProvider attune={attune}>
      <AdaptiveButton {...props} />
    </PersonalizationProvider>
  )
}

const meta = {
  title: 'Components/AdaptiveButton',
  component: Demo,
  args: { id: 'checkout', variants: VARIANTS },
  parameters: { layout: 'centered' },
} satisfies Meta<typeof Demo>

export default meta
type Story = StoryObj<typeof meta>

/** A new visitor: the default variant. */
export const Default: Story = {
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole('button', { name: 'Buy now' })
    await expect(button).toHaveAttribute('data-variant', 'default')
    await userEvent.click(button)
  },
}

/** A visitor who added to the cart: the shopper variant, with its pulse. */
export const Shopper: Story = {
  args: { segment: 'shopper' },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Check out, friend' })).toHaveAttribute('data-segment', 'shopper'))
  },
}

/** Every tone, from the optional stylesheet. */
export const Tones: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 12 }}>
      {(['primary', 'neutral', 'success', 'warning', 'danger'] as const).map((tone) => (
        <Demo key={tone} id={`tone-${tone}`} variants={{ default: { label: tone, tone } }} />
      ))}
    </div>
  ),
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
