import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { AdaptiveButton, createAttune, PersonalizationProvider, withDecisions } from '../../src'

const RULES = { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] }
const variantsOf = (i: number) => ({ default: { label: `Add item ${i}` }, shopper: { label: `Check out item ${i}`, tone: 'success' as const } })

/** Mounts `n` buttons, makes their segment active, and returns the engine's decide calls per button it took. */
function decideCallsPerButton(n: number): number {
  const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync', consent: 'granted' }), { hold: 0, rules: RULES })
  const { unmount } = render(
    <PersonalizationProvider attune={attune}>
      {Array.from({ length: n }, (_, i) => (
        <AdaptiveButton key={i} id={`item-${i}`} variants={variantsOf(i)} />
      ))}
    </PersonalizationProvider>,
  )
  const decide = vi.spyOn(attune, 'decide')
  act(() => attune.track('add_to_cart'))
  const calls = decide.mock.calls.length
  // Every button shows its segment's variant, and the variant history has them all.
  expect(screen.getAllByRole('button').map((button) => button.dataset.variant)).toEqual(Array.from({ length: n }, () => 'shopper'))
  expect(Object.keys(attune.getProfile().state.variants ?? {})).toHaveLength(n)
  unmount()
  return calls / n
}

describe('a segment change with many AdaptiveButtons mounted', () => {
  // Issue #11: each button's history write (after it showed its new variant)
  // was heard by every mounted button, which decided again: N buttons made
  // N² decide calls, and a segment change took 0.25 s for 100 buttons, 18.6 s
  // for 1,000. Each button's work must not depend on how many there are.
  it("costs each button a bounded number of decisions, whatever the number of buttons", () => {
    const few = decideCallsPerButton(10)
    const many = decideCallsPerButton(80)
    expect(few).toBeLessThanOrEqual(8)
    expect(many).toBe(few)
  })
})
