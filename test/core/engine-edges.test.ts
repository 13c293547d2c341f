import { describe, expect, it, vi } from 'vitest'
import { createAttune } from '../../src/core'
import { validateRules, withDecisions, type DecisionEvent } from '../../src/engine'
import { endOfTask, fakeClock, spyStorage } from '../support/fakes'

const MINUTE = 60_000
const MODELS = {
  purchase: { type: 'logistic', event: 'purchase', bias: -3, learningRate: 0.5, features: { 'events.add_to_cart.count': 1 } },
}
const flushMicrotasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

describe('the engine and the visitor’s identity', () => {
  it('learns nothing from a profile erased by forget()', async () => {
    const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync' }), { rules: { models: MODELS, segments: [] } })
    for (let i = 0; i < 3; i++) attune.track('add_to_cart')
    attune.forget()
    await flushMicrotasks()
    expect(attune.getProfile().state).toEqual({})
  })

  it('does not replay stored events as conversions or examples when consent merges the stored profile', async () => {
    const storage = spyStorage()
    const now = fakeClock()
    const config = { rules: { models: MODELS, segments: [] }, experiments: [{ id: 'cta', arms: { a: 1 } }] }
    const first = withDecisions(createAttune({ now, storage, consent: 'granted', schedule: 'sync', persistDelay: 0 }), config)
    first.expose('cta')
    first.track('purchase')
    await flushMicrotasks()
    const learned = (first.getProfile().state.models as Record<string, { n: number }>).purchase!.n

    const second = withDecisions(createAttune({ now, storage, schedule: 'sync', persistDelay: 0 }), config)
    const events: DecisionEvent[] = []
    second.onDecision((event) => events.push(event))
    second.setConsent('granted')
    await flushMicrotasks()
    expect(events).toEqual([])
    expect((second.getProfile().state.models as Record<string, { n: number }>).purchase!.n).toBe(learned)
  })

  it('keeps the stored engine data of each nudge when consent merges profiles', async () => {
    const storage = spyStorage()
    const now = fakeClock()
    const first = withDecisions(createAttune({ now, storage, consent: 'granted', schedule: 'sync', persistDelay: 0 }))
    first.feedback('exit-offer', 'not-helpful')
    await endOfTask()
    const second = withDecisions(createAttune({ now, storage, schedule: 'sync', persistDelay: 0 }))
    second.nudgeShown('promo')
    second.setConsent('granted')
    expect(second.nudgeStatus('exit-offer')).toEqual({ allowed: false, reason: 'marked not helpful' })
    expect(second.nudgeStatus('promo').allowed).toBe(false)
  })
})

describe('the engine’s bookkeeping', () => {
  it('is not visitor activity: it neither starts nor extends a session', () => {
    const now = fakeClock()
    const attune = withDecisions(createAttune({ now, storage: 'memory', schedule: 'sync' }))
    now.advance(31 * MINUTE)
    attune.messageShown('banner', 1)
    attune.shown('cta', { variant: 'x', key: 'default', segment: null, arm: null })
    expect(attune.getProfile().visitor.visits).toBe(1)
  })

  it('learns from every conversion, however many commit before the learning runs', async () => {
    const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync' }), { rules: { models: MODELS, segments: [] } })
    for (let i = 0; i < 5; i++) attune.track('purchase')
    await flushMicrotasks()
    expect((attune.getProfile().state.models as Record<string, { n: number }>).purchase!.n).toBe(5)
  })

  it('takes the instance’s half-life for event scores by default', () => {
    const now = fakeClock()
    const attune = withDecisions(createAttune({ now, storage: 'memory', schedule: 'sync', halfLife: 1000 }), {
      hold: 0,
      rules: { segments: [{ id: 'keen', when: { event: 'x', score: { gte: 0.9 } } }] },
    })
    attune.track('x')
    expect(attune.segments()).toEqual(['keen'])
    now.advance(5000)
    expect(attune.segments()).toEqual([])
  })

  it('holds a segment even on a clock that starts at 0', () => {
    let time = 0
    const attune = withDecisions(createAttune({ now: () => time, storage: 'memory', schedule: 'sync' }), {
      hold: '10s',
      rules: { segments: [{ id: 'deep', when: { signal: 'scroll.depth', gte: 0.5 } }] },
    })
    attune.record({ type: 'scroll', y: 0, depth: 0.9 })
    expect(attune.segments()).toEqual(['deep'])
    time = 1000
    attune.record({ type: 'pageview', path: '/other' })
    expect(attune.segments()).toEqual(['deep'])
  })

  it('restarts its clock for time-dependent rules loaded with setRules', () => {
    vi.useFakeTimers()
    try {
      const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync' }))
      const heard = vi.fn()
      attune.watchSegments(heard)
      attune.track('x')
      attune.setRules({ segments: [{ id: 'recent', when: { event: 'x', count: { gte: 1 }, within: '2s' } }] })
      expect(attune.activeSegments()).toEqual(['recent'])
      vi.advanceTimersByTime(15_000)
      expect(attune.activeSegments()).toEqual([])
      expect(heard).toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }
  })

  it('lets caps given per call override configured ones only where they are set', () => {
    const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync' }), { nudges: { n: { perSession: 5, cooldown: 0 } }, budget: 10 })
    attune.nudgeShown('n')
    expect(attune.nudgeStatus('n', { perSession: undefined }).allowed).toBe(true)
    expect(attune.nudgeStatus('n', { perSession: 1 }).allowed).toBe(false)
  })
})

describe('experiments, in order', () => {
  it('never counts an event recorded before the exposure as its conversion', () => {
    const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'manual', consent: 'granted' }), { experiments: [{ id: 'cta', arms: { a: 1 } }] })
    const events: string[] = []
    attune.onDecision((event) => events.push(event.type))
    attune.track('purchase')
    attune.expose('cta')
    attune.flush()
    expect(events).toEqual(['exposure'])
  })

  it('counts a conversion once per visitor, experiment and event', async () => {
    const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync', consent: 'granted' }), { experiments: [{ id: 'cta', arms: { a: 1 } }] })
    const events: string[] = []
    attune.onDecision((event) => event.type === 'conversion' && events.push(event.event))
    attune.expose('cta')
    attune.track('purchase')
    attune.track('purchase')
    await flushMicrotasks()
    attune.track('purchase')
    attune.track('signup')
    expect(events).toEqual(['purchase', 'signup'])
  })

  it('logs an exposure shown before consent once consent is granted', () => {
    const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync' }), { experiments: [{ id: 'cta', arms: { a: 1 } }] })
    const events: string[] = []
    attune.onDecision((event) => events.push(event.type))
    attune.expose('cta')
    expect(events).toEqual([])
    attune.setConsent('granted')
    expect(events).toEqual(['exposure'])
  })
})

describe('validateRules, at the edges', () => {
  it('reports values nested too deep to print, instead of throwing', () => {
    let deep: unknown = 1
    for (let i = 0; i < 20_000; i++) deep = [deep]
    for (const doc of [deep, { segments: deep }, { segments: [{ id: 'a', when: deep }] }, { segments: [{ id: 'a', when: { signal: 'page', eq: deep } }] }]) {
      expect(() => validateRules(doc)).not.toThrow()
      expect(validateRules(doc).ok).toBe(false)
    }
  })

  it('handles thousands of segments referring to each other, and refuses chains too deep to evaluate', () => {
    const segments = Array.from({ length: 5000 }, (_, i) => ({ id: `s${i}`, when: i === 4999 ? { signal: 'page', exists: true } : { segment: `s${i + 1}` } }))
    const result = validateRules({ segments })
    expect(result.errors.some((e) => /refer to each other more than 32 deep/.test(e.message))).toBe(true)
    const short = validateRules({ segments: segments.slice(4980) })
    expect(short.ok).toBe(true)
  })

  it('checks the keys of a logistic feature and points at a missing weight', () => {
    const errors = validateRules({
      models: { p: { type: 'logistic', event: 'buy', features: { 'scroll.depth': { weight: 1, sclae: 10 }, 'scroll.velocity': { scale: 10 } } } },
      segments: [],
    }).errors
    expect(errors).toContainEqual({ path: '/models/p/features/scroll.depth/sclae', message: 'unknown key "sclae" (did you mean "scale"?); expected weight, scale' })
    expect(errors).toContainEqual({ path: '/models/p/features/scroll.velocity/weight', message: 'expected a number, got undefined' })
  })

  it('refuses a model score as a feature of a model', () => {
    const errors = validateRules({
      models: {
        p: { type: 'logistic', event: 'buy', features: { 'scroll.depth': 1 } },
        c: { type: 'centroid', features: ['propensity.p'], centroids: { low: [0.1], high: [0.9] } },
      },
      segments: [],
    }).errors
    expect(errors).toEqual([{ path: '/models/c/features/0', message: "a model's score cannot be a feature of a model" }])
  })

  it('refuses "__proto__" as a model name', () => {
    const result = validateRules(JSON.parse('{"models": {"__proto__": {"type": "centroid"}}, "segments": []}'))
    expect(result.errors[0]).toMatchObject({ path: '/models/__proto__' })
    expect(Object.getPrototypeOf(result.rules.models)).toBe(Object.prototype)
  })
})

describe('override', () => {
  it('forces segments and arms, notifies watchers, records nothing, and lifts cleanly', () => {
    const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync', consent: 'granted' }), {
      hold: 0,
      maxVariantChanges: 1,
      rules: { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }, { id: 'reader', when: { signal: 'scroll.depth', gte: 0.5 } }] },
      experiments: [{ id: 'cta', arms: { control: 50, bold: 50 } }],
    })
    const events: unknown[] = []
    attune.onDecision((event) => events.push(event))
    let heard = 0
    const stop = attune.watchDecisions(() => heard++)
    const variants = { default: 'd', shopper: 's', reader: 'r', bold: 'b', control: 'c' }
    const natural = attune.arm('cta')
    const other = natural === 'bold' ? 'control' : 'bold'

    attune.override({ segments: ['reader'], arms: { cta: other, missing: 'x' } })
    expect(heard).toBeGreaterThan(0)
    expect(attune.segments()).toEqual(['reader'])
    expect(attune.activeSegments()).toEqual(['reader'])
    expect(attune.arm('cta')).toBe(other)
    expect(attune.decide('c', variants, { refresh: false }).key).toBe('reader')
    // Switching forced segments back and forth is not limited by maxVariantChanges, nor recorded.
    for (const segment of ['shopper', 'reader', 'shopper', 'reader']) {
      attune.override({ segments: [segment] })
      const decision = attune.decide('c', variants)
      expect(decision.key).toBe(segment)
      attune.shown('c', decision, { experiment: 'cta' })
    }
    attune.override({ arms: { cta: 'nonsense' } })
    expect(attune.arm('cta')).toBe(natural)
    attune.expose('cta')
    attune.track('add_to_cart')
    expect(events).toEqual([])
    expect(attune.getProfile().state.exposed).toBeUndefined()
    expect(attune.getProfile().state.variants).toBeUndefined()

    attune.override(null)
    expect(attune.segments()).toEqual(['shopper'])
    expect(attune.arm('cta')).toBe(natural)
    stop()
  })
})
