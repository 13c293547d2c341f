import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { Adaptive, AdaptiveButton, useReducedMotion } from '../src'
import { EXPERIMENT, isReducedMotion } from './support/workshop'

/** Components on the example rules: what the simulator's signals change. */
function Page() {
  return (
    <div style={{ display: 'grid', gap: 16, justifyItems: 'start' }}>
      <Adaptive
        id="workshop-hero"
        variants={{ default: 'Shoes for every day', shopper: 'Your cart is waiting', reader: 'Read what others say', returning: 'Welcome back' }}
      >
        {(title) => <h1 style={{ margin: 0, fontSize: 24 }}>{title}</h1>}
      </Adaptive>
      <AdaptiveButton
        id="workshop-cta"
        experiment={EXPERIMENT}
        variants={{
          default: { label: 'Buy now' },
          bold: { label: 'Get it today', tone: 'warning' },
          shopper: { label: 'Check out', tone: 'success', animation: 'pulse' },
          reader: { label: 'See the reviews', tone: 'neutral' },
          returning: { label: 'Pick up where you left off', tone: 'primary', animation: 'shimmer' },
        }}
      />
    </div>
  )
}

const meta = {
  title: 'Workshop/Behavior simulator',
  component: Page,
  parameters: { layout: 'fullscreen' },
  globals: { simulator: 'show' },
} satisfies Meta<typeof Page>

export default meta
type Story = StoryObj<typeof meta>

/** Push signals on the right; the heading and the button follow, and each segment's trace says why. */
export const Simulator: Story = {
  play: async ({ canvasElement }) => {
    // Nothing is pushed here: a designer starts from a new visitor.
    const panel = within(within(canvasElement).getByRole('complementary', { name: 'Behavior simulator' }))
    await expect(panel.getByTestId('active-segments')).toHaveTextContent('none')
    await expect(panel.getByRole('table', { name: 'shopper: does not match' })).toBeInTheDocument()
  },
}

/**
 * The simulator driven as a designer would: an event, reading time and a new
 * visit each bring a segment in, and the components follow. Hidden from the
 * sidebar (`!dev`): a designer opens Simulator, with a new visitor.
 */
export const SimulatorScript: Story = {
  name: 'Simulator: push signals',
  tags: ['!dev'],
  play: async ({ canvasElement, userEvent, step }) => {
    const canvas = within(canvasElement)
    const panel = within(canvas.getByRole('complementary', { name: 'Behavior simulator' }))
    const active = () => panel.getByTestId('active-segments')
    await expect(active()).toHaveTextContent('none')
    await step('a custom event: add_to_cart makes a shopper', async () => {
      await userEvent.click(panel.getByRole('button', { name: 'Track' }))
      await waitFor(() => expect(active()).toHaveTextContent('shopper'))
      await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Your cart is waiting')
      await expect(canvas.getByRole('button', { name: 'Check out' })).toBeInTheDocument()
      const trace = panel.getByRole('table', { name: 'shopper: matches' })
      await expect(within(trace).getByRole('cell', { name: 'passes' })).toBeInTheDocument()
    })
    await step('20 s on the reviews makes a reader too', async () => {
      const read = panel.getByRole('button', { name: 'Read the reviews 10 s' })
      await userEvent.click(read)
      await expect(active()).toHaveTextContent(/^shopper$/)
      await userEvent.click(read)
      await waitFor(() => expect(active()).toHaveTextContent('shopper, reader'))
      await expect(panel.getByRole('table', { name: 'reader: matches' })).toBeInTheDocument()
    })
    await step('a new visit makes a returning visitor', async () => {
      await userEvent.click(panel.getByRole('button', { name: 'New visit' }))
      await waitFor(() => expect(panel.getByText(/Visits: 2/)).toBeInTheDocument())
      await waitFor(() => expect(active()).toHaveTextContent('returning'))
    })
  },
}

/** The toolbar forces a segment whatever the behavior: the simulator says so. */
export const Forced: Story = {
  globals: { segment: 'returning' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome back')
    await expect(canvas.getByText(/forced by the toolbar/)).toBeInTheDocument()
  },
}

/** Under reduced motion nothing moves, whatever the variant asks. */
export const ReducedMotion: Story = {
  globals: { segment: 'returning', motion: 'reduce' },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Pick up where you left off' })
    // Not a wait for a state: the time in which an animation, were it allowed, would have started.
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(button.getAnimations({ subtree: true })).toHaveLength(0)
  },
}

function MotionReadout() {
  return <output data-testid="motion">{useReducedMotion() ? 'reduced' : 'moving'}</output>
}

/**
 * The Vitest project running this story, or undefined in Storybook itself.
 * Read from Vitest's worker state: a story cannot import vitest, since the
 * same file runs in the static Storybook.
 */
const vitestProject = () => (globalThis as { __vitest_worker__?: { config?: { name?: string } } }).__vitest_worker__?.config?.name

/**
 * The toolbar's motion reaches every component. The story tests run twice
 * (vitest.config.ts): the second run pins motion to 'reduce' and the theme to
 * dark for every story, and this story checks that it really does.
 */
export const MotionOfThisRun: Story = {
  render: () => <MotionReadout />,
  play: async ({ canvasElement, globals }) => {
    const project = vitestProject()
    // Under Vitest the project must be found: otherwise this check would quietly stop checking.
    if ('__vitest_browser_runner__' in globalThis && project === undefined) throw new Error("Vitest runs this story, but its project's name was not found (vitestProject)")
    if (project !== undefined) {
      const second = project.includes('reduced motion')
      await expect({ motion: globals.motion as unknown, theme: globals.theme as unknown }).toEqual(second ? { motion: 'reduce', theme: 'dark' } : { motion: 'user', theme: 'light' })
    }
    await expect(canvasElement.querySelector('[data-attune-theme]')).toHaveAttribute('data-attune-theme', globals.theme as string)
    await expect(within(canvasElement).getByTestId('motion')).toHaveTextContent(isReducedMotion(globals) ? 'reduced' : 'moving')
  },
}
