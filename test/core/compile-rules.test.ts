import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRules } from '../../src/engine'
import { createProfile, type DeviceClass, type Profile } from '../../src/core'
import { NOW, profileArbitrary, rulesArbitrary } from '../support/arbitraries'
import { evaluate as reference } from '../support/reference'

const visitor = (views: number, device: DeviceClass = 'mobile'): Profile => {
  const p = createProfile(NOW)
  return { ...p, pages: { '/product': { views, dwellMs: 0, last: NOW } }, context: { ...p.context, device } }
}

describe('compileRules', () => {
  const doc = {
    segments: [
      { id: 'keen', priority: 2, when: { signal: 'pages./product.views', gt: 3 }, hold: '1h' },
      { id: 'mobile-keen', priority: 5, when: { all: [{ segment: 'keen' }, { signal: 'context.device', in: ['mobile', 'tablet'] }] } },
      { id: 'custom', when: { predicate: 'vip' } },
    ],
  }
  const rules = compileRules(doc, { predicates: { vip: (profile) => profile.visitor.visits > 2 } })

  it('gives the segments of each profile, highest priority first, with no hold between profiles', () => {
    expect(rules.errors).toEqual([])
    expect(rules.segments(visitor(5))).toEqual(['mobile-keen', 'keen'])
    // The one-hour hold of "keen" is an instance's: a batch looks at each profile afresh.
    expect(rules.segments(visitor(1))).toEqual([])
    expect(rules.segments(visitor(5, 'desktop'))).toEqual(['keen'])
    expect(rules.segments({ ...visitor(0), visitor: { ...visitor(0).visitor, visits: 3 } })).toEqual(['custom'])
  })

  it('answers one segment, references included, and false for an unknown one', () => {
    expect(rules.matches('mobile-keen', visitor(4))).toBe(true)
    expect(rules.matches('mobile-keen', visitor(3))).toBe(false)
    expect(rules.matches('keen', visitor(9, 'desktop'))).toBe(true)
    expect(rules.matches('nope', visitor(9))).toBe(false)
  })

  it('reports what is wrong and compiles the rest', () => {
    const partly = compileRules({ segments: [{ id: 'ok', when: { signal: 'scroll.depth', gte: 0.5 } }, { id: 'bad', when: { signal: 'scroll.deepness', gt: 1 } }] })
    expect(partly.errors).toHaveLength(1)
    expect(partly.errors[0]!.path).toBe('/segments/1/when/signal')
    const deep = createProfile(NOW)
    deep.scroll.depth = 0.8
    expect(partly.segments(deep)).toEqual(['ok'])
    expect(partly.matches('bad', deep)).toBe(false)
  })

  it('counts event windows at the time given, by default the profile’s last event', () => {
    const counted = compileRules({ segments: [{ id: 'recent', when: { event: 'signup', count: { gte: 1 }, within: '1h' } }] })
    const p = createProfile(NOW)
    p.events.signup = { count: 1, last: NOW, recent: [NOW], score: 1 }
    expect(counted.matches('recent', p)).toBe(true)
    expect(counted.matches('recent', p, NOW + 2 * 3_600_000)).toBe(false)
  })

  it('agrees with the reference interpreter on random rules and profiles, one segment or all at once', () => {
    fc.assert(
      fc.property(rulesArbitrary, profileArbitrary, fc.integer({ min: 0, max: 86_400_000 }), (doc, profile, later) => {
        const now = NOW + later
        const compiled = compileRules(doc, { halfLife: '1d' })
        const { segments } = doc
        const expected = segments.filter((s) => reference(s.when, profile, { now, halfLifeMs: 86_400_000, doc })).map((s) => s.id)
        for (const { id } of segments) expect(compiled.matches(id, profile, now)).toBe(expected.includes(id))
        expect([...compiled.segments(profile, now)].sort()).toEqual([...expected].sort())
      }),
      { numRuns: 500 },
    )
  })
})

// The fields compiled rules read by a load of their own name (the fields
// rules read most), the pages entry read apart, beside fields read by key:
// every one must read what the generic path (readPath) reads: a field
// present, missing or null, an entry missing, a group missing or not an object.
describe('compiled reads of named fields', () => {
  const named = [
    'pages./product.views', 'pages./product.dwellMs', 'pages./cart.last', 'sections.hero.views', 'sections.hero.maxRatio', 'hover.hero.count', 'hover.hero.dwellMs',
    'clicks.hero.count', 'context.device', 'context.referrer', 'context.hour', 'context.locale', 'context.utm.source', 'context.utm.medium', 'context.viewport.width',
    'scroll.depth', 'scroll.velocity', 'visitor.visits', 'visitor.firstSeen', 'idle.idle', 'idle.totalMs', 'page',
  ]
  const value = fc.oneof(fc.constantFrom(undefined, null, 0, 3, 'mobile', 'google', 'news', true, false), fc.integer({ min: -10, max: 200_000 }), fc.string({ maxLength: 6 }))
  // Entries as the store keeps them: every field there.
  const field = fc.oneof(fc.constantFrom(null, 0, 3, 'google', true), fc.integer({ min: -10, max: 200_000 }))
  const entry = fc.record({ views: field, dwellMs: field, last: field, count: field, maxRatio: field })
  const group = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant('text'), fc.dictionary(fc.constantFrom('source', 'medium', 'width', 'height'), value))
  const profile = fc
    .record({
      pages: fc.record({ '/product': entry, '/cart': entry }, { requiredKeys: [] }),
      sections: fc.record({ hero: entry }, { requiredKeys: [] }),
      hover: fc.record({ hero: entry }, { requiredKeys: [] }),
      clicks: fc.record({ hero: entry }, { requiredKeys: [] }),
      context: fc.record({ device: value, referrer: value, hour: value, locale: value, utm: group, viewport: group }, { requiredKeys: [] }),
      scroll: fc.record({ depth: value, velocity: value }, { requiredKeys: [] }),
      visitor: fc.record({ visits: value, firstSeen: value }, { requiredKeys: [] }),
      idle: fc.record({ idle: value, totalMs: value }, { requiredKeys: [] }),
      page: value,
    })
    .map((parts) => ({ ...createProfile(NOW), ...parts }) as unknown as Profile)
  const leaf = fc.tuple(
    fc.constantFrom(...named),
    fc.oneof(
      fc.record({ op: fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte'), value: fc.oneof(fc.integer({ min: -10, max: 200_000 }), fc.constantFrom('mobile', 'google', true)) }),
      fc.record({ op: fc.constantFrom('in', 'nin'), value: fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('mobile', 'news')), { minLength: 1, maxLength: 3 }) }),
      fc.record({ op: fc.constant('exists'), value: fc.boolean() }),
      fc.record({ op: fc.constant('matches'), value: fc.constantFrom('goo', 'news', '^m', 'e$') }),
    ),
  )
  it('agree with the reference interpreter, alone and within all and any', () => {
    fc.assert(
      fc.property(profile, fc.array(leaf, { minLength: 1, maxLength: 4 }), fc.constantFrom('one', 'all', 'any'), (p, leaves, shape) => {
        const conditions = leaves.map(([signal, { op, value }]) => ({ signal, [op]: value }))
        const segments = conditions.map((when, i) => ({ id: `s${i}`, when }))
        if (shape !== 'one') segments.push({ id: 'tree', when: { [shape]: conditions } as never })
        const doc = { segments }
        const compiled = compileRules(doc)
        // Only documents that validate: a matches pattern on a number signal is refused.
        fc.pre(compiled.errors.length === 0)
        for (const { id, when } of segments) expect(compiled.matches(id, p, NOW)).toBe(reference(when, p, { now: NOW, halfLifeMs: 86_400_000, doc }))
      }),
      { numRuns: 1000 },
    )
  })
})
