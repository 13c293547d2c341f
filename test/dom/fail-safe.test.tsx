import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createAttune,
  PersonalizationProvider,
  useDecisions,
  useExperiment,
  useFailSafe,
  useNudge,
  useReducedMotion,
  useVariant,
  withDecisions,
  type DecisionAttune,
  type ErrorReporter,
  type FailSafe,
} from '../../src'
import { MotionContext } from '../../src/motion/MotionContext'
import { useTemplate } from '../../src/hooks/useTemplate'
import { useTrack } from '../../src/hooks/useTrack'
import { useNudgeCaps } from '../../src/hooks/useNudgeCaps'
import { useAffinityOrder } from '../../src/hooks/useAffinityOrder'

let attune: DecisionAttune
let onError: ReturnType<typeof vi.fn<ErrorReporter>>

beforeEach(() => {
  attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync', consent: 'granted' }), {
    hold: 0,
    rules: { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] },
    nudges: { offer: { perSession: 5, cooldown: 0 } },
  })
  onError = vi.fn<ErrorReporter>()
})

afterEach(() => vi.restoreAllMocks())

const wrap = (children: React.ReactNode) => (
  <PersonalizationProvider attune={attune} onError={onError}>
    {children}
  </PersonalizationProvider>
)

describe('useFailSafe', () => {
  it('turns a throw in a handler into the fallback, reported once per message with the component', () => {
    const results: string[] = []
    let failure = 'down'
    function Widget() {
      const safe = useFailSafe('<Widget>')
      const run = () =>
        results.push(
          safe.call(() => {
            throw new Error(failure)
          }, 'fallback'),
        )
      return (
        <button type="button" onClick={run}>
          Go
        </button>
      )
    }
    render(wrap(<Widget />))
    fireEvent.click(screen.getByRole('button'))
    fireEvent.click(screen.getByRole('button'))
    expect(results).toEqual(['fallback', 'fallback'])
    expect(onError.mock.calls).toEqual([[new Error('down'), { component: '<Widget>' }]])
    failure = 'other'
    fireEvent.click(screen.getByRole('button'))
    expect(onError).toHaveBeenCalledTimes(2)
    expect(onError.mock.calls[1]).toEqual([new Error('other'), { component: '<Widget>' }])
  })

  it('returns what the call returns when it does not throw, and reports nothing', () => {
    let seen: number | null = null
    function Widget() {
      const safe = useFailSafe('<Widget>')
      seen = safe.read(() => 42, 0)
      return null
    }
    render(wrap(<Widget />))
    expect(seen).toBe(42)
    expect(onError).not.toHaveBeenCalled()
  })

  it('reports what a render caught only after the commit, never during the render', () => {
    const committed: boolean[] = []
    onError.mockImplementation(() => committed.push(screen.queryByText('shown') !== null))
    function Widget() {
      const safe = useFailSafe('<Widget>')
      const text = safe.read(() => {
        throw new Error('while rendering')
      }, 'shown')
      return <p>{text}</p>
    }
    render(wrap(<Widget />))
    expect(screen.getByText('shown')).toBeInTheDocument()
    expect(committed).toEqual([true])
    expect(onError).toHaveBeenCalledWith(new Error('while rendering'), { component: '<Widget>' })
  })

  it('is the same object across renders, so handlers built on it stay stable', () => {
    const seen = new Set<FailSafe>()
    function Widget() {
      const [count, setCount] = useState(0)
      seen.add(useFailSafe('<Widget>'))
      return (
        <button type="button" onClick={() => setCount(count + 1)}>
          {count}
        </button>
      )
    }
    render(wrap(<Widget />))
    fireEvent.click(screen.getByRole('button'))
    fireEvent.click(screen.getByRole('button'))
    expect(seen.size).toBe(1)
  })

  it('reports to the console without a provider', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    let result = ''
    function Widget() {
      const safe = useFailSafe('<Widget>')
      return (
        <button
          type="button"
          onClick={() =>
            (result = safe.call(() => {
              throw new Error('no provider')
            }, 'fallback'))
          }
        >
          Go
        </button>
      )
    }
    render(<Widget />)
    fireEvent.click(screen.getByRole('button'))
    expect(result).toBe('fallback')
    expect(error).toHaveBeenCalledWith(expect.stringContaining('<Widget> shows its default variant: no provider'), new Error('no provider'))
  })
})

describe('the decision hooks through a fail-safe', () => {
  it('useVariant: an engine error gives the default variant and one report, after the render', () => {
    vi.spyOn(attune, 'decide').mockImplementation(() => {
      throw new Error('engine down')
    })
    function Hero() {
      const safe = useFailSafe('<Hero>')
      const { variant, key } = useVariant('hero', { default: 'Shoes', shopper: 'Your cart' }, { safe })
      return <h1 data-key={key}>{variant}</h1>
    }
    const view = render(wrap(<Hero />))
    view.rerender(wrap(<Hero />))
    expect(screen.getByRole('heading')).toHaveTextContent('Shoes')
    expect(screen.getByRole('heading')).toHaveAttribute('data-key', 'default')
    expect(onError.mock.calls).toEqual([[new Error('engine down'), { component: '<Hero>' }]])
  })

  it('useVariant without one still throws, to the app', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(attune, 'decide').mockImplementation(() => {
      throw new Error('engine down')
    })
    function Hero() {
      return <h1>{useVariant('hero', { default: 'Shoes' }).variant}</h1>
    }
    expect(() => render(wrap(<Hero />))).toThrow('engine down')
  })

  it('useExperiment: a failing engine gives no arm, logs no exposure and reports once; without one it throws', () => {
    vi.spyOn(attune, 'arm').mockImplementation(() => {
      throw new Error('arms down')
    })
    const expose = vi.spyOn(attune, 'expose')
    function Banner() {
      const safe = useFailSafe('<Banner>')
      return <p data-testid="arm">{useExperiment('hero-test', { safe }) ?? 'none'}</p>
    }
    const view = render(wrap(<Banner />))
    view.rerender(wrap(<Banner />))
    expect(screen.getByTestId('arm')).toHaveTextContent('none')
    expect(expose).not.toHaveBeenCalled()
    expect(onError.mock.calls).toEqual([[new Error('arms down'), { component: '<Banner>' }]])
    view.unmount()

    vi.spyOn(console, 'error').mockImplementation(() => {})
    function Bare() {
      return <p>{useExperiment('hero-test')}</p>
    }
    expect(() => render(wrap(<Bare />))).toThrow('arms down')
  })

  it('useExperiment: a failing exposure costs only the exposure, reported', () => {
    vi.spyOn(attune, 'arm').mockReturnValue('bold')
    vi.spyOn(attune, 'expose').mockImplementation(() => {
      throw new Error('log down')
    })
    function Banner() {
      const safe = useFailSafe('<Banner>')
      return <p data-testid="arm">{useExperiment('hero-test', { safe })}</p>
    }
    render(wrap(<Banner />))
    expect(screen.getByTestId('arm')).toHaveTextContent('bold')
    expect(onError.mock.calls).toEqual([[new Error('log down'), { component: '<Banner>' }]])
  })

  it('useNudge: a failing engine keeps the nudge closed and reports once', () => {
    attune.activeSegments = () => {
      throw new Error('segments broke')
    }
    let show: () => boolean = () => true
    function Offer() {
      const safe = useFailSafe('<Offer>')
      const nudge = useNudge('offer', { segment: 'shopper', safe })
      show = nudge.show
      return <p>{nudge.open ? 'open' : 'closed'}</p>
    }
    render(wrap(<Offer />))
    expect(screen.getByText('closed')).toBeInTheDocument()
    expect(onError.mock.calls).toEqual([[new Error('segments broke'), { component: '<Offer>' }]])
    vi.spyOn(attune, 'nudgeStatus').mockImplementation(() => {
      throw new Error('no caps')
    })
    let opened = true
    act(() => void (opened = show()))
    expect(opened).toBe(false)
    expect(onError).toHaveBeenLastCalledWith(new Error('no caps'), { component: '<Offer>' })
  })
})

describe('useDecisions', () => {
  it('gives the instance with its engine, typed: setRules from React needs no cast', () => {
    function Rules() {
      const decisions = useDecisions()
      return (
        <button type="button" onClick={() => decisions.setRules({ segments: [{ id: 'everyone', when: { signal: 'visitor.id', exists: true } }] })}>
          Load
        </button>
      )
    }
    render(wrap(<Rules />))
    fireEvent.click(screen.getByRole('button'))
    expect(attune.activeSegments()).toContain('everyone')
  })

  it('says what to do when the instance has no engine', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    function Rules() {
      useDecisions()
      return null
    }
    const bare = createAttune({ storage: 'memory' })
    expect(() => render(<PersonalizationProvider attune={bare}>{<Rules />}</PersonalizationProvider>)).toThrow(/useDecisions\(\) needs the decision engine/)
  })
})

describe('the hooks components are built on', () => {
  it('useTemplate fills from the traits under the values, and from the values alone without traits or a provider', () => {
    attune.identify({ name: 'Ann', city: 'Oslo' })
    const texts: string[] = []
    function Live() {
      texts.push(useTemplate({ city: 'Bergen' })('{{name | friend}} in {{city}}'))
      return null
    }
    function Alone() {
      texts.push(useTemplate({ city: 'Bergen' }, { traits: false })('{{name | friend}} in {{city}}'))
      return null
    }
    render(wrap(<Live />))
    render(<Alone />)
    expect(texts.at(0)).toBe('Ann in Bergen')
    expect(texts.at(-1)).toBe('friend in Bergen')
  })

  it('useTrack records a click with its conversion, and a failing record costs only the record', () => {
    function Buy() {
      const track = useTrack(useFailSafe('<Buy>'))
      return (
        <button type="button" onClick={() => track.click('buy', 'buy:click')}>
          Buy
        </button>
      )
    }
    render(wrap(<Buy />))
    fireEvent.click(screen.getByRole('button'))
    expect(attune.getProfile().clicks.buy?.count).toBe(1)
    expect(attune.getProfile().events['buy:click']?.count).toBe(1)
    vi.spyOn(attune, 'record').mockImplementation(() => {
      throw new Error('store full')
    })
    fireEvent.click(screen.getByRole('button'))
    expect(onError.mock.calls).toEqual([[new Error('store full'), { component: '<Buy>' }]])
  })

  it('useNudgeCaps counts showings against the caps, and allows (reported) when they cannot be read', () => {
    let caps: ReturnType<typeof useNudgeCaps> | null = null
    function Hint() {
      caps = useNudgeCaps('tip', { cap: { perSession: 1, cooldown: 0 }, safe: useFailSafe('<Hint>') })
      return null
    }
    render(wrap(<Hint />))
    expect(caps!.allowed()).toBe(true)
    caps!.shown()
    expect(caps!.allowed()).toBe(false)
    vi.spyOn(attune, 'nudgeStatus').mockImplementation(() => {
      throw new Error('no caps')
    })
    expect(caps!.allowed()).toBe(true)
    expect(onError).toHaveBeenCalledWith(new Error('no caps'), { component: '<Hint>' })
  })

  it('useAffinityOrder orders by interest, null when disabled, and keeps the given order (reported) when ordering fails', () => {
    const items = [
      { id: 'a', category: 'hats' },
      { id: 'b', category: 'bags' },
    ]
    const orders: (readonly string[] | null)[] = []
    function Shelf({ enabled = true }: { enabled?: boolean }) {
      orders.push(useAffinityOrder(items, { enabled, safe: useFailSafe('<Shelf>') }))
      return null
    }
    attune.record({ type: 'click', id: 'bags' })
    const view = render(wrap(<Shelf />))
    expect(orders.at(-1)).toEqual(['b', 'a'])
    view.rerender(wrap(<Shelf enabled={false} />))
    expect(orders.at(-1)).toBeNull()
    vi.spyOn(attune, 'now').mockImplementation(() => {
      throw new Error('no clock')
    })
    view.rerender(wrap(<Shelf />))
    expect(orders.at(-1)).toBeNull()
    expect(onError).toHaveBeenCalledWith(new Error('no clock'), { component: '<Shelf>' })
  })
})

describe('motion owns its setting', () => {
  it('useReducedMotion reads the motion context, with or without a provider', () => {
    const seen: boolean[] = []
    function Probe() {
      seen.push(useReducedMotion())
      return null
    }
    render(
      <MotionContext.Provider value="reduce">
        <Probe />
      </MotionContext.Provider>,
    )
    render(
      <PersonalizationProvider attune={attune} motion="reduce">
        <Probe />
      </PersonalizationProvider>,
    )
    render(
      <PersonalizationProvider attune={attune} motion="full">
        <Probe />
      </PersonalizationProvider>,
    )
    expect(seen).toEqual([true, true, false])
  })
})
