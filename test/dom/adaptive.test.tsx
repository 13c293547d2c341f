import { act, fireEvent, render, screen } from '@testing-library/react'
import { Component, type ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAttune, PersonalizationProvider, withDecisions, type DecisionAttune, type DecisionEvent, type ErrorReporter } from '../../src'
import { Adaptive } from '../../src/components/Adaptive'
import { AdaptiveHint, HINT_DELAY_MS, HINT_LEAVE_GRACE_MS, type AdaptiveHintProps, type HintVariant } from '../../src/components/AdaptiveHint'

const rules = { segments: [{ id: 'returning', when: { event: 'login', count: { gte: 1 } } }] }

/** An instance whose visitor is in `arm` of the experiment `hero-test` (the other arm weighs 0). */
function make(arm: 'control' | 'bold' = 'control'): DecisionAttune {
  return withDecisions(createAttune({ consent: 'granted', storage: 'memory', schedule: 'sync' }), {
    hold: 0,
    rules,
    experiments: [{ id: 'hero-test', arms: arm === 'bold' ? { control: 0, bold: 1 } : { control: 1, bold: 0 } }],
  })
}

let attune: DecisionAttune
let onError: ReturnType<typeof vi.fn<ErrorReporter>>
let events: DecisionEvent[]

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] })
  vi.setSystemTime(Date.UTC(2026, 0, 15, 12))
  attune = make()
  onError = vi.fn<ErrorReporter>()
  events = []
  attune.onDecision((event) => events.push(event))
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function wrap(children: ReactNode, instance: DecisionAttune = attune) {
  return (
    <PersonalizationProvider attune={instance} onError={onError}>
      {children}
    </PersonalizationProvider>
  )
}

/** React logs the errors a boundary catches; the provider's onError is what these tests read. */
const quietReactErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {})

describe('Adaptive', () => {
  type Hero = { title: string }
  const variants = { default: { title: 'Shoes' }, returning: { title: 'Welcome back' }, bold: { title: 'SHOES' } }
  const hero = (variant: Hero, decision: { key: string }) => (
    <h1 data-key={decision.key} data-testid="hero">
      {variant.title}
    </h1>
  )

  it('renders exactly what its render function returns, for the segment', () => {
    const { container } = render(wrap(<Adaptive id="hero" variants={variants}>{hero}</Adaptive>))
    expect(screen.getByRole('heading')).toHaveTextContent('Shoes')
    act(() => attune.track('login'))
    expect(screen.getByRole('heading')).toHaveTextContent('Welcome back')
    expect(screen.getByTestId('hero')).toHaveAttribute('data-key', 'returning')
    // No wrapper element: the heading is the container's only child.
    expect(container.innerHTML).toBe('<h1 data-key="returning" data-testid="hero">Welcome back</h1>')
  })

  it.each([
    ['bold', 'SHOES'],
    ['control', 'Shoes'],
  ] as const)('renders the variant of the %s arm', (arm, title) => {
    const decisions: { arm: string | null }[] = []
    render(
      wrap(
        <Adaptive id="hero" variants={variants} experiment="hero-test">
          {(variant, decision) => {
            decisions.push(decision)
            return <h1>{variant.title}</h1>
          }}
        </Adaptive>,
        make(arm),
      ),
    )
    expect(screen.getByRole('heading')).toHaveTextContent(title)
    expect(decisions.at(-1)?.arm).toBe(arm)
  })

  it('renders default when `check` rejects the variant, and reports it once', () => {
    const broken = { default: { title: 'Shoes' }, returning: { title: '' } }
    const check = (variant: Hero) => (variant.title ? null : { path: '/title', message: 'has no title' })
    const ui = () =>
      wrap(
        <Adaptive id="hero" variants={broken} check={check}>
          {hero}
        </Adaptive>,
      )
    const view = render(ui())
    act(() => attune.track('login'))
    expect(screen.getByRole('heading')).toHaveTextContent('Shoes')
    view.rerender(ui())
    act(() => attune.track('login'))
    expect(screen.getByRole('heading')).toHaveTextContent('Shoes')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('has no title') as string }), { component: '<Adaptive id="hero">' })
  })

  it('renders default when the engine throws, and reports it once however often it renders', () => {
    vi.spyOn(attune, 'decide').mockImplementation(() => {
      throw new Error('engine down')
    })
    const ui = () =>
      wrap(
        <>
          <Adaptive id="hero" variants={variants}>
            {hero}
          </Adaptive>
          <Adaptive id="hero" variants={variants}>
            {hero}
          </Adaptive>
        </>,
      )
    const view = render(ui())
    view.rerender(ui())
    expect(screen.getAllByRole('heading').map((h) => h.textContent)).toEqual(['Shoes', 'Shoes'])
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]![0]).toMatchObject({ message: 'engine down' })
  })

  it('renders default when its render function throws for a variant', () => {
    quietReactErrors()
    const ui = () =>
      wrap(
        <Adaptive id="hero" variants={variants}>
          {(variant: Hero, decision) => {
            if (decision.key === 'returning') throw new Error('no template for returning visitors')
            return <h1>{variant.title}</h1>
          }}
        </Adaptive>,
      )
    const view = render(ui())
    act(() => attune.track('login'))
    expect(screen.getByRole('heading')).toHaveTextContent('Shoes')
    view.rerender(ui())
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'no template for returning visitors' }), { component: '<Adaptive id="hero">' })
  })

  it('lets an error of the render function for default reach the app: it is the app’s own bug', () => {
    quietReactErrors()
    class AppBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
      override state = { error: null }
      static getDerivedStateFromError(error: Error) {
        return { error: error.message }
      }
      override render() {
        return this.state.error ?? this.props.children
      }
    }
    render(
      wrap(
        <AppBoundary>
          <Adaptive id="hero" variants={variants}>
            {() => {
              throw new Error('broken everywhere')
            }}
          </Adaptive>
        </AppBoundary>,
      ),
    )
    expect(document.body).toHaveTextContent('broken everywhere')
  })
})

describe('AdaptiveHint', () => {
  const variants: AdaptiveHintProps['variants'] = {
    default: { text: 'Prices include VAT' },
    returning: { text: 'Same prices as last time, VAT included' },
    bold: { text: 'ALL PRICES INCLUDE VAT' },
  }

  function Hint(props: Partial<AdaptiveHintProps>) {
    return (
      <AdaptiveHint id="pricing-hint" variants={variants} {...props}>
        {props.children ?? <button type="button">Pricing</button>}
      </AdaptiveHint>
    )
  }

  const target = () => screen.getByRole('button', { name: 'Pricing' })
  const tooltip = () => screen.queryByRole('tooltip')
  const wait = (ms: number) => act(() => void vi.advanceTimersByTime(ms))
  const enter = (element: Element, pointerType = 'mouse') => act(() => void fireEvent.pointerEnter(element, { pointerType }))
  const leave = (element: Element, pointerType = 'mouse') => act(() => void fireEvent.pointerLeave(element, { pointerType }))
  const focus = () => act(() => target().focus())
  const blur = () => act(() => target().blur())
  const nudge = () => attune.getProfile().state.nudges as Record<string, { shown: number[]; dismissed: number }> | undefined

  it('shows after the pointer rests on the target for the delay, not before, and records the hover', () => {
    render(wrap(<Hint />))
    enter(target())
    wait(HINT_DELAY_MS - 1)
    expect(tooltip()).toBeNull()
    wait(1)
    expect(tooltip()).toHaveTextContent('Prices include VAT')
    expect(tooltip()).toHaveAttribute('data-state', 'delayed-open')
    expect(nudge()?.['pricing-hint']?.shown).toHaveLength(1)
    leave(target())
    expect(attune.getProfile().hover['pricing-hint']?.count).toBe(1)
  })

  it('does not show for a pointer passing over, or for touch', () => {
    render(wrap(<Hint />))
    enter(target())
    wait(HINT_DELAY_MS / 2)
    leave(target())
    wait(HINT_DELAY_MS * 4)
    expect(tooltip()).toBeNull()
    enter(target(), 'touch')
    wait(HINT_DELAY_MS * 4)
    expect(tooltip()).toBeNull()
    expect(nudge()).toBeUndefined() // nothing counted toward the caps
  })

  it('honors delay', () => {
    render(wrap(<Hint delay={1000} />))
    enter(target())
    wait(999)
    expect(tooltip()).toBeNull()
    wait(1)
    expect(tooltip()).not.toBeNull()
  })

  it('takes its delay as a Duration string', () => {
    render(wrap(<Hint delay="1.5s" />))
    enter(target())
    wait(1499)
    expect(tooltip()).toBeNull()
    wait(1)
    expect(tooltip()).not.toBeNull()
  })

  it('shows at once on keyboard focus, as the target’s description, and only while shown', () => {
    render(wrap(<Hint />))
    expect(target()).not.toHaveAttribute('aria-describedby')
    focus()
    const hint = tooltip()!
    expect(hint).toHaveAttribute('data-state', 'instant-open')
    expect(hint.id).not.toBe('')
    expect(target()).toHaveAttribute('aria-describedby', hint.id)
    expect(target()).toHaveAccessibleDescription('Prices include VAT')
    expect(hint).toHaveAttribute('data-attune', 'hint')
    blur()
    expect(tooltip()).toBeNull()
    expect(target()).not.toHaveAttribute('aria-describedby')
  })

  it('does not show on the focus a pointer press gives (the pointer has its own path)', () => {
    render(wrap(<Hint />))
    act(() => {
      fireEvent.pointerDown(target(), { pointerType: 'mouse' })
      target().focus()
    })
    expect(tooltip()).toBeNull()
    act(() => void fireEvent.pointerUp(target(), { pointerType: 'mouse' }))
  })

  it('leaves no listener on the page when it unmounts in the middle of a press, and keeps one per press', () => {
    const added = vi.spyOn(document, 'addEventListener')
    const removed = vi.spyOn(document, 'removeEventListener')
    const { unmount } = render(wrap(<Hint />))
    act(() => {
      fireEvent.pointerDown(target(), { pointerType: 'mouse' })
      fireEvent.pointerDown(target(), { pointerType: 'mouse' })
    })
    const pressListeners = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'pointerup' || type === 'pointercancel').map(([type, listener]) => [type, listener])
    expect(pressListeners(added)).toHaveLength(4)
    // The second press ended the first: only its two listeners are left.
    expect(pressListeners(removed)).toHaveLength(2)
    unmount()
    const live = pressListeners(added).filter(([type, listener]) => !pressListeners(removed).some(([t, l]) => t === type && l === listener))
    expect(live).toEqual([])
    added.mockRestore()
    removed.mockRestore()
  })

  it('keeps a description of the target’s own, with the hint’s after it', () => {
    render(
      wrap(
        <>
          <p id="own">Billed yearly</p>
          <Hint>
            <button type="button" aria-describedby="own">
              Pricing
            </button>
          </Hint>
        </>,
      ),
    )
    expect(target()).toHaveAttribute('aria-describedby', 'own')
    focus()
    expect(target()).toHaveAttribute('aria-describedby', `own ${tooltip()!.id}`)
    expect(target()).toHaveAccessibleDescription('Billed yearly Prices include VAT')
  })

  it('stays while the pointer moves onto the hint, and hides once it leaves both', () => {
    render(wrap(<Hint />))
    enter(target())
    wait(HINT_DELAY_MS)
    leave(target())
    enter(tooltip()!)
    wait(HINT_LEAVE_GRACE_MS * 5)
    expect(tooltip()).not.toBeNull()
    leave(tooltip()!)
    wait(HINT_LEAVE_GRACE_MS - 1)
    expect(tooltip()).not.toBeNull()
    wait(1)
    expect(tooltip()).toBeNull()
  })

  it('stays while the target has focus, whatever the pointer does', () => {
    render(wrap(<Hint />))
    focus()
    enter(target())
    leave(target())
    wait(HINT_LEAVE_GRACE_MS * 5)
    expect(tooltip()).not.toBeNull()
  })

  it('hides on Escape without moving focus, and counts a dismissal', () => {
    render(wrap(<Hint />))
    focus()
    expect(tooltip()).not.toBeNull()
    act(() => void fireEvent.keyDown(target(), { key: 'Escape' }))
    expect(tooltip()).toBeNull()
    expect(target()).toHaveFocus()
    expect(target()).not.toHaveAttribute('aria-describedby')
    expect(nudge()?.['pricing-hint']?.dismissed).toBe(1)
    expect(events.filter((event) => event.type === 'nudge').map((event) => event.type === 'nudge' && event.action)).toEqual(['shown', 'dismissed'])
  })

  it('consumes the Escape that closes it: an enclosing dialog does not close too, and the next Escape reaches it', () => {
    const outer = vi.fn()
    render(wrap(<div onKeyDown={(event) => void (event.key === 'Escape' && outer())}><Hint /></div>))
    focus()
    act(() => void fireEvent.keyDown(target(), { key: 'Escape' }))
    expect(tooltip()).toBeNull()
    expect(outer).not.toHaveBeenCalled()
    act(() => void fireEvent.keyDown(target(), { key: 'Escape' }))
    expect(outer).toHaveBeenCalledTimes(1)
  })

  it('hides on Escape pressed anywhere while the pointer rests on the target', () => {
    render(wrap(<Hint />))
    enter(target())
    wait(HINT_DELAY_MS)
    act(() => void fireEvent.keyDown(document.body, { key: 'Escape' }))
    expect(tooltip()).toBeNull()
    wait(HINT_DELAY_MS * 4) // the pointer still rests there: it does not come back by itself
    expect(tooltip()).toBeNull()
  })

  it('stops showing once its cap is reached', () => {
    render(wrap(<Hint cap={{ perSession: 1 }} />))
    focus()
    expect(tooltip()).not.toBeNull()
    blur()
    focus()
    expect(tooltip()).toBeNull()
    expect(target()).not.toHaveAttribute('aria-describedby')
    enter(target())
    wait(HINT_DELAY_MS)
    expect(tooltip()).toBeNull()
    expect(nudge()?.['pricing-hint']?.shown).toHaveLength(1)
  })

  it('shows again when its caps allow (so the test above is about the cap)', () => {
    render(wrap(<Hint cap={{ perSession: 2, cooldown: 0 }} />))
    focus()
    blur()
    focus()
    expect(tooltip()).not.toBeNull()
    blur()
    focus()
    expect(tooltip()).toBeNull()
    expect(nudge()?.['pricing-hint']?.shown).toHaveLength(2)
  })

  it('shows the variant of the segment and of the arm', () => {
    const first = render(wrap(<Hint />))
    act(() => attune.track('login'))
    focus()
    expect(tooltip()).toHaveTextContent('Same prices as last time, VAT included')
    expect(tooltip()).toHaveAttribute('data-variant', 'returning')
    expect(tooltip()).toHaveAttribute('data-segment', 'returning')
    first.unmount()

    render(wrap(<Hint experiment="hero-test" />, make('bold')))
    focus()
    expect(tooltip()).toHaveTextContent('ALL PRICES INCLUDE VAT')
    expect(tooltip()).toHaveAttribute('data-arm', 'bold')
    blur()
  })

  it('fills templates as plain text: markup in values stays text', () => {
    act(() => attune.identify({ name: 'Ann' }))
    render(wrap(<Hint variants={{ default: { text: 'Hello {{name | there}}, {{note}}' } }} values={{ note: '<b>VAT included</b>' }} />))
    focus()
    const hint = tooltip()!
    expect(hint.textContent).toBe('Hello Ann, <b>VAT included</b>')
    expect(hint.querySelector('b')).toBeNull()
  })

  it('shows default when a variant is invalid, and reports it once', () => {
    const broken = { default: { text: 'Prices include VAT' }, returning: { text: '  ' } } as Record<string, HintVariant> & { default: HintVariant }
    const ui = () => wrap(<Hint variants={broken} />)
    const view = render(ui())
    act(() => attune.track('login'))
    view.rerender(ui())
    focus()
    expect(tooltip()).toHaveTextContent('Prices include VAT')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('needs a "text"') as string }), { component: '<AdaptiveHint id="pricing-hint">' })
  })

  it('shows default when the engine throws, and reports it once', () => {
    vi.spyOn(attune, 'decide').mockImplementation(() => {
      throw new Error('engine down')
    })
    const view = render(wrap(<Hint />))
    view.rerender(wrap(<Hint />))
    focus()
    expect(tooltip()).toHaveTextContent('Prices include VAT')
    expect(target()).toHaveAccessibleDescription('Prices include VAT')
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('still works when the caps cannot be read, and reports that once', () => {
    vi.spyOn(attune, 'nudgeStatus').mockImplementation(() => {
      throw new Error('no caps')
    })
    render(wrap(<Hint />))
    focus()
    expect(tooltip()).toHaveTextContent('Prices include VAT')
    blur()
    focus()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'no caps' }), { component: '<AdaptiveHint id="pricing-hint">' })
  })

  it('adds no wrapper around the target', () => {
    const { container } = render(wrap(<Hint />))
    expect(container.innerHTML).toBe('<button type="button">Pricing</button>')
  })
})

describe('server rendering and hydration', () => {
  it('render default on the server, and hydrate without a warning into the visitor’s variant', async () => {
    const errors = quietReactErrors()
    const ui = (instance?: DecisionAttune) => (
      <PersonalizationProvider {...(instance ? { attune: instance } : { storage: 'memory' as const, rules })}>
        <Adaptive id="hero" variants={{ default: 'Shoes', returning: 'Welcome back' }}>
          {(title) => <h1>{title}</h1>}
        </Adaptive>
        <AdaptiveHint id="pricing-hint" variants={{ default: { text: 'Prices include VAT' }, returning: { text: 'VAT included, as before' } }}>
          <button type="button">Pricing</button>
        </AdaptiveHint>
      </PersonalizationProvider>
    )
    const html = renderToString(ui())
    expect(html).toBe('<h1>Shoes</h1><button type="button">Pricing</button>')
    attune.track('login')
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const recoverable = vi.fn()
    // eslint-disable-next-line @typescript-eslint/require-await -- async act waits for the re-render after hydration
    await act(async () => {
      hydrateRoot(container, ui(attune), { onRecoverableError: recoverable })
    })
    expect(recoverable).not.toHaveBeenCalled()
    expect(container.querySelector('h1')).toHaveTextContent('Welcome back')
    act(() => container.querySelector('button')!.focus())
    expect(screen.getByRole('tooltip')).toHaveTextContent('VAT included, as before')
    expect(errors).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
    container.remove()
  })
})
