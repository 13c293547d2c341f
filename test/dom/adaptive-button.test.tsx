import { act, fireEvent, render, screen } from '@testing-library/react'
import { createRef } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AdaptiveButton, createAttune, PersonalizationProvider, withDecisions, type ButtonVariant, type DecisionAttune, type DecisionEvent, type Profile, type Variants } from '../../src'
import { BUTTON_PAGES } from '../support/button-pages'
import { hydrateWithoutWarnings } from '../support/hydrate'

const RULES = {
  segments: [
    { id: 'shopper', priority: 10, when: { event: 'add_to_cart', count: { gte: 1 } } },
    { id: 'returning', when: { signal: 'visitor.visits', gte: 2 } },
  ],
}
const EXPERIMENTS = [{ id: 'cta', arms: { control: 50, bold: 50 } }]

const VARIANTS: Variants<ButtonVariant> = {
  default: { label: 'Buy now' },
  shopper: { label: 'Check out', tone: 'success', animation: 'pulse' },
  bold: { label: 'Get it today', tone: 'warning' },
  'shopper+bold': { label: 'Check out today', tone: 'danger' },
}

const make = (options: Parameters<typeof createAttune>[0] = {}) =>
  withDecisions(createAttune({ storage: 'memory', schedule: 'sync', consent: 'granted', ...options }), { hold: 0, rules: RULES, experiments: EXPERIMENTS })

let attune: DecisionAttune
beforeEach(() => {
  attune = make()
})
afterEach(() => {
  vi.restoreAllMocks()
})

const button = () => screen.getByRole('button')

describe('AdaptiveButton', () => {
  it('shows the default variant, then the segment variant as behavior arrives', () => {
    render(
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="checkout" variants={VARIANTS} />
      </PersonalizationProvider>,
    )
    expect(button()).toHaveTextContent('Buy now')
    expect(button()).toHaveAttribute('data-variant', 'default')
    expect(button()).toHaveAttribute('data-tone', 'primary')
    expect(button()).not.toHaveAttribute('data-segment')
    act(() => attune.track('add_to_cart'))
    expect(button()).toHaveTextContent('Check out')
    expect(button()).toHaveAttribute('data-variant', 'shopper')
    expect(button()).toHaveAttribute('data-segment', 'shopper')
    expect(button()).toHaveAttribute('data-tone', 'success')
  })

  it("picks the arm's variant, and segment+arm over both", () => {
    const arm = attune.arm('cta')
    render(
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="checkout" experiment="cta" variants={VARIANTS} />
      </PersonalizationProvider>,
    )
    expect(button()).toHaveAttribute('data-arm', arm!)
    expect(button()).toHaveTextContent(arm === 'bold' ? 'Get it today' : 'Buy now')
    act(() => attune.track('add_to_cart'))
    expect(button()).toHaveTextContent(arm === 'bold' ? 'Check out today' : 'Check out')
    // Both arms are reachable: another visitor gets the other one, and its variant.
    let other = make()
    while (other.arm('cta') === arm) other = make()
    render(
      <PersonalizationProvider attune={other}>
        <AdaptiveButton id="checkout" experiment="cta" variants={VARIANTS} data-testid="other" />
      </PersonalizationProvider>,
    )
    expect(screen.getByTestId('other')).toHaveTextContent(other.arm('cta') === 'bold' ? 'Get it today' : 'Buy now')
  })

  it('fills the label from traits and values, as text', () => {
    attune.identify({ name: '<b>Ada</b>' })
    render(
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="hello" variants={{ default: { label: 'Hi {{name | there}}, {{count}} items' } }} values={{ count: 3 }} />
      </PersonalizationProvider>,
    )
    expect(button()).toHaveTextContent('Hi <b>Ada</b>, 3 items')
    expect(button().querySelector('b')).toBeNull()
  })

  it('records the click and tracks it as a conversion of its experiment', () => {
    const events: DecisionEvent[] = []
    attune.onDecision((event) => events.push(event))
    const onClick = vi.fn()
    render(
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="checkout" experiment="cta" variants={VARIANTS} onClick={onClick} />
      </PersonalizationProvider>,
    )
    expect(events.map((event) => event.type)).toEqual(['exposure'])
    fireEvent.click(button())
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(attune.getProfile().clicks.checkout?.count).toBe(1)
    expect(attune.getProfile().events['checkout:click']?.count).toBe(1)
    expect(events[1]).toMatchObject({ type: 'conversion', experiment: 'cta', event: 'checkout:click', arm: attune.arm('cta') })
  })

  it('tracks nothing when its onClick prevents the default, and tracks a custom conversion name', () => {
    render(
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="a" variants={VARIANTS} onClick={(event) => event.preventDefault()} />
        <AdaptiveButton id="b" variants={VARIANTS} conversion="purchase" />
      </PersonalizationProvider>,
    )
    const [a, b] = screen.getAllByRole('button')
    fireEvent.click(a!)
    fireEvent.click(b!)
    expect(attune.getProfile().clicks.a).toBeUndefined()
    expect(attune.getProfile().events['a:click']).toBeUndefined()
    expect(attune.getProfile().events.purchase?.count).toBe(1)
  })

  it('forwards its ref and props to a real button', () => {
    const ref = createRef<HTMLButtonElement>()
    render(
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="checkout" variants={VARIANTS} ref={ref} disabled aria-describedby="note" className="cta" />
      </PersonalizationProvider>,
    )
    expect(ref.current).toBe(button())
    expect(button()).toBeDisabled()
    expect(button()).toHaveAttribute('type', 'button')
    expect(button()).toHaveAttribute('aria-describedby', 'note')
    expect(button()).toHaveClass('cta')
  })

  it('renders a link through asChild, with the label, the data attributes and the click tracked', () => {
    const ref = createRef<HTMLButtonElement>()
    const onClick = vi.fn((event: React.MouseEvent) => event.preventDefault())
    render(
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="more" variants={{ default: { label: 'Read more', icon: '→', iconPosition: 'end' } }} asChild ref={ref} className="outer">
          <a href="/more" className="inner" onClick={onClick}>
            ignored
          </a>
        </AdaptiveButton>
      </PersonalizationProvider>,
    )
    const link = screen.getByRole('link', { name: 'Read more' })
    expect(ref.current).toBe(link)
    expect(link).toHaveAttribute('href', '/more')
    expect(link).toHaveClass('outer', 'inner')
    expect(link).toHaveAttribute('data-variant', 'default')
    expect(link.textContent).toBe('Read more→')
    expect(link.querySelector('[data-attune-part="icon"]')).toHaveAttribute('aria-hidden', 'true')
    fireEvent.click(link)
    // The link's own handler ran first, and prevented the default: nothing tracked.
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(attune.getProfile().clicks.more).toBeUndefined()
  })
})

describe('AdaptiveButton error isolation', () => {
  it('shows the default variant when the chosen one is invalid, and reports it once', () => {
    const onError = vi.fn()
    const variants = { default: { label: 'Buy now' }, shopper: { label: '' } } as Variants<ButtonVariant>
    const { rerender } = render(
      <PersonalizationProvider attune={attune} onError={onError}>
        <AdaptiveButton id="checkout" variants={variants} />
      </PersonalizationProvider>,
    )
    act(() => attune.track('add_to_cart'))
    rerender(
      <PersonalizationProvider attune={attune} onError={onError}>
        <AdaptiveButton id="checkout" variants={variants} />
      </PersonalizationProvider>,
    )
    expect(button()).toHaveTextContent('Buy now')
    expect(button()).toHaveAttribute('data-variant', 'default')
    expect(onError).toHaveBeenCalledTimes(1)
    expect((onError.mock.calls[0]![0] as Error).message).toMatch(/variant "shopper" needs a "label"/)
    expect(onError.mock.calls[0]![1]).toEqual({ component: '<AdaptiveButton id="checkout">' })
  })

  it('shows the default variant when the engine throws, and reports it once', () => {
    const onError = vi.fn()
    const broken: DecisionAttune = {
      ...attune,
      decide: () => {
        throw new Error('engine down')
      },
    }
    const { rerender } = render(
      <PersonalizationProvider attune={broken} onError={onError}>
        <AdaptiveButton id="checkout" variants={VARIANTS} />
      </PersonalizationProvider>,
    )
    rerender(
      <PersonalizationProvider attune={broken} onError={onError}>
        <AdaptiveButton id="checkout" variants={VARIANTS} title="again" />
      </PersonalizationProvider>,
    )
    expect(button()).toHaveTextContent('Buy now')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'engine down' }), { component: '<AdaptiveButton id="checkout">' })
  })

  it('shows the default variant when rendering fails outside the engine (no provider at all), and says so once', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    render(<AdaptiveButton id="orphan" variants={VARIANTS} />)
    expect(button()).toHaveTextContent('Buy now')
    expect(button()).toHaveAttribute('data-variant', 'default')
    const ours = errors.mock.calls.filter(([message]) => typeof message === 'string' && message.startsWith('[attune] <AdaptiveButton id="orphan">'))
    expect(ours).toHaveLength(1)
    expect(String(ours[0]![0])).toMatch(/must be used inside a <PersonalizationProvider>/)
  })
})

describe('AdaptiveButton on the server', () => {
  const hydrate = (html: string, client: DecisionAttune) =>
    hydrateWithoutWarnings(
      html,
      <PersonalizationProvider attune={client}>
        <AdaptiveButton id="checkout" variants={VARIANTS} />
      </PersonalizationProvider>,
    )

  it('renders default on the server and hydrates without a mismatch, then shows the live variant', async () => {
    const html = renderToString(
      <PersonalizationProvider attune={make()}>
        <AdaptiveButton id="checkout" variants={VARIANTS} />
      </PersonalizationProvider>,
    )
    expect(html).toContain('Buy now')
    const client = make()
    client.track('add_to_cart')
    const container = await hydrate(html, client)
    expect(container.textContent).toBe('Check out')
    container.remove()
  })

  it('renders the variant an initialProfile selects, on the server and through hydration', async () => {
    const seed = make()
    seed.track('add_to_cart')
    const initialProfile = JSON.parse(JSON.stringify(seed.getProfile())) as Profile
    const server = make({ initialProfile })
    const html = renderToString(
      <PersonalizationProvider attune={server}>
        <AdaptiveButton id="checkout" variants={VARIANTS} />
      </PersonalizationProvider>,
    )
    expect(html).toContain('Check out')
    expect(html).toContain('data-variant="shopper"')
    const container = await hydrate(html, make({ initialProfile }))
    expect(container.textContent).toBe('Check out')
    container.remove()
  })

  // test/ssr renders the same pages without a window, through the server's
  // own component, and expects the same HTML: what hydration matches here.
  it.each(BUTTON_PAGES)('renders $name as the server does, and hydrates that HTML without a mismatch', async ({ attune, page, html }) => {
    expect(renderToString(page(attune()))).toBe(html)
    const container = await hydrateWithoutWarnings(html, page(attune()))
    expect(container.querySelector('[data-attune="button"]')).not.toBeNull()
  })
})
