import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor } from 'storybook/test'
import '../src/styles.css'
import { createAttune, PersonalizationProvider, withDecisions, type Variants } from '../src'
import { Adaptive } from '../src/components/Adaptive'

const RULES = { segments: [{ id: 'returning', when: { event: 'login', count: { gte: 1 } } }] }

interface Hero {
  title: string
  lead: string
  action: string
}

const VARIANTS: Variants<Hero> = {
  default: { title: 'Shoes that fit', lead: 'Free returns for 30 days, on every pair.', action: 'Find your size' },
  returning: { title: 'Welcome back', lead: 'Your size is saved: new arrivals in it are below.', action: 'See new arrivals' },
}

/** A fresh in-memory instance per story; `segment` puts the visitor in it. */
function Demo({ segment }: { segment?: 'returning' }) {
  const [attune] = useState(() => {
    const instance = withDecisions(createAttune({ storage: 'memory', consent: 'denied', schedule: 'sync' }), { rules: RULES, hold: 0 })
    if (segment === 'returning') instance.track('login')
    return instance
  })
  return (
    <PersonalizationProvider attune={attune}>
      <Adaptive id="hero" variants={VARIANTS}>
        {(variant, decision) => (
          <section aria-labelledby="hero-title" data-variant={decision.key} style={{ maxWidth: 480, fontFamily: 'system-ui, sans-serif' }}>
            <h2 id="hero-title">{variant.title}</h2>
            <p>{variant.lead}</p>
            <a href="#shop">{variant.action}</a>
          </section>
        )}
      </Adaptive>
    </PersonalizationProvider>
  )
}

const meta = {
  title: 'Components/Adaptive',
  component: Demo,
  parameters: { layout: 'centered' },
} satisfies Meta<typeof Demo>

export default meta
type Story = StoryObj<typeof meta>

/** A new visitor: the render function gets the default variant. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Shoes that fit' })).toBeInTheDocument()
    await expect(canvas.getByRole('region', { name: 'Shoes that fit' })).toHaveAttribute('data-variant', 'default')
  },
}

/** A visitor who logged in before: the returning variant, from the same render function. */
export const Returning: Story = {
  args: { segment: 'returning' },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Welcome back' })).toBeInTheDocument())
    await expect(canvas.getByRole('link', { name: 'See new arrivals' })).toHaveAttribute('href', '#shop')
  },
}
