/** fast-check arbitraries: profiles, and valid rule documents over them. */
import fc from 'fast-check'
import { createProfile, type Profile } from '../../src/core'

export const NOW = Date.UTC(2026, 0, 15, 12)
const IDS = ['hero', 'pricing', 'faq']
const EVENTS = ['add_to_cart', 'purchase', 'signup', 'valueOf']
const PATHS = ['/', '/product', '/cart']

const time = fc.integer({ min: NOW - 3 * 86_400_000, max: NOW })
const count = fc.integer({ min: 0, max: 20 })
const subset = <T>(keys: string[], value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> =>
  fc.uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length }).chain((chosen) =>
    chosen.length ? fc.tuple(...chosen.map(() => value)).map((values) => Object.fromEntries(chosen.map((k, i) => [k, values[i]!]))) : fc.constant({}),
  )

export const profileArbitrary: fc.Arbitrary<Profile> = fc
  .record({
    sections: subset(IDS, fc.record({ views: count, dwellMs: fc.integer({ min: 0, max: 120_000 }), maxRatio: fc.double({ min: 0, max: 1, noNaN: true }), last: time })),
    clicks: subset(IDS, fc.record({ count, last: time })),
    pages: subset(PATHS, fc.record({ views: count, dwellMs: fc.integer({ min: 0, max: 200_000 }), last: time })),
    events: subset(
      EVENTS,
      fc.array(time, { maxLength: 12 }).chain((recent) =>
        fc.record({ count: fc.integer({ min: recent.length, max: recent.length + 10 }), recent: fc.constant([...recent].sort((a, b) => a - b)), score: fc.double({ min: 0, max: 20, noNaN: true }) }),
      ),
    ),
    depth: fc.double({ min: 0, max: 1, noNaN: true }),
    velocity: fc.double({ min: 0, max: 3000, noNaN: true }),
    plan: fc.constantFrom('free', 'pro', undefined),
    visits: fc.integer({ min: 1, max: 9 }),
    device: fc.constantFrom('mobile', 'tablet', 'desktop'),
    page: fc.constantFrom(...PATHS, null),
  })
  .map((r): Profile => {
    const p = createProfile(NOW - 86_400_000)
    const traits: Record<string, string> = r.plan ? { plan: r.plan } : {}
    return {
      ...p,
      page: r.page,
      visitor: { ...p.visitor, visits: r.visits, traits },
      context: { ...p.context, device: r.device },
      sections: r.sections,
      clicks: r.clicks,
      pages: r.pages,
      events: Object.fromEntries(Object.entries(r.events).map(([k, e]) => [k, { ...e, last: e.recent[e.recent.length - 1] ?? NOW - 86_400_000 }])),
      scroll: { ...p.scroll, depth: r.depth, velocity: r.velocity },
    }
  })

const numberSignals = [
  'scroll.depth', 'scroll.velocity', 'visitor.visits', 'sections.hero.dwellMs', 'sections.pricing.views', 'sections.faq.maxRatio',
  'clicks.hero.count', 'clicks.faq.last', 'pages./product.dwellMs', 'pages./cart.views', 'events.purchase.count', 'events.signup.last',
  // Ids that every object inherits a property of: read as absent, never as the inherited one.
  'pages.constructor.views', 'clicks.hasOwnProperty.count',
]
const stringSignals = ['context.device', 'page', 'visitor.traits.plan', 'visitor.traits.toString']
const number = fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.double({ min: 0, max: 1, noNaN: true }))

const numericOp = fc.oneof(
  fc.record({ op: fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte'), value: number }),
  fc.tuple(number, number).map(([a, b]) => ({ op: 'between', value: [Math.min(a, b), Math.max(a, b)] })),
  fc.record({ op: fc.constantFrom('in', 'nin'), value: fc.array(number, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('exists'), value: fc.boolean() }),
)
const text = fc.constantFrom('mobile', 'desktop', '/product', '/', 'pro', 'free')
const stringOp = fc.oneof(
  fc.record({ op: fc.constantFrom('eq', 'ne'), value: fc.oneof(text, fc.constant(null)) }),
  fc.record({ op: fc.constantFrom('in', 'nin'), value: fc.array(text, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('exists'), value: fc.boolean() }),
  // Patterns with special characters, and without (compiled to a substring search).
  fc.record({ op: fc.constant('matches'), value: fc.constantFrom('^/p', 'o', '^(pro|desktop)$', 'x+', 'ro', 'desk', '/pro') }),
)
const countOp = fc.oneof(
  fc.record({ op: fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte'), value: fc.integer({ min: 0, max: 12 }) }),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([a, b]) => ({ op: 'between', value: [Math.min(a, b), Math.max(a, b)] })),
)

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.tuple(fc.constantFrom(...numberSignals), numericOp).map(([signal, { op, value }]) => ({ signal, [op]: value })),
  fc.tuple(fc.constantFrom(...stringSignals), stringOp).map(([signal, { op, value }]) => ({ signal, [op]: value })),
  fc.tuple(fc.constantFrom(...EVENTS), countOp, fc.constantFrom(undefined, '30m', '2h', '1d')).map(([event, { op, value }, within]) => ({ event, count: { [op]: value }, ...(within ? { within } : {}) })),
  fc.tuple(fc.constantFrom(...EVENTS), countOp).map(([event, { op, value }]) => ({ event, score: { [op]: value } })),
)

/** A condition tree; `refs` are segment ids it may refer to. */
export const conditionArbitrary = (refs: string[]): fc.Arbitrary<Json> =>
  fc.letrec<{ node: Json }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      refs.length ? fc.oneof(leaf, fc.constantFrom(...refs).map((segment) => ({ segment }))) : leaf,
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  })).node

/** A valid document of 1–5 segments; each may refer to the ones before it (no cycles). */
export const rulesArbitrary = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => fc.tuple(conditionArbitrary(Array.from({ length: i }, (_, j) => `s${j}`)), fc.integer({ min: 0, max: 3 })))).map((specs) => ({
    segments: specs.map(([when, priority], i) => ({ id: `s${i}`, priority, when })),
  })),
)
