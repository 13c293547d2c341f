import { act, cleanup, render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { createAttune, PersonalizationProvider, withDecisions, type DecisionAttune, type DecisionEvent } from '../../src'
import { NudgeToast, type NudgeToastProps, type ToastVariant } from '../../src/components/NudgeToast'
import { axeViolations } from '../support/axe'
import { WAIT } from '../support/waits'

const rules = { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] }
/** Weights 0 and 1: every visitor gets `bold`. */
const experiments = [{ id: 'copy', arms: { control: 0, bold: 1 } }]

const variants: Record<string, ToastVariant> & { default: ToastVariant } = {
  default: { title: 'Free shipping', message: 'Orders over {{min | 50 €}} ship free.' },
  shopper: {
    title: 'Your cart is waiting',
    message: 'Complete your order today.',
    action: { label: 'View cart', altText: 'Open the cart from the header' },
    tone: 'primary',
  },
  bold: { message: 'Last chance: free shipping ends today!', tone: 'warning', animation: 'pop' },
}

let attune: DecisionAttune
let events: DecisionEvent[]

beforeEach(() => {
  attune = withDecisions(createAttune({ consent: 'granted', storage: 'memory', schedule: 'sync' }), { hold: 0, rules, experiments })
  events = []
  attune.onDecision((event) => events.push(event))
})

afterEach(async () => {
  cleanup()
  await commands.reducedMotion('no-preference')
})

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
const toast = () => document.querySelector<HTMLElement>('[data-attune="toast"]')
const nudgeActions = () => events.flatMap((e) => (e.type === 'nudge' ? [e.action] : []))

function mount(children: ReactNode) {
  return render(<PersonalizationProvider attune={attune}>{children}</PersonalizationProvider>)
}

function Offer(props: Partial<NudgeToastProps>) {
  return <NudgeToast id="offer" trigger="exit_intent" variants={variants} feedback duration={Infinity} {...props} />
}

/** Fires the trigger and waits until the toast has entered (axe checks contrast at full opacity, not mid-fade). */
async function open() {
  act(() => attune.track('exit_intent'))
  await vi.waitFor(() => expect(getComputedStyle(toast()!.querySelector('[data-attune="toast-body"]')!).opacity).toBe('1'), WAIT)
}

describe('NudgeToast in Chromium', () => {
  it.each([
    ['default', () => {}, {}],
    ['shopper (with an action)', () => attune.track('add_to_cart'), {}],
    ['bold (an arm)', () => {}, { experiment: 'copy' }],
  ] as const)('has no axe violations, open, in the %s variant', async (name, setup, props) => {
    setup()
    const { container } = mount(<Offer {...props} />)
    await open()
    expect(toast()!.dataset.variant).toBe(name.split(' ')[0])
    expect(container).toContainElement(toast())
    expect(await axeViolations(container)).toEqual([])
  })

  it('has its live region before the first toast', async () => {
    mount(<Offer />)
    const region = document.querySelector('[role="status"][aria-live="polite"]')
    expect(region).not.toBeNull()
    expect(region!.textContent).toBe('')
    await frame()
    await frame()
    await open()
    await vi.waitFor(() => expect(region!.textContent).toContain('Orders over 50 € ship free.'), WAIT)
    expect(region!.isConnected).toBe(true)
  })

  it('walks by keyboard: F8, then Tab through the toast, its action, feedback and close; Enter closes', async () => {
    const onAction = vi.fn()
    attune.track('add_to_cart')
    mount(
      <>
        <button type="button">Before</button>
        <Offer onAction={onAction} />
      </>,
    )
    await open()
    const shown = toast()!
    ;(document.querySelector('button') as HTMLButtonElement).focus()
    await userEvent.keyboard('{F8}')
    expect(document.activeElement).toHaveAttribute('data-attune', 'toast-viewport')
    const stops: string[] = []
    for (let i = 0; i < 5; i++) {
      await userEvent.keyboard('{Tab}')
      const active = document.activeElement as HTMLElement
      stops.push(active === shown ? 'toast' : active.getAttribute('aria-label') ?? active.textContent)
    }
    expect(stops).toEqual(['toast', 'View cart', 'Helpful', 'Not helpful', 'Dismiss'])
    await userEvent.keyboard('{Enter}')
    await vi.waitFor(() => expect(toast()).toBeNull(), WAIT)
    expect(nudgeActions()).toEqual(['shown', 'dismissed'])
    expect(onAction).not.toHaveBeenCalled()
  })

  it.each([
    ['the action', 'View cart', ['shown'], 1],
    ['"Not helpful"', 'Not helpful', ['shown', 'not-helpful'], 0],
  ] as const)('activates %s with Enter', async (_, label, actions, calls) => {
    const onAction = vi.fn()
    attune.track('add_to_cart')
    mount(<Offer onAction={onAction} />)
    await open()
    await userEvent.keyboard('{F8}')
    for (let i = 0; i < 5 && (document.activeElement as HTMLElement).textContent !== label; i++) await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toHaveTextContent(label)
    await userEvent.keyboard('{Enter}')
    await vi.waitFor(() => expect(toast()).toBeNull(), WAIT)
    expect(nudgeActions()).toEqual(actions)
    expect(onAction).toHaveBeenCalledTimes(calls)
  })

  it('dismisses with Escape', async () => {
    mount(<Offer />)
    await open()
    await userEvent.keyboard('{F8}')
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toBe(toast())
    await userEvent.keyboard('{Escape}')
    await vi.waitFor(() => expect(toast()).toBeNull(), WAIT)
    expect(nudgeActions()).toEqual(['shown', 'dismissed'])
  })
})

describe('NudgeToast motion', () => {
  /** The entrance lasts 200 ms: samples every frame over its first 100 ms see it mid-way. */
  const SAMPLE_MS = 100

  /** The computed transform and opacity of the toast's moving part and of its root, every frame of its entrance. */
  async function sampleEntrance(setting: 'reduce' | 'no-preference') {
    await commands.reducedMotion(setting)
    await frame()
    await frame()
    mount(<Offer />)
    act(() => attune.track('exit_intent'))
    const samples: { body: string; opacity: number; root: string }[] = []
    const start = performance.now()
    while (performance.now() - start < SAMPLE_MS) {
      const root = toast()
      const body = root?.querySelector('[data-attune="toast-body"]')
      if (root && body) samples.push({ body: getComputedStyle(body).transform, opacity: Number(getComputedStyle(body).opacity), root: getComputedStyle(root).transform })
      await frame()
    }
    expect(samples.length).toBeGreaterThan(0)
    return samples
  }

  it('only fades in under reduced motion: no transform at any point of the entrance', async () => {
    const samples = await sampleEntrance('reduce')
    expect(samples.some((s) => s.opacity < 1)).toBe(true) // sampled during the entrance
    expect(samples.filter((s) => s.body !== 'none' || s.root !== 'none')).toEqual([])
  })

  it('slides in otherwise, moving the inner element (the root keeps its transform for the swipe)', async () => {
    const samples = await sampleEntrance('no-preference')
    expect(samples.some((s) => s.body !== 'none')).toBe(true)
    expect(samples.filter((s) => s.root !== 'none')).toEqual([])
  })
})
