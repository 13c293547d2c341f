import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { Adaptive, AdaptiveButton, AdaptiveHint, createAttune, NudgeToast, PersonalizationProvider, SmartCarousel, withDecisions, type Profile } from '../../src'
import { BUTTON_PAGES } from '../support/button-pages'

const RULES = { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] }
const ITEMS = ['shoes', 'bags', 'hats'].map((category) => ({ id: category, category, label: category, content: <p>{category}</p> }))

function Page() {
  return (
    <>
      <AdaptiveButton id="cta" variants={{ default: { label: 'Buy now' }, shopper: { label: 'Check out', tone: 'success', animation: 'pulse' } }} />
      <Adaptive id="hero" variants={{ default: 'Shoes for every day', shopper: 'Your cart is waiting' }}>
        {(title) => <h1>{title}</h1>}
      </Adaptive>
      <AdaptiveHint id="vat" variants={{ default: { text: 'Prices include VAT' } }}>
        <button type="button">Pricing</button>
      </AdaptiveHint>
      <NudgeToast id="offer" trigger="exit_intent" variants={{ default: { message: 'Free shipping today' } }} />
      <SmartCarousel id="picks" label="Picks" items={ITEMS} variants={{ default: { perView: 1 }, shopper: { perView: 2 } }} />
    </>
  )
}

const render = (initialProfile?: Profile) => {
  const attune = withDecisions(createAttune({ storage: 'memory', ...(initialProfile ? { initialProfile } : {}) }), { rules: RULES, hold: 0 })
  return renderToString(
    <PersonalizationProvider attune={attune}>
      <Page />
    </PersonalizationProvider>,
  )
}

describe('the components on the server (Node, no DOM)', () => {
  it('render their default variants, without touching window or document, and without a warning', () => {
    expect(typeof window).toBe('undefined')
    const errors = vi.spyOn(console, 'error')
    const html = render()
    expect(errors).not.toHaveBeenCalled()
    expect(html).toContain('Buy now')
    expect(html).toContain('data-variant="default"')
    expect(html).toContain('<h1>Shoes for every day</h1>')
    expect(html).toContain('<button type="button">Pricing</button>')
    expect(html).toContain('aria-roledescription="carousel"')
    expect(html).toContain('1 of 3')
    // The toast renders nothing in place, and no viewport before the client mounts one.
    expect(html).not.toContain('Free shipping today')
    errors.mockRestore()
  })

  it('render the variants an initialProfile selects', () => {
    const seed = withDecisions(createAttune({ storage: 'memory', schedule: 'sync', consent: 'granted' }), { rules: RULES })
    seed.track('add_to_cart')
    const html = render(JSON.parse(JSON.stringify(seed.getProfile())) as Profile)
    expect(html).toContain('Check out')
    expect(html).toContain('data-segment="shopper"')
    expect(html).toContain('<h1>Your cart is waiting</h1>')
    expect(html).toContain('data-per-view="2"')
  })
})

describe('AdaptiveButton on the server (its own component: no window)', () => {
  // test/dom renders the same pages with a window, as hydration's first
  // render does, expects the same HTML and hydrates it without a mismatch.
  it.each(BUTTON_PAGES)('renders $name as the browser hydrates it', ({ attune, page, html }) => {
    const errors = vi.spyOn(console, 'error')
    expect(renderToString(page(attune()))).toBe(html)
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
  })

  it('renders its default variant when the engine throws, without a report (a server render has no commit)', () => {
    const attune = withDecisions(createAttune({ storage: 'memory' }), { rules: RULES })
    attune.decide = () => {
      throw new Error('engine down')
    }
    const onError = vi.fn()
    const html = renderToString(
      <PersonalizationProvider attune={attune} onError={onError}>
        <AdaptiveButton id="cta" variants={{ default: { label: 'Buy now' }, shopper: { label: 'Check out' } }} />
      </PersonalizationProvider>,
    )
    expect(html).toBe('<button type="button" data-attune="button" data-variant="default" data-tone="primary"><span data-attune-part="label">Buy now</span></button>')
    expect(onError).not.toHaveBeenCalled()
  })

  it('throws, naming what to do, without a provider', () => {
    expect(() => renderToString(<AdaptiveButton id="cta" variants={{ default: { label: 'Buy now' } }} />)).toThrow(/useVariant\(\) must be used inside a <PersonalizationProvider>/)
  })
})

