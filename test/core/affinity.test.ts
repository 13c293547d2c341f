import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { belongsTo, categoryAffinities, categoryAffinity, CLICK_POINTS, DWELL_MS_PER_POINT, orderByAffinity } from '../../src/engine/affinity'
import { createProfile, EMPTY_PROFILE, type Profile } from '../../src/core'
import { NOW, profileArbitrary } from '../support/arbitraries'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const at = { now: NOW, halfLife: DAY }

/** The profile's ids are hero, pricing, faq (see arbitraries); the others never match anything. */
const CATEGORIES = ['hero', 'pricing', 'faq', 'shoes', 'hats', 'hero:deep', '']

interface Item {
  id: string
  category: string
}

const itemsArbitrary: fc.Arbitrary<Item[]> = fc
  .array(fc.constantFrom(...CATEGORIES), { maxLength: 12 })
  .map((categories) => categories.map((category, index) => ({ id: `item-${index}`, category })))

/** Profiles from the shared arbitrary, plus entries keyed `category:…` in every collection that counts. */
const behaviorArbitrary: fc.Arbitrary<Profile> = fc
  .tuple(
    profileArbitrary,
    fc.dictionary(fc.constantFrom('shoes:1', 'shoes:2', 'hats', 'hero:deep:x', 'shoesies'), fc.record({ count: fc.integer({ min: 0, max: 9 }), dwellMs: fc.integer({ min: 0, max: 90_000 }), last: fc.integer({ min: NOW - 3 * DAY, max: NOW }) })),
  )
  .map(([profile, extra]) => ({
    ...profile,
    sections: { ...profile.sections, ...Object.fromEntries(Object.entries(extra).map(([k, e]) => [k, { views: 1, dwellMs: e.dwellMs, maxRatio: 1, last: e.last }])) },
    hover: Object.fromEntries(Object.entries(extra).map(([k, e]) => [k, { count: e.count, dwellMs: e.dwellMs, last: e.last }])),
    clicks: { ...profile.clicks, ...Object.fromEntries(Object.entries(extra).map(([k, e]) => [k, { count: e.count, last: e.last }])) },
  }))

const ids = (items: readonly Item[]) => items.map((item) => item.id)

describe('orderByAffinity', () => {
  it('returns a permutation of its input, and leaves the input alone', () => {
    fc.assert(
      fc.property(itemsArbitrary, behaviorArbitrary, (items, profile) => {
        const before = ids(items)
        const ordered = orderByAffinity(items, profile, at)
        expect(ids(items)).toEqual(before)
        expect([...ids(ordered)].sort()).toEqual([...before].sort())
        // The very same objects, not copies.
        for (const item of ordered) expect(items).toContain(item)
      }),
    )
  })

  it('puts higher affinity first, and keeps the given order among equals (stable)', () => {
    fc.assert(
      fc.property(itemsArbitrary, behaviorArbitrary, (items, profile) => {
        const affinity = categoryAffinities(profile, CATEGORIES, at)
        const ordered = orderByAffinity(items, profile, at)
        for (let i = 1; i < ordered.length; i++) {
          const a = affinity.get(ordered[i - 1]!.category)!
          const b = affinity.get(ordered[i]!.category)!
          expect(a).toBeGreaterThanOrEqual(b)
          if (a === b) expect(items.indexOf(ordered[i - 1]!)).toBeLessThan(items.indexOf(ordered[i]!))
        }
      }),
    )
  })

  it('keeps the given order when there is no behavior', () => {
    fc.assert(
      fc.property(itemsArbitrary, (items) => {
        expect(orderByAffinity(items, EMPTY_PROFILE, at)).toEqual(items)
        expect(orderByAffinity(items, createProfile(NOW), at)).toEqual(items)
      }),
    )
  })

  it('is idempotent: ordering an ordered list changes nothing', () => {
    fc.assert(
      fc.property(itemsArbitrary, behaviorArbitrary, (items, profile) => {
        const once = orderByAffinity(items, profile, at)
        expect(orderByAffinity(once, profile, at)).toEqual(once)
      }),
    )
  })

  it('moves the category the visitor dwelt on and clicked to the front', () => {
    const profile: Profile = {
      ...createProfile(NOW),
      sections: { 'hats:banner': { views: 1, dwellMs: 30_000, maxRatio: 1, last: NOW } },
      clicks: { 'shoes:running-42': { count: 1, last: NOW } },
    }
    const items = [
      { id: 'a', category: 'bags' },
      { id: 'b', category: 'shoes' },
      { id: 'c', category: 'hats' },
      { id: 'd', category: 'shoes' },
    ]
    // hats: 30 s of dwell = 3 points; shoes: one click = 1 point; bags: nothing.
    expect(ids(orderByAffinity(items, profile, at))).toEqual(['c', 'b', 'd', 'a'])
  })
})

describe('categoryAffinity', () => {
  it('counts dwell, hover, clicks and event scores by the documented weights', () => {
    const profile: Profile = {
      ...createProfile(NOW),
      sections: { shoes: { views: 1, dwellMs: 2 * DWELL_MS_PER_POINT, maxRatio: 1, last: NOW } },
      hover: { 'shoes:card': { count: 1, dwellMs: DWELL_MS_PER_POINT, last: NOW } },
      clicks: { 'shoes:buy': { count: 3, last: NOW } },
      events: { 'shoes:add_to_cart': { count: 2, last: NOW, recent: [NOW, NOW], score: 1.5 } },
    }
    expect(categoryAffinity(profile, 'shoes', at)).toBeCloseTo(2 + 1 + 3 * CLICK_POINTS + 1.5)
    expect(categoryAffinity(profile, 'hats', at)).toBe(0)
  })

  it('halves with every half-life since the entry last changed', () => {
    const clickedAgo = (ms: number): Profile => ({ ...createProfile(NOW), clicks: { shoes: { count: 4, last: NOW - ms } } })
    expect(categoryAffinity(clickedAgo(0), 'shoes', at)).toBe(4)
    expect(categoryAffinity(clickedAgo(DAY), 'shoes', at)).toBeCloseTo(2)
    expect(categoryAffinity(clickedAgo(3 * DAY), 'shoes', at)).toBeCloseTo(0.5)
    // So a recent click outweighs more, older ones.
    const profile: Profile = { ...createProfile(NOW), clicks: { 'old:x': { count: 3, last: NOW - 2 * DAY }, 'new:x': { count: 1, last: NOW - HOUR } } }
    expect(ids(orderByAffinity([{ id: 'o', category: 'old' }, { id: 'n', category: 'new' }], profile, at))).toEqual(['n', 'o'])
  })

  it('takes the half-life as a Duration: one day by default, without decay when it is not one above 0', () => {
    const profile: Profile = { ...createProfile(NOW), clicks: { shoes: { count: 1, last: NOW - DAY } } }
    expect(categoryAffinity(profile, 'shoes', { now: NOW })).toBeCloseTo(0.5, 10)
    expect(categoryAffinity(profile, 'shoes', { now: NOW, halfLife: '12h' })).toBeCloseTo(0.25, 10)
    expect(categoryAffinity(profile, 'shoes', { now: NOW, halfLife: 2 * DAY })).toBeCloseTo(2 ** -0.5, 10)
    for (const bad of ['soon', 0, -1]) expect(categoryAffinity(profile, 'shoes', { now: NOW, halfLife: bad })).toBe(1)
  })

  it('is never negative or NaN, whatever the profile and half-life', () => {
    fc.assert(
      fc.property(behaviorArbitrary, fc.constantFrom<number | string>(DAY, 1, 0, -5, NaN, Infinity, '12h', '0s', 'soon', ''), fc.constantFrom(...CATEGORIES), (profile, halfLife, category) => {
        const value = categoryAffinity(profile, category, { now: NOW, halfLife })
        expect(value).toBeGreaterThanOrEqual(0)
        expect(Number.isNaN(value)).toBe(false)
      }),
    )
  })

  it('ignores malformed entries instead of failing', () => {
    const profile = { ...createProfile(NOW), clicks: { shoes: { count: 'many', last: NOW }, 'shoes:x': null }, events: 'broken' } as unknown as Profile
    expect(categoryAffinity(profile, 'shoes', at)).toBe(0)
  })
})

describe('belongsTo', () => {
  it('matches the category and its colon-separated children only', () => {
    expect(belongsTo('shoes', 'shoes')).toBe(true)
    expect(belongsTo('shoes:running', 'shoes')).toBe(true)
    expect(belongsTo('shoes:running:42', 'shoes:running')).toBe(true)
    expect(belongsTo('shoesies', 'shoes')).toBe(false)
    expect(belongsTo('shoes:', 'shoes')).toBe(false)
    expect(belongsTo('hats:shoes', 'shoes')).toBe(false)
    expect(belongsTo('shoes', 'shoes:running')).toBe(false)
    expect(belongsTo(':x', '')).toBe(false)
  })
})
