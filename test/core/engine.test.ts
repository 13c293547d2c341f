import { describe, expect, it, vi } from 'vitest'
import { createAttune, type AttuneOptions } from '../../src/core'
import { withDecisions, type DecisionConfig } from '../../src/engine'
import { endOfTask, fakeClock, spyStorage } from '../support/fakes'

const MINUTE = 60_000

function setup(config: DecisionConfig = {}, options: AttuneOptions = {}) {
  const now = fakeClock()
  const attune = withDecisions(createAttune({ now, storage: 'memory', schedule: 'sync', consent: 'granted', ...options }), config)
  return { attune, now }
}

const READER = { segments: [{ id: 'reader', when: { signal: 'scroll.depth', gte: 0.5 } }] }

describe('segments', () => {
  it('resolve by priority, with segment() the highest', () => {
    const { attune } = setup({
      rules: {
        segments: [
          { id: 'returning', priority: 1, when: { signal: 'visitor.visits', gte: 1 } },
          { id: 'shopper', priority: 10, when: { event: 'add_to_cart', count: { gte: 1 } } },
          { id: 'anyone', when: { signal: 'visitor.id', exists: true } },
        ],
      },
    })
    expect(attune.segments()).toEqual(['returning', 'anyone'])
    attune.track('add_to_cart')
    expect(attune.segments()).toEqual(['shopper', 'returning', 'anyone'])
    expect(attune.segment()).toBe('shopper')
  })

  it('setRules: valid rules take effect at once, invalid ones are reported and left out', () => {
    const { attune } = setup()
    expect(attune.segments()).toEqual([])
    const result = attune.setRules({
      segments: [
        { id: 'clicked', when: { signal: 'clicks.buy.count', gte: 1 } },
        { id: 'broken', when: { signal: 'clicks.buy.count', gte: 'one' } },
      ],
    })
    expect(result.ok).toBe(false)
    expect(result.errors).toEqual([{ path: '/segments/1/when/gte', message: 'expected a number, got "one"' }])
    attune.record({ type: 'click', id: 'buy' })
    expect(attune.segments()).toEqual(['clicked'])
  })

  it('reports bad rules given at creation with a warning, and keeps the good ones', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { attune } = setup({ rules: { segments: [...READER.segments, { id: 'x', when: { signal: 'nope', eq: 1 } }] } })
    expect(String(warn.mock.calls[0]![0])).toMatch(/\[attune\] rules \/segments\/1\/when\/signal: unknown signal "nope"/)
    attune.record({ type: 'scroll', y: 0, depth: 0.9 })
    expect(attune.segments()).toEqual(['reader'])
    warn.mockRestore()
  })

  it('re-evaluate only the rules whose inputs changed', () => {
    const { attune } = setup({
      rules: {
        segments: [
          { id: 'reader', when: { signal: 'scroll.depth', gte: 0.5 } },
          { id: 'clicker', when: { signal: 'clicks.buy.count', gte: 2 } },
          { id: 'both', when: { all: [{ segment: 'reader' }, { segment: 'clicker' }] } },
        ],
      },
    })
    const evaluations = () => Object.fromEntries(attune.explain().map((s) => [s.id, s.evaluations]))
    attune.segments()
    const start = evaluations()
    for (let i = 0; i < 5; i++) attune.record({ type: 'click', id: 'other' })
    attune.segments()
    expect(evaluations()).toEqual(start)
    attune.record({ type: 'click', id: 'buy' })
    attune.segments()
    expect(evaluations()).toEqual({ reader: start.reader, clicker: start.clicker! + 1, both: start.both! + 1 })
  })

  it('follow time: an event window closes and a decayed score fades without new behavior', () => {
    const { attune, now } = setup({
      rules: {
        segments: [
          { id: 'recent-cart', when: { event: 'add_to_cart', count: { gte: 1 }, within: '10m' } },
          { id: 'keen', when: { event: 'view_item', score: { gte: 2 } } },
        ],
      },
      halfLife: 60 * MINUTE,
    })
    attune.track('add_to_cart')
    attune.track('view_item')
    attune.track('view_item')
    attune.track('view_item')
    expect(attune.segments()).toEqual(['recent-cart', 'keen'])
    now.advance(11 * MINUTE)
    expect(attune.segments()).toEqual(['keen'])
    now.advance(60 * MINUTE) // 3 halves to 1.5 after an hour and a bit more
    expect(attune.segments()).toEqual([])
  })

  it('hold for the hold time, so a signal hovering at a threshold does not flicker', () => {
    const { attune, now } = setup({ rules: READER, hold: '10s' })
    let changes = 0
    let last = attune.segments()
    // The depth crosses the threshold every second for a minute.
    for (let second = 0; second < 60; second++) {
      now.advance(1000)
      attune.record({ type: 'pageview', path: second % 2 ? '/a' : '/b' }) // a new page resets the depth
      attune.record({ type: 'scroll', y: 0, depth: second % 2 ? 0.6 : 0.4 })
      const current = attune.segments()
      if (current !== last) changes++
      last = current
    }
    // At most one change per 10 s hold: 60 s / 10 s.
    expect(changes).toBeGreaterThan(0)
    expect(changes).toBeLessThanOrEqual(6)

    const eager = setup({ rules: READER, hold: 0 })
    let eagerChanges = 0
    let eagerLast = eager.attune.segments()
    for (let second = 0; second < 60; second++) {
      eager.now.advance(1000)
      eager.attune.record({ type: 'pageview', path: second % 2 ? '/a' : '/b' })
      eager.attune.record({ type: 'scroll', y: 0, depth: second % 2 ? 0.6 : 0.4 })
      const current = eager.attune.segments()
      if (current !== eagerLast) eagerChanges++
      eagerLast = current
    }
    expect(eagerChanges).toBe(59) // every crossing after the first second
  })

  it('honor a hold set on the segment itself', () => {
    const { attune, now } = setup({ rules: { segments: [{ id: 'reader', hold: '1m', when: { signal: 'scroll.depth', gte: 0.5 } }] }, hold: 0 })
    attune.record({ type: 'scroll', y: 0, depth: 0.9 })
    expect(attune.segments()).toEqual(['reader'])
    now.advance(1000)
    attune.record({ type: 'pageview', path: '/next' })
    expect(attune.segments()).toEqual(['reader'])
    now.advance(MINUTE)
    expect(attune.segments()).toEqual([])
  })

  it('support custom predicates registered in code', () => {
    const isWeekend = vi.fn((_profile: unknown, time: number) => [0, 6].includes(new Date(time).getUTCDay()))
    const { attune, now } = setup({ rules: { segments: [{ id: 'weekend', when: { predicate: 'isWeekend' } }] }, predicates: { isWeekend } })
    now.set(Date.UTC(2026, 0, 17, 12)) // a Saturday
    expect(attune.segments()).toEqual(['weekend'])
    now.set(Date.UTC(2026, 0, 19, 12)) // a Monday
    expect(attune.segments()).toEqual([])
    expect(isWeekend).toHaveBeenCalled()
  })
})

describe('explain', () => {
  it('traces every condition: the value read, the comparison, pass or fail', () => {
    const { attune } = setup({
      rules: {
        segments: [
          {
            id: 'hesitant-buyer',
            when: {
              all: [
                { signal: 'pages./product.dwellMs', gt: 60000 },
                { signal: 'scroll.velocity', lt: 50 },
                { event: 'add_to_cart', count: { gte: 1 }, within: '10m' },
                { not: { event: 'purchase', count: { gte: 1 } } },
              ],
            },
          },
        ],
      },
    })
    attune.record({ type: 'page-dwell', path: '/product', ms: 75_000 })
    attune.track('add_to_cart')
    const [explanation] = attune.explain('hesitant-buyer')
    expect(explanation).toMatchObject({ id: 'hesitant-buyer', matched: true, active: true })
    expect(explanation!.trace).toEqual([
      { at: '/segments/0/when', kind: 'all', pass: true },
      { at: '/segments/0/when/all/0', kind: 'signal', pass: true, test: 'pages./product.dwellMs gt 60000', value: 75_000 },
      { at: '/segments/0/when/all/1', kind: 'signal', pass: true, test: 'scroll.velocity lt 50', value: 0 },
      { at: '/segments/0/when/all/2', kind: 'count', pass: true, test: 'count of "add_to_cart" within 10m gte 1', value: 1 },
      { at: '/segments/0/when/all/3', kind: 'not', pass: true },
      { at: '/segments/0/when/all/3/not', kind: 'count', pass: false, test: 'count of "purchase" gte 1', value: 0 },
    ])
    attune.track('purchase')
    const failing = attune.explain('hesitant-buyer')[0]!
    expect(failing.matched).toBe(false)
    expect(failing.trace.at(-1)).toMatchObject({ pass: true, value: 1 })
  })
})

describe('variants', () => {
  const variants = { default: 'Buy', reader: 'Read more, then buy', bold: 'BUY', 'reader+bold': 'READ, THEN BUY' }

  it('fall back from segment and arm, to segment, to arm, to default', () => {
    const { attune } = setup({ rules: READER, experiments: [{ id: 'cta', arms: { bold: 1 } }, { id: 'calm', arms: { calm: 1 } }] })
    expect(attune.decide('cta', variants).key).toBe('default')
    expect(attune.decide('cta', variants, { experiment: 'cta' })).toEqual({ variant: 'BUY', key: 'bold', segment: null, arm: 'bold' })
    attune.record({ type: 'scroll', y: 0, depth: 0.9 })
    expect(attune.decide('cta', variants)).toEqual({ variant: 'Read more, then buy', key: 'reader', segment: 'reader', arm: null })
    expect(attune.decide('cta', variants, { experiment: 'cta' })).toEqual({ variant: 'READ, THEN BUY', key: 'reader+bold', segment: 'reader', arm: 'bold' })
    expect(attune.decide('cta', variants, { experiment: 'calm' }).key).toBe('reader')
  })

  it('without a default, are a reported error and never a crash', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { attune } = setup()
    expect(() => attune.decide('cta', { reader: 'x' } as never)).not.toThrow()
    expect(String(warn.mock.calls[0]![0])).toMatch(/decide\("cta"\): the variants has no "default" variant \(keys: reader\)/)
    warn.mockRestore()
  })

  it('change at most N times per session under an oscillating signal, then stay', () => {
    const { attune, now } = setup({ rules: READER, hold: 0, maxVariantChanges: 5 })
    const shownKeys: string[] = []
    for (let second = 0; second < 40; second++) {
      now.advance(1000)
      attune.record({ type: 'pageview', path: second % 2 ? '/a' : '/b' })
      attune.record({ type: 'scroll', y: 0, depth: second % 2 ? 0.6 : 0.4 })
      const decision = attune.decide('cta', variants)
      attune.shown('cta', decision)
      attune.flush()
      shownKeys.push(decision.key)
    }
    const changes = shownKeys.filter((key, i) => i > 0 && key !== shownKeys[i - 1]).length
    expect(changes).toBe(5)
    // A new session starts a new allowance.
    now.advance(31 * MINUTE)
    attune.record({ type: 'click', id: 'back' })
    attune.record({ type: 'scroll', y: 0, depth: 0.9 })
    expect(attune.decide('cta', variants).key).toBe('reader')
  })
})

describe('nudges and fatigue', () => {
  it('cap per session and per day, with a cooldown', () => {
    const { attune, now } = setup({ nudges: { offer: { perSession: 2, perDay: 3, cooldown: '5m' } }, budget: 10 })
    expect(attune.nudgeStatus('offer')).toEqual({ allowed: true, reason: null })
    attune.nudgeShown('offer')
    expect(attune.nudgeStatus('offer')).toEqual({ allowed: false, reason: 'cooling down for 300 s more' })
    now.advance(5 * MINUTE)
    expect(attune.nudgeStatus('offer').allowed).toBe(true)
    attune.nudgeShown('offer')
    now.advance(10 * MINUTE)
    expect(attune.nudgeStatus('offer').reason).toBe('shown 2 time(s) this session')
    // A new session (31 minutes without activity), still the same day.
    now.advance(31 * MINUTE)
    attune.record({ type: 'click', id: 'x' })
    attune.nudgeShown('offer')
    now.advance(6 * MINUTE)
    expect(attune.nudgeStatus('offer').reason).toBe('shown 3 time(s) in 24 hours')
    now.advance(24 * 60 * MINUTE)
    attune.record({ type: 'click', id: 'x' })
    expect(attune.nudgeStatus('offer').allowed).toBe(true)
  })

  it('back off after each dismissal: the cooldown doubles', () => {
    const { attune, now } = setup({ nudges: { tip: { perSession: 100, perDay: 100, cooldown: '1m' } }, budget: 100 })
    const waitUntilAllowed = () => {
      let waited = 0
      while (!attune.nudgeStatus('tip').allowed) {
        now.advance(1000)
        waited += 1000
      }
      return waited
    }
    attune.nudgeShown('tip')
    expect(waitUntilAllowed()).toBe(MINUTE)
    attune.nudgeShown('tip')
    attune.dismiss('tip')
    expect(waitUntilAllowed()).toBe(2 * MINUTE)
    attune.nudgeShown('tip')
    attune.dismiss('tip')
    expect(waitUntilAllowed()).toBe(4 * MINUTE)
  })

  it('share a budget of interruptions per session across nudges', () => {
    const { attune } = setup({ budget: 2 })
    attune.nudgeShown('a')
    attune.nudgeShown('b')
    expect(attune.nudgeStatus('c')).toEqual({ allowed: false, reason: "the session's budget of 2 interruption(s) is spent" })
  })

  it('suppress a nudge marked not helpful, for good', () => {
    const { attune, now } = setup()
    attune.feedback('tip', 'helpful')
    expect(attune.nudgeStatus('tip').allowed).toBe(true)
    attune.feedback('tip', 'not-helpful')
    now.advance(30 * 24 * 60 * MINUTE)
    expect(attune.nudgeStatus('tip')).toEqual({ allowed: false, reason: 'marked not helpful' })
  })

  it('keep their caps with the stored profile, when consent allows', async () => {
    const storage = spyStorage()
    const now = fakeClock()
    const first = withDecisions(createAttune({ now, storage, consent: 'granted', schedule: 'sync', persistDelay: 0 }))
    first.nudgeShown('offer')
    first.dismiss('offer')
    // The writes of a task are committed (and stored) together, at its end.
    await endOfTask()
    const reloaded = withDecisions(createAttune({ now, storage, consent: 'granted', schedule: 'sync' }))
    expect(reloaded.nudgeStatus('offer').allowed).toBe(false)
    // Without consent nothing is stored: a reload forgets.
    const privateStorage = spyStorage()
    withDecisions(createAttune({ now, storage: privateStorage, consent: 'denied', schedule: 'sync' })).nudgeShown('offer')
    await endOfTask()
    expect(privateStorage.map.size).toBe(0)
  })

  it('report shown, dismissed and feedback outcomes', () => {
    const { attune } = setup()
    const actions: string[] = []
    attune.onDecision((event) => event.type === 'nudge' && actions.push(`${event.nudge}:${event.action}`))
    attune.nudgeShown('offer')
    attune.dismiss('offer')
    attune.feedback('offer', 'not-helpful')
    expect(actions).toEqual(['offer:shown', 'offer:dismissed', 'offer:not-helpful'])
  })
})

describe('messages', () => {
  it('fill templates from traits and values, as plain text', () => {
    const { attune } = setup()
    attune.identify({ name: '<b>Ada</b>' })
    expect(attune.message('welcome', 'Welcome back, {{name}}').text).toBe('Welcome back, <b>Ada</b>')
    expect(attune.message('restock', '{{ product | Your item }} is back', { product: 'Trail shoe' }).text).toBe('Trail shoe is back')
    expect(attune.message('restock', '{{ product | Your item }} is back').text).toBe('Your item is back')
    expect(attune.message('x', '{{missing}}!').text).toBe('!')
  })

  it('rotate several messages without repeating the last one shown', () => {
    const { attune } = setup()
    const messages = ['One', 'Two', 'Three']
    const seen: string[] = []
    for (let i = 0; i < 6; i++) {
      const { text, index } = attune.message('hint', messages)
      seen.push(text)
      attune.messageShown('hint', index)
    }
    expect(seen).toEqual(['One', 'Two', 'Three', 'One', 'Two', 'Three'])
    seen.forEach((text, i) => i > 0 && expect(text).not.toBe(seen[i - 1]))
  })
})

describe('models', () => {
  const models = {
    style: { type: 'centroid', features: ['scroll.velocity', 'visitor.visits'], mean: [500, 2], std: [400, 1.5], centroids: { reader: [80, 4], skimmer: [1200, 1] } },
    purchase: { type: 'logistic', features: { 'events.add_to_cart.count': 1.2, 'pages./product.dwellMs': { weight: 1, scale: 60000 } }, bias: -3, learningRate: 0.5, event: 'purchase' },
  }

  it('classify to the nearest centroid, usable in rules', () => {
    const { attune, now } = setup({ rules: { models, segments: [{ id: 'skimmer', when: { model: 'style', is: 'skimmer' } }] } })
    for (let i = 0; i <= 20; i++) {
      attune.record({ type: 'scroll', y: i * 30, depth: 0.5 })
      now.advance(20) // 1500 px/s
    }
    expect(attune.segments()).toEqual(['skimmer'])
  })

  it('score propensity, readable as a signal, and learn online from conversions', async () => {
    const { attune } = setup({ rules: { models, segments: [{ id: 'likely-buyer', when: { signal: 'propensity.purchase', gt: 0.7 } }] } })
    const score = () => attune.explain('likely-buyer')[0]!.trace[0]!.value as number
    const start = score()
    expect(start).toBeCloseTo(1 / (1 + Math.exp(3)), 10)
    attune.track('add_to_cart')
    attune.record({ type: 'page-dwell', path: '/product', ms: 60_000 })
    expect(score()).toBeCloseTo(1 / (1 + Math.exp(3 - 1.2 - 1)), 10)
    expect(attune.segments()).toEqual([])
    // Conversions are positive examples: the weights of present features grow.
    for (let i = 0; i < 5; i++) {
      attune.track('purchase')
      await Promise.resolve() // learning is written right after the commit
    }
    const learned = attune.getProfile().state.models as Record<string, { n: number; weights: number[] }>
    expect(learned.purchase!.n).toBe(5)
    expect(learned.purchase!.weights[0]).toBeGreaterThan(1.2)
    expect(score()).toBeGreaterThan(0.7)
    expect(attune.segments()).toEqual(['likely-buyer'])
  })

  it('learn a negative example from a session that ended without the conversion', async () => {
    const { attune, now } = setup({ rules: { models, segments: [] } })
    attune.track('add_to_cart')
    now.advance(31 * MINUTE)
    attune.record({ type: 'click', id: 'back' }) // a new session: the last one had no purchase
    await Promise.resolve()
    const learned = (attune.getProfile().state.models as Record<string, { n: number; weights: number[]; bias: number }>).purchase!
    expect(learned.n).toBe(1)
    expect(learned.weights[0]).toBeLessThan(1.2)
    expect(learned.bias).toBeLessThan(-3)
  })
})
