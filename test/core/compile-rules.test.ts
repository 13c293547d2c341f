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
