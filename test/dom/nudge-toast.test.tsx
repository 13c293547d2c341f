import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAttune, PersonalizationProvider, withDecisions, type DecisionAttune, type DecisionEvent, type ErrorReporter } from '../../src'
import { NudgeToast, NudgeViewport, type NudgeToastProps, type ToastVariant } from '../../src/components/NudgeToast'
import { loadToastLayer } from '../../src/components/NudgeToast/loadToastLayer'

const rules = { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] }
/** Weights 0 and 1: every visitor gets `bold`, so the arm's variant is known. */
const experiments = [{ id: 'copy', arms: { control: 0, bold: 1 } }]
/** Caps loose enough to open it again in one test. */
const AGAIN = { perSession: 5, cooldown: 0 }

const variants: Record<string, ToastVariant> & { default: ToastVariant } = {
  default: { title: 'Free shipping', message: 'Orders over {{min | 50 €}} ship free.' },
  shopper: {
    title: 'Your cart is waiting, {{name | friend}}',
    message: ['Complete your order today.', 'Still thinking it over?'],
    action: { label: 'View cart', altText: 'Open the cart from the header' },
    tone: 'primary',
  },
  bold: { message: 'Last chance: free shipping ends today!', tone: 'warning' },
}

let attune: DecisionAttune
let events: DecisionEvent[]
let onError: ReturnType<typeof vi.fn<ErrorReporter>>

function make() {
  attune = withDecisions(createAttune({ consent: 'granted', storage: 'memory', schedule: 'sync' }), { hold: 0, rules, experiments })
  events = []
  attune.onDecision((event) => events.push(event))
}

// Radix Toast's part of the viewport loads with a page's first toast
// (loadToastLayer.ts); here it is loaded up front, so these tests see the toasts
// as every toast after the first: in the same commit as their trigger. The
// first load is test/dom/toast-layer.test.tsx's.
beforeAll(async () => {
  await loadToastLayer()
})

beforeEach(() => {
  make()
  onError = vi.fn<ErrorReporter>()
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function wrap(children: ReactNode) {
  return (
    <PersonalizationProvider attune={attune} onError={onError}>
      {children}
    </PersonalizationProvider>
  )
}

function Offer(props: Partial<NudgeToastProps>) {
  return <NudgeToast id="offer" trigger="exit_intent" variants={variants} {...props} />
}

const fire = () => act(() => attune.track('exit_intent'))
const toast = () => document.querySelector<HTMLElement>('[data-attune="toast"]')
const nudgeActions = () => events.flatMap((e) => (e.type === 'nudge' ? [e.action] : []))
/** Waits until the viewport's live region takes text (two frames after it mounts). */
const liveRegion = () => screen.getByRole('status')

describe('NudgeToast: variants', () => {
  it('opens on its trigger with the default variant, and renders nothing in place', () => {
    render(wrap(<div data-testid="place">{<Offer />}</div>))
    expect(toast()).toBeNull()
    fire()
    const shown = toast()!
    expect(shown).toHaveAttribute('data-variant', 'default')
    expect(shown).toHaveAttribute('data-tone', 'neutral')
    expect(shown).toHaveAttribute('data-state', 'open')
    expect(within(shown).getByText('Free shipping')).toHaveAttribute('data-attune', 'toast-title')
    expect(within(shown).getByText('Orders over 50 € ship free.')).toHaveAttribute('data-attune', 'toast-message')
    expect(screen.getByTestId('place')).toBeEmptyDOMElement()
    expect(nudgeActions()).toEqual(['shown'])
  })

  it("shows the segment's variant to a visitor in the segment", () => {
    render(wrap(<Offer />))
    act(() => attune.track('add_to_cart'))
    fire()
    const shown = toast()!
    expect(shown).toHaveAttribute('data-variant', 'shopper')
    expect(shown).toHaveAttribute('data-segment', 'shopper')
    expect(shown).toHaveAttribute('data-tone', 'primary')
    expect(shown).toHaveTextContent('Your cart is waiting, friend')
    expect(within(shown).getByRole('button', { name: 'View cart' })).toHaveAttribute('data-attune', 'toast-action')
  })

  it("shows the arm's variant in an experiment", () => {
    render(wrap(<Offer experiment="copy" />))
    fire()
    expect(toast()).toHaveAttribute('data-variant', 'bold')
    expect(toast()).toHaveAttribute('data-arm', 'bold')
    expect(toast()).toHaveTextContent('Last chance: free shipping ends today!')
  })

  it('renders templates as text: markup in a value or a trait stays text', () => {
    attune.identify({ name: '<img src=x onerror="alert(1)">' })
    attune.track('add_to_cart')
    render(wrap(<Offer values={{ min: '<b>40 €</b>' }} variants={{ ...variants, shopper: { ...variants.shopper!, message: 'Orders over {{min}} ship free.' } }} />))
    fire()
    expect(toast()).toHaveTextContent('Your cart is waiting, <img src=x onerror="alert(1)">')
    expect(toast()).toHaveTextContent('Orders over <b>40 €</b> ship free.')
    expect(document.querySelector('b, img')).toBeNull()
  })

  it('rotates its messages from one opening to the next', () => {
    attune.track('add_to_cart')
    render(wrap(<Offer cap={AGAIN} />))
    const texts: string[] = []
    for (let i = 0; i < 3; i++) {
      fire()
      texts.push(within(toast()!).getByText(/order|thinking/).textContent)
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    }
    expect(texts).toEqual(['Complete your order today.', 'Still thinking it over?', 'Complete your order today.'])
  })
  it('keeps its text while open, whatever re-renders it', () => {
    attune.track('add_to_cart')
    const { rerender } = render(wrap(<Offer />))
    fire()
    expect(toast()).toHaveTextContent('Complete your order today.')
    rerender(wrap(<Offer closeLabel="Close" />))
    expect(within(toast()!).getByRole('button', { name: 'Close' })).toBeInTheDocument()
    expect(toast()).toHaveTextContent('Complete your order today.')
  })
})

describe('NudgeToast: caps and outcomes', () => {
  it('counts the showing, and the caps stop a second one', () => {
    render(wrap(<Offer />))
    fire()
    expect(toast()).not.toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(toast()).toBeNull()
    fire()
    expect(toast()).toBeNull()
    expect(attune.nudgeStatus('offer').allowed).toBe(false)
    expect(nudgeActions()).toEqual(['shown', 'dismissed'])
  })

  it.each([
    ['Helpful', 'helpful'],
    ['Not helpful', 'not-helpful'],
  ])('passes "%s" to the engine as feedback', (name, action) => {
    render(wrap(<Offer feedback cap={AGAIN} />))
    fire()
    const group = screen.getByRole('group', { name: 'Was this helpful?' })
    fireEvent.click(within(group).getByRole('button', { name }))
    expect(toast()).toBeNull()
    expect(nudgeActions()).toEqual(['shown', action])
    expect(attune.nudgeStatus('offer', AGAIN).reason).toBe(action === 'not-helpful' ? 'marked not helpful' : null)
  })

  it('dismisses with Escape', () => {
    render(wrap(<Offer />))
    fire()
    fireEvent.keyDown(toast()!, { key: 'Escape' })
    expect(toast()).toBeNull()
    expect(nudgeActions()).toEqual(['shown', 'dismissed'])
  })

  it('runs its action: onAction is called, the action is tracked, and it is no dismissal', () => {
    const onAction = vi.fn()
    attune.track('add_to_cart')
    render(wrap(<Offer onAction={onAction} />))
    fire()
    fireEvent.click(screen.getByRole('button', { name: 'View cart' }))
    expect(onAction).toHaveBeenCalledTimes(1)
    expect(toast()).toBeNull()
    expect(attune.getProfile().events['offer:action']?.count).toBe(1)
    expect(nudgeActions()).toEqual(['shown'])
  })

  it('opens again on its next trigger after its action, when the caps allow', () => {
    attune.track('add_to_cart')
    render(wrap(<Offer cap={AGAIN} />))
    fire()
    fireEvent.click(screen.getByRole('button', { name: 'View cart' }))
    expect(toast()).toBeNull()
    fire()
    expect(toast()).not.toBeNull()
    expect(nudgeActions()).toEqual(['shown', 'shown'])
  })

  it('stays at least 5 s whatever its duration, and a timeout is no dismissal', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    render(wrap(<Offer duration={1000} />))
    fire()
    act(() => void vi.advanceTimersByTime(4900))
    expect(toast()).not.toBeNull()
    act(() => void vi.advanceTimersByTime(200))
    expect(toast()).toBeNull()
    expect(nudgeActions()).toEqual(['shown'])
  })

  it('takes its duration as a Duration string', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    render(wrap(<Offer duration="8s" />))
    fire()
    act(() => void vi.advanceTimersByTime(7900))
    expect(toast()).not.toBeNull()
    act(() => void vi.advanceTimersByTime(200))
    expect(toast()).toBeNull()
  })
})

describe('NudgeToast: error isolation', () => {
  it('shows the default variant when its variant is invalid, and reports it once', () => {
    const broken = { ...variants, shopper: { message: 'Complete your order', action: { label: 'View cart' } } } as unknown as typeof variants
    attune.track('add_to_cart')
    render(wrap(<Offer variants={broken} cap={AGAIN} />))
    for (let i = 0; i < 2; i++) {
      fire()
      expect(toast()).toHaveAttribute('data-variant', 'default')
      expect(toast()).toHaveTextContent('Orders over 50 € ship free.')
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    }
    expect(onError).toHaveBeenCalledTimes(1)
    const [error, info] = onError.mock.calls[0]!
    expect(info).toEqual({ component: '<NudgeToast id="offer">' })
    expect(String(error)).toMatch(/variant "shopper" has an "action" without "altText"/)
  })

  it('shows the default variant when the engine throws, and reports it once', () => {
    attune.track('add_to_cart')
    attune.message = () => {
      throw new Error('rotation broke')
    }
    render(wrap(<Offer values={{ min: '30 €' }} cap={AGAIN} />))
    for (let i = 0; i < 2; i++) {
      fire()
      expect(toast()).toHaveAttribute('data-variant', 'default')
      expect(toast()).toHaveTextContent('Free shippingOrders over 30 € ship free.')
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    }
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]).toEqual([new Error('rotation broke'), { component: '<NudgeToast id="offer">' }])
  })

  it('keeps the page when the nudge itself fails: nothing shows, reported once', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}) // React logs the error its boundary caught
    attune.activeSegments = () => {
      throw new Error('segments broke')
    }
    render(
      wrap(
        <>
          <p>The page</p>
          <NudgeToast id="welcome" segment="shopper" variants={variants} />
        </>,
      ),
    )
    expect(screen.getByText('The page')).toBeInTheDocument()
    expect(toast()).toBeNull()
    expect(onError.mock.calls).toEqual([[new Error('segments broke'), { component: '<NudgeToast id="welcome">' }]])
  })
})

describe('NudgeToast: the live region and the viewport', () => {
  it('has its live region before the first toast, and puts the text in that same element when one opens', async () => {
    render(wrap(<Offer />))
    const region = liveRegion()
    expect(region).toHaveAttribute('aria-live', 'polite')
    expect(region).toHaveAttribute('aria-atomic', 'true')
    expect(region).toBeEmptyDOMElement()
    // Let the region settle (two frames), as it has long before any real trigger.
    await act(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    attune.track('add_to_cart')
    fire()
    expect(liveRegion()).toBe(region)
    expect(region).toHaveTextContent('Notification')
    expect(region).toHaveTextContent('Your cart is waiting, friend')
    expect(region).toHaveTextContent('Complete your order today.')
    expect(region).toHaveTextContent('Open the cart from the header') // the action's alternative
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(region).toBeEmptyDOMElement()
  })

  it('announces a toast open from the start only once its region has settled', async () => {
    attune.track('add_to_cart')
    render(wrap(<NudgeToast id="welcome" segment="shopper" variants={variants} />))
    expect(toast()).not.toBeNull()
    const region = liveRegion()
    expect(region).toBeEmptyDOMElement()
    await waitFor(() => expect(region).toHaveTextContent('Your cart is waiting'))
  })

  it("silences Radix's own announcer: one live region speaks", async () => {
    render(wrap(<Offer />))
    fire()
    // Radix's announcer is in the DOM, inside a hidden element: not in the accessibility tree.
    await waitFor(() => expect(document.querySelectorAll('[role="status"]').length).toBe(2))
    expect(screen.getAllByRole('status')).toEqual([liveRegion()])
  })

  it('renders one viewport for any number of toasts, labelled for F8', () => {
    render(
      wrap(
        <>
          <Offer />
          <NudgeToast id="other" trigger="other" variants={variants} />
        </>,
      ),
    )
    expect(document.querySelectorAll('[data-attune="toast-viewport"]')).toHaveLength(1)
    expect(screen.getByRole('region', { name: 'Notifications (F8)' })).toBeInTheDocument()
    expect(screen.getAllByRole('status', { hidden: true })).toHaveLength(1)
  })

  it('uses an explicit NudgeViewport instead of the default, with its labels', async () => {
    render(
      <StrictMode>
        {wrap(
          <>
            <Offer closeLabel="Schließen" />
            <main>
              <NudgeViewport label="Benachrichtigungen ({hotkey})" toastLabel="Hinweis" />
            </main>
          </>,
        )}
      </StrictMode>,
    )
    expect(document.querySelectorAll('[data-attune="toast-viewport"]')).toHaveLength(1)
    const region = screen.getByRole('region', { name: 'Benachrichtigungen (F8)' })
    expect(screen.getByRole('main')).toContainElement(region)
    await act(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    fire()
    expect(region).toContainElement(toast())
    expect(within(toast()!).getByRole('button', { name: 'Schließen' })).toHaveAttribute('data-attune', 'toast-close')
    expect(liveRegion()).toHaveTextContent('Hinweis')
  })

  it('hands the toasts back to the default viewport when the explicit one goes', () => {
    function App({ explicit }: { explicit: boolean }) {
      return wrap(
        <>
          <Offer />
          {explicit && (
            <aside>
              <NudgeViewport />
            </aside>
          )}
        </>,
      )
    }
    const { rerender } = render(<App explicit />)
    expect(screen.getByRole('complementary')).toContainElement(screen.getByRole('region', { name: 'Notifications (F8)' }))
    rerender(<App explicit={false} />)
    expect(document.querySelectorAll('[data-attune="toast-viewport"]')).toHaveLength(1)
    fire()
    expect(screen.getByRole('region', { name: 'Notifications (F8)' })).toContainElement(toast())
  })
  it('renders on the server and hydrates without a warning', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const app = wrap(
      <>
        <Offer />
        <NudgeViewport />
      </>,
    )
    const container = document.createElement('div')
    container.innerHTML = renderToString(app)
    document.body.append(container)
    expect(container.querySelector('[role="status"][aria-live="polite"]')).not.toBeNull()
    let root: ReturnType<typeof hydrateRoot> | undefined
    const recovered: unknown[] = [] // hydration mismatches
    // eslint-disable-next-line @typescript-eslint/require-await -- async act waits for the effects after hydration
    await act(async () => void (root = hydrateRoot(container, app, { onRecoverableError: (error) => recovered.push(error) })))
    expect(recovered).toEqual([])
    expect(errors).not.toHaveBeenCalled()
    expect(container.querySelectorAll('[data-attune="toast-viewport"]')).toHaveLength(1)
    fire()
    expect(container).toContainElement(toast())
    act(() => root!.unmount())
    container.remove()
  })
})
