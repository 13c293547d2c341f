import { act, fireEvent, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createAttune,
  PersonalizationProvider,
  useExperiment,
  useNudge,
  useSegment,
  useVariant,
  withDecisions,
  type DecisionAttune,
  type DecisionEvent,
} from '../../src'

const MINUTE = 60_000
let attune: DecisionAttune
let events: DecisionEvent[]

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] })
  vi.setSystemTime(Date.UTC(2026, 0, 15, 12))
  attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync', consent: 'granted' }), {
    hold: 0,
    rules: {
      segments: [
        { id: 'shopper', priority: 10, when: { event: 'add_to_cart', count: { gte: 1 }, within: '10m' } },
        { id: 'reader', when: { signal: 'scroll.depth', gte: 0.5 } },
      ],
    },
    experiments: [{ id: 'cta', arms: { control: 50, bold: 50 } }],
    nudges: { offer: { perSession: 1, cooldown: '1m' } },
  })
  events = []
  attune.onDecision((event) => events.push(event))
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function wrap(children: React.ReactNode) {
  return <PersonalizationProvider attune={attune}>{children}</PersonalizationProvider>
}

describe('useSegment', () => {
  it('follows the behavior and re-renders only when the segment changes', () => {
    let renders = 0
    function Segment() {
      renders++
      return <output>{useSegment() ?? 'none'}</output>
    }
    render(wrap(<Segment />))
    expect(screen.getByRole('status')).toHaveTextContent('none')
    act(() => attune.record({ type: 'click', id: 'x' }))
    act(() => attune.record({ type: 'dwell', id: 'hero', ms: 100 }))
    expect(renders).toBe(1)
    act(() => attune.track('add_to_cart'))
    expect(screen.getByRole('status')).toHaveTextContent('shopper')
    act(() => attune.record({ type: 'scroll', y: 0, depth: 0.8 }))
    expect(screen.getByRole('status')).toHaveTextContent('shopper') // reader ranks lower
    expect(renders).toBe(2)
  })

  it('follows time while watched: the window closes without any new behavior', () => {
    function Segment() {
      return <output>{useSegment() ?? 'none'}</output>
    }
    render(wrap(<Segment />))
    act(() => attune.track('add_to_cart'))
    expect(screen.getByRole('status')).toHaveTextContent('shopper')
    act(() => void vi.advanceTimersByTime(10 * MINUTE + 2000))
    expect(screen.getByRole('status')).toHaveTextContent('none')
  })
})

describe('useVariant', () => {
  const variants = { default: 'Buy', shopper: 'Complete your order', bold: 'BUY NOW', 'shopper+bold': 'FINISH NOW' }

  it('renders the variant for the segment and arm, and re-renders only when it changes', () => {
    let renders = 0
    function Cta() {
      renders++
      const { variant } = useVariant('cta', variants, { experiment: 'cta' })
      return <button type="button">{variant}</button>
    }
    render(wrap(<Cta />))
    const arm = attune.arm('cta')
    expect(screen.getByRole('button')).toHaveTextContent(arm === 'bold' ? 'BUY NOW' : 'Buy')
    act(() => attune.record({ type: 'click', id: 'elsewhere' }))
    expect(renders).toBe(1)
    act(() => attune.track('add_to_cart'))
    expect(screen.getByRole('button')).toHaveTextContent(arm === 'bold' ? 'FINISH NOW' : 'Complete your order')
    expect(renders).toBe(2)
  })

  it('logs the exposure once, after the variant is on screen', () => {
    function Cta() {
      const { variant } = useVariant('cta', variants, { experiment: 'cta' })
      expect(events).toEqual([]) // rendering alone exposes nothing
      return <button type="button">{variant}</button>
    }
    render(
      <StrictMode>
        {wrap(
          <>
            <Cta />
            <Cta />
          </>,
        )}
      </StrictMode>,
    )
    expect(events).toEqual([{ type: 'exposure', experiment: 'cta', arm: attune.arm('cta'), visitor: attune.getProfile().visitor.id, at: Date.now() }])
  })

  it('changes at most five times per session however often the segment flips', () => {
    function Cta() {
      return <button type="button">{useVariant('cta', variants).key}</button>
    }
    render(wrap(<Cta />))
    const keys = [screen.getByRole('button').textContent]
    for (let i = 0; i < 12; i++) {
      act(() => {
        vi.advanceTimersByTime(i % 2 ? 11 * MINUTE : 1000) // the cart window closes, then a new add
        if (i % 2 === 0) attune.track('add_to_cart')
        attune.record({ type: 'click', id: 'keep-the-session' })
      })
      keys.push(screen.getByRole('button').textContent)
    }
    const changes = keys.filter((key, i) => i > 0 && key !== keys[i - 1]).length
    expect(changes).toBe(5)
  })
})

describe('useVariant and hydration', () => {
  it('does not spend the change limit on the default a hydration shows for a moment', async () => {
    const variants = { default: 'generic', known: 'welcome back' }
    const rules = { segments: [{ id: 'known', when: { signal: 'visitor.id', exists: true } }] }
    function Greeting() {
      return <p>{useVariant('greeting', variants).variant}</p>
    }
    const shared = createAttune({ storage: 'memory', schedule: 'sync' })
    const html = renderToString(
      <PersonalizationProvider storage="memory" rules={rules}>
        <Greeting />
      </PersonalizationProvider>,
    )
    for (let load = 0; load < 6; load++) {
      const instance = withDecisions(shared, { rules })
      const container = document.createElement('div')
      container.innerHTML = html
      document.body.append(container)
      // eslint-disable-next-line @typescript-eslint/require-await -- async act waits for the re-render after hydration
      await act(async () => {
        hydrateRoot(
          container,
          <PersonalizationProvider attune={instance}>
            <Greeting />
          </PersonalizationProvider>,
        )
      })
      expect(container).toHaveTextContent('welcome back')
      // The variant never changed: the moment of `default` was not counted.
      expect(instance.getProfile().state.variants).toMatchObject({ greeting: { key: 'known', changes: 0 } })
      container.remove()
    }
  })
})

describe('snapshots', () => {
  it('evaluate nothing while rendering: no component is updated during another’s render', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const timed = withDecisions(createAttune({ storage: 'memory', schedule: 'sync' }), {
      hold: 0,
      rules: { segments: [{ id: 'recent', when: { event: 'x', count: { gte: 1 }, within: '2s' } }] },
    })
    function Segment() {
      return <p>{useSegment() ?? 'none'}</p>
    }
    function Variant({ n }: { n: number }) {
      return <p data-n={n}>{useVariant('v', { default: 'a', recent: 'b' }).variant}</p>
    }
    const view = render(
      <PersonalizationProvider attune={timed}>
        <Segment />
        <Variant n={0} />
      </PersonalizationProvider>,
    )
    act(() => timed.track('x'))
    vi.setSystemTime(Date.now() + 5000) // time passes, timers do not run (a throttled tab)
    view.rerender(
      <PersonalizationProvider attune={timed}>
        <Segment />
        <Variant n={1} />
      </PersonalizationProvider>,
    )
    expect(errors).not.toHaveBeenCalled()
  })
})

describe('useExperiment', () => {
  it('logs the exposure when consent comes after the arm was rendered', () => {
    const late = withDecisions(createAttune({ storage: 'memory', schedule: 'sync' }), { experiments: [{ id: 'cta', arms: { a: 1 } }] })
    const seen: string[] = []
    late.onDecision((event) => seen.push(event.type))
    function Arm() {
      return <p>{useExperiment('cta')}</p>
    }
    render(
      <PersonalizationProvider attune={late}>
        <Arm />
      </PersonalizationProvider>,
    )
    expect(seen).toEqual([])
    act(() => late.setConsent('granted'))
    expect(seen).toEqual(['exposure'])
  })

  it('returns the sticky arm and exposes once rendered', () => {
    function Arm() {
      return <p>{useExperiment('cta')}</p>
    }
    const { container } = render(wrap(<Arm />))
    expect(container).toHaveTextContent(attune.arm('cta')!)
    expect(events.map((e) => e.type)).toEqual(['exposure'])
  })
})

describe('useNudge', () => {
  function Offer() {
    const nudge = useNudge('offer', { segment: 'shopper', trigger: 'exit_intent' })
    return nudge.open ? (
      <div role="dialog" aria-label="Offer">
        <button type="button" onClick={nudge.dismiss}>
          Dismiss
        </button>
        <button type="button" onClick={() => nudge.feedback('not-helpful')}>
          Not helpful
        </button>
      </div>
    ) : null
  }

  it('opens on its trigger while the visitor is in its segment, and counts the showing', () => {
    render(wrap(<Offer />))
    act(() => attune.track('exit_intent'))
    expect(screen.queryByRole('dialog')).toBeNull() // not a shopper yet
    act(() => attune.track('add_to_cart'))
    expect(screen.queryByRole('dialog')).toBeNull() // no trigger yet
    act(() => attune.track('exit_intent'))
    expect(screen.getByRole('dialog', { name: 'Offer' })).toBeInTheDocument()
    expect(attune.nudgeStatus('offer')).toEqual({ allowed: false, reason: 'shown 1 time(s) this session' })
  })

  it('respects the caps: a dismissed nudge does not come back this session', () => {
    render(wrap(<Offer />))
    act(() => attune.track('add_to_cart'))
    act(() => attune.track('exit_intent'))
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    act(() => void vi.advanceTimersByTime(5 * MINUTE))
    act(() => attune.track('exit_intent'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(events.filter((e) => e.type === 'nudge').map((e) => e.type === 'nudge' && e.action)).toEqual(['shown', 'dismissed'])
  })

  it('opens when its segment is entered, without a trigger, and closes on feedback', () => {
    function Welcome() {
      const nudge = useNudge('welcome', { segment: 'reader', cap: { perSession: 5, cooldown: 0 } })
      return nudge.open ? (
        <button type="button" onClick={() => nudge.feedback('not-helpful')}>
          Close
        </button>
      ) : null
    }
    render(wrap(<Welcome />))
    expect(screen.queryByRole('button')).toBeNull()
    act(() => attune.record({ type: 'scroll', y: 0, depth: 0.9 }))
    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(attune.nudgeStatus('welcome').reason).toBe('marked not helpful')
  })
})

describe('messages in React', () => {
  it('render as text: markup in a trait never becomes elements', () => {
    attune.identify({ name: '<img src=x onerror="alert(1)"><b>Ada</b>' })
    function Greeting() {
      return <p>{attune.message('welcome', 'Welcome back, {{name | friend}}').text}</p>
    }
    const { container } = render(wrap(<Greeting />))
    expect(container.querySelector('img, b')).toBeNull()
    expect(container).toHaveTextContent('Welcome back, <img src=x onerror="alert(1)"><b>Ada</b>')
  })
})

describe('decision hooks', () => {
  it('explain what is missing when the instance has no decision engine', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    function Segment() {
      useSegment()
      return null
    }
    expect(() =>
      render(
        <PersonalizationProvider attune={createAttune({ storage: 'memory' })}>
          <Segment />
        </PersonalizationProvider>,
      ),
    ).toThrow(/useSegment\(\) needs the decision engine.*withDecisions\(createAttune\(\), \{ rules \}\)/)
  })

  it('work with a provider that makes its own instance from rules', () => {
    function Segment() {
      return <output>{useSegment() ?? 'none'}</output>
    }
    render(
      <PersonalizationProvider storage="memory" rules={{ segments: [{ id: 'everyone', when: { signal: 'visitor.id', exists: true } }] }}>
        <Segment />
      </PersonalizationProvider>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('everyone')
  })
})
