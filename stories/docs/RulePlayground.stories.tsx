import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { RulePlayground } from './RulePlayground'

const meta = {
  title: 'Docs/Rule playground',
  component: RulePlayground,
  // The playground makes its own instance, as on the Rules docs page (which
  // gets no decorator): the story tests exactly what the page shows.
  parameters: { workshop: false },
} satisfies Meta<typeof RulePlayground>

export default meta
type Story = StoryObj<typeof meta>

/** The trace row of a segment's condition, by the condition's JSON path. */
const row = (canvasElement: HTMLElement, segment: string, at: string) => {
  const table = canvasElement.querySelector<HTMLTableElement>(`table[data-segment="${segment}"]`)
  const found = [...(table?.tBodies[0]?.rows ?? [])].find((tr) => tr.querySelector('th')?.textContent === at)
  if (!found) throw new Error(`no trace row ${at} for segment "${segment}"`)
  return found
}

/**
 * Edit the rules: a typo in an operator shows the error with its JSON path
 * and leaves that segment out; fixing it brings it back. Then push signals
 * and watch segments become active, with the trace of why.
 */
export const EditAndPush: Story = {
  play: async ({ canvas, canvasElement, userEvent, step }) => {
    const rules = canvas.getByRole<HTMLTextAreaElement>('textbox', { name: 'Rules (JSON)' })
    const status = canvas.getByTestId('rules-status')
    const active = canvas.getByTestId('active-segments')
    await expect(status).toHaveTextContent('No errors')
    await expect(rules).toHaveAttribute('aria-invalid', 'false')
    await expect(active).toHaveTextContent('none')
    await expect(canvas.getByTestId('headline')).toHaveAttribute('data-variant', 'default')

    // The shopper rule's count operator comes first in the document: `"gte": 1`.
    const at = rules.value.indexOf('"gte"') + '"gte'.length
    await step('a typo in an operator: the error names its path', async () => {
      await userEvent.type(rules, 'e', { initialSelectionStart: at, initialSelectionEnd: at })
      await expect(rules.value).toContain('"gtee": 1')
      await waitFor(() => expect(status).toHaveTextContent('1 error'))
      const errors = canvas.getByRole('list', { name: 'Rule errors' })
      await expect(errors).toHaveTextContent('/segments/0/when/count/gtee')
      await expect(errors).toHaveTextContent('unknown operator "gtee" (did you mean "gte"?)')
      await expect(rules).toHaveAttribute('aria-invalid', 'true')
      // A segment with errors is left out; the others still apply.
      await expect(canvasElement.querySelector('table[data-segment="shopper"]')).toBeNull()
      await expect(canvasElement.querySelector('table[data-segment="reader"]')).not.toBeNull()
    })

    await step('fixed: no errors, the shopper segment is back', async () => {
      await userEvent.type(rules, '{Backspace}', { initialSelectionStart: at + 1, initialSelectionEnd: at + 1 })
      await expect(rules.value).toContain('"gte": 1')
      await waitFor(() => expect(status).toHaveTextContent('No errors'))
      await expect(canvas.queryByRole('list', { name: 'Rule errors' })).toBeNull()
      await expect(canvasElement.querySelector('table[data-segment="shopper"]')).not.toBeNull()
    })

    await step('Add to cart: shopper becomes active, and the trace says why', async () => {
      await expect(row(canvasElement, 'shopper', '/segments/0/when')).toHaveTextContent('fails')
      await userEvent.click(canvas.getByRole('button', { name: 'Add to cart' }))
      await waitFor(() => expect(active).toHaveTextContent('shopper'))
      const shopper = row(canvasElement, 'shopper', '/segments/0/when')
      // The value read is the event count, 1, and the condition passes.
      await expect(within(shopper).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([expect.stringContaining('add_to_cart'), '1', 'passes'])
      await expect(canvas.getByRole('table', { name: /^shopper: matches, active/ })).toBeInTheDocument()
      await expect(canvas.getByTestId('headline')).toHaveAttribute('data-variant', 'shopper')
    })

    await step('Scroll to 70%: reader too, after shopper by priority', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Scroll to 70%' }))
      await waitFor(() => expect(active).toHaveTextContent('shopper, reader'))
      const depth = row(canvasElement, 'reader', '/segments/1/when/any/0')
      await expect(within(depth).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([expect.stringContaining('scroll.depth'), '0.7', 'passes'])
    })

    await step('not JSON: said so, and the rules last loaded stay in effect', async () => {
      await userEvent.type(rules, '{Backspace}', { initialSelectionStart: rules.value.length, initialSelectionEnd: rules.value.length })
      await waitFor(() => expect(status).toHaveTextContent('Not valid JSON'))
      await expect(rules).toHaveAttribute('aria-invalid', 'true')
      await expect(active).toHaveTextContent('shopper, reader')
      await userEvent.type(rules, '}', { initialSelectionStart: rules.value.length, initialSelectionEnd: rules.value.length })
      await waitFor(() => expect(status).toHaveTextContent('No errors'))
    })
  },
}
