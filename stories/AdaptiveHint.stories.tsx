import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor } from 'storybook/test'
import '../src/styles.css'
import { createAttune, PersonalizationProvider, withDecisions, type Variants } from '../src'
import { AdaptiveHint, type AdaptiveHintProps, type HintVariant } from '../src/components/AdaptiveHint'

const RULES = { segments: [{ id: 'returning', when: { event: 'login', count: { gte: 1 } } }] }

const VARIANTS: Variants<HintVariant> = {
  default: { text: 'Prices include VAT and free returns' },
  returning: { text: 'Same prices as last time, {{name | friend}}: VAT included', animation: 'pop' },
}

type DemoProps = Omit<AdaptiveHintProps, 'children'> & { segment?: 'returning' }

/** A fresh in-memory instance per story; `segment` puts the visitor in it. */
function Demo({ segment, ...props }: DemoProps) {
  const [attune] = useState(() => {
    const instance = withDecisions(createAttune({ storage: 'memory', consent: 'denied', schedule: 'sync' }), { rules: RULES, hold: 0 })
    if (segment === 'returning') instance.track('login')
    return instance
  })
  return (
    <PersonalizationProvider attune={attune}>
      <AdaptiveHint {...props}>
        <button type="button">Pricing</button>
      </AdaptiveHint>
    </PersonalizationProvider>
  )
}

const meta = {
  title: 'Components/AdaptiveHint',
  component: Demo,
  // Lifted caps: a designer opens it again and again here (the default is once per session).
  args: { id: 'pricing-hint', variants: VARIANTS, cap: { perSession: 100, perDay: 20, cooldown: 0 } },
  parameters: { layout: 'centered' },
} satisfies Meta<typeof Demo>

export default meta
type Story = StoryObj<typeof meta>

/**
 * Waits for the hint's entrance to end: axe measures contrast on what it
 * sees, and a fading hint is faint. Opacity, not running animations: until
 * framer-motion's features arrive (lazily), the hint waits at opacity 0 with
 * nothing running.
 */
const settled = (hint: HTMLElement) => waitFor(() => expect(getComputedStyle(hint).opacity).toBe('1'), { timeout: 3000 })

/** Rest the pointer on the button for half a second, or Tab to it: the hint describes it. Escape hides it. */
export const Default: Story = {
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Pricing' })
    await expect(button).not.toHaveAttribute('aria-describedby')
    button.focus()
    await waitFor(() => expect(button).toHaveAccessibleDescription('Prices include VAT and free returns'))
    const hint = document.getElementById(button.getAttribute('aria-describedby')!)!
    await expect(hint).toHaveAttribute('role', 'tooltip')
    await settled(hint)
  },
}

/** A returning visitor: the hint's own variant, which pops in (and fades under reduced motion). */
export const Returning: Story = {
  args: { segment: 'returning' },
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Pricing' })
    button.focus()
    await waitFor(() => expect(button).toHaveAccessibleDescription('Same prices as last time, friend: VAT included'))
    await settled(document.getElementById(button.getAttribute('aria-describedby')!)!)
  },
}
