import { act, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createAttune, PersonalizationProvider, withDecisions } from '../../src'
import { NudgeToast } from '../../src/components/NudgeToast'

// The first toast of a page, in a module registry of its own (Vitest isolates
// each test file): Radix Toast's part of the viewport is not loaded yet.
// Every other NudgeToast test loads it up front (nudge-toast.test.tsx).
describe("NudgeToast: Radix Toast's part loads with the first toast", () => {
  it('has only the live region before the first toast; the toast, its region and F8 come with the first toast, and stay', async () => {
    const attune = withDecisions(createAttune({ consent: 'granted', storage: 'memory', schedule: 'sync' }))
    render(
      <PersonalizationProvider attune={attune}>
        <NudgeToast id="offer" trigger="exit_intent" variants={{ default: { title: 'Free shipping', message: 'Orders over 50 € ship free.' } }} />
      </PersonalizationProvider>,
    )
    const live = screen.getByRole('status')
    expect(live).toHaveAttribute('aria-live', 'polite')
    // Nothing of Radix Toast at mount: no labelled region, no toast.
    expect(document.querySelector('[data-attune="toast-viewport"]')).toBeNull()
    expect(screen.queryByRole('region')).toBeNull()
    // Let the live region settle (two frames), as it has long before any real trigger.
    await act(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))

    act(() => attune.track('exit_intent'))
    // The live region speaks at once; the toast shows as soon as its code has arrived.
    expect(live).toHaveTextContent('Orders over 50 € ship free.')
    const region = await screen.findByRole('region', { name: 'Notifications (F8)' })
    await waitFor(() => expect(region).toContainElement(document.querySelector('[data-attune="toast"]')))
    expect(within(region).getByText('Free shipping')).toBeInTheDocument()
    expect(screen.getAllByRole('status')).toEqual([live])

    // Closed, the toast goes; the region stays for the next one.
    act(() => within(region).getByRole('button', { name: 'Dismiss' }).click())
    await waitFor(() => expect(document.querySelector('[data-attune="toast"]')).toBeNull())
    expect(screen.getByRole('region', { name: 'Notifications (F8)' })).toBe(region)
  })
})
