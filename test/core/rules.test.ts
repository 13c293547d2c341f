import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Profile } from '../../src/core'
import { validateRules, type Diagnostic } from '../../src/engine'
import { aggregate } from '../../src/core/aggregate'
import { DEFAULT_LIMITS } from '../../src/core/profile'
import { createSegmentEvaluator } from '../../src/engine/segments'
import { NOW, profileArbitrary, rulesArbitrary } from '../support/arbitraries'
import { evaluate } from '../support/reference'

const HALF_LIFE = 86_400_000
const evaluator = (doc: unknown) => {
  const result = validateRules(doc)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return createSegmentEvaluator(result.rules, { holdMs: 0, halfLifeMs: HALF_LIFE, predicates: {} })
}
const matches = (e: ReturnType<typeof evaluator>) => Object.fromEntries(e.statuses().map((s) => [s.id, s.matched]))
const reference = (doc: { segments: { id: string; when: never }[] }, profile: Profile, now: number) =>
  Object.fromEntries(doc.segments.map((s) => [s.id, evaluate(s.when, profile, { now, halfLifeMs: HALF_LIFE, doc })]))

function errorsOf(doc: unknown): Diagnostic[] {
  return validateRules(doc).errors
}

function at(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc)
}

describe('validateRules', () => {
  it('accepts a valid document and orders segments by priority, then document order', () => {
    const result = validateRules({
      segments: [
        { id: 'low', when: { signal: 'scroll.depth', gt: 0.5 } },
        { id: 'high', priority: 20, when: { event: 'add_to_cart', count: { gte: 1 }, within: '10m' } },
        { id: 'mid', priority: 5, description: 'notes for people', hold: '30s', when: { segment: 'low' } },
        { id: 'also-low', when: { signal: 'visitor.traits.plan', eq: 'pro' } },
      ],
    })
    expect(result.ok).toBe(true)
    expect(result.rules.segments.map((s) => s.id)).toEqual(['high', 'mid', 'low', 'also-low'])
    expect(result.rules.segments[1]!.hold).toBe(30_000)
  })

  it.each([
    [
      'an unknown operator, with a suggestion',
      { segments: [{ id: 'a', when: { signal: 'scroll.velocity', gtt: 50 } }] },
      '/segments/0/when/gtt',
      /unknown operator "gtt" \(did you mean "gt"\?\); expected one of eq, ne, gt/,
    ],
    ['a wrong value type', { segments: [{ id: 'a', when: { signal: 'scroll.velocity', gt: '50' } }] }, '/segments/0/when/gt', /^expected a number, got "50"$/],
    [
      'a comparison that does not suit the signal',
      { segments: [{ id: 'a', when: { signal: 'context.device', gt: 3 } }] },
      '/segments/0/when/gt',
      /"gt" compares numbers, and this signal holds a string/,
    ],
    [
      'an unknown signal path, with a suggestion',
      { segments: [{ id: 'a', when: { signal: 'scroll.velocty', lt: 50 } }] },
      '/segments/0/when/signal',
      /unknown signal "scroll.velocty": no "velocty" in scroll \(did you mean "velocity"\?\); expected depth, velocity/,
    ],
    [
      'an unknown field of a collection',
      { segments: [{ id: 'a', when: { signal: 'pages./product.dwell', gt: 1 } }] },
      '/segments/0/when/signal',
      /unknown field "dwell" of pages \(did you mean "dwellMs"\?\); expected views, dwellMs, last/,
    ],
    [
      'an invalid regular expression',
      { segments: [{ id: 'a', when: { signal: 'page', matches: '(unclosed' } }] },
      '/segments/0/when/matches',
      /invalid regular expression: .*unclosed|Unterminated group/,
    ],
    [
      'a window that does not parse',
      { segments: [{ id: 'a', when: { event: 'add_to_cart', count: { gte: 1 }, within: '10 minutes' } }] },
      '/segments/0/when/within',
      /expected a window such as "30s", "10m", "2h", "1d" or a number of ms, got "10 minutes"/,
    ],
    [
      'a deep path, as the issue describes',
      {
        segments: [
          { id: 'a', when: { signal: 'scroll.depth', gt: 0.5 } },
          { id: 'b', when: { signal: 'scroll.depth', gt: 0.5 } },
          { id: 'c', when: { all: [{ signal: 'scroll.depth', gt: 0.1 }, { signal: 'sections.hero.dwellMs', gt: 'long' }] } },
        ],
      },
      '/segments/2/when/all/1/gt',
      /expected a number, got "long"/,
    ],
    ['two operators at once', { segments: [{ id: 'a', when: { signal: 'scroll.depth', gt: 0.1, lt: 0.9 } }] }, '/segments/0/when', /one operator per condition, got gt and lt/],
    ['a reversed range', { segments: [{ id: 'a', when: { signal: 'scroll.depth', between: [0.9, 0.1] } }] }, '/segments/0/when/between', /\[low, high\]/],
    ['an unknown segment reference', { segments: [{ id: 'a', when: { segment: 'retuning' } }, { id: 'returning', when: { signal: 'visitor.visits', gt: 1 } }] }, '/segments/0/when/segment', /unknown segment "retuning" \(did you mean "returning"\?\)/],
    ['a duplicate id', { segments: [{ id: 'a', when: { signal: 'page', exists: true } }, { id: 'a', when: { signal: 'page', exists: true } }] }, '/segments/1/id', /duplicate id "a": segment 0 has it too/],
    ['a bad id', { segments: [{ id: 'has space', when: { signal: 'page', exists: true } }] }, '/segments/0/id', /expected an id of letters/],
    ['a missing condition', { segments: [{ id: 'a' }] }, '/segments/0/when', /missing/],
    ['an unknown key in a segment', { segments: [{ id: 'a', wen: {}, when: { signal: 'page', exists: true } }] }, '/segments/0/wen', /unknown key "wen" \(did you mean "when"\?\)/],
    ['an empty combinator', { segments: [{ id: 'a', when: { all: [] } }] }, '/segments/0/when/all', /expected a non-empty array of conditions/],
    ['an event test without count or score', { segments: [{ id: 'a', when: { event: 'x', count: 3 } }] }, '/segments/0/when/count', /expected a comparison such as \{ "gte": 1 \}, got 3/],
    ['an unknown predicate', { segments: [{ id: 'a', when: { predicate: 'isWeekend' } }] }, '/segments/0/when/predicate', /unknown predicate "isWeekend"; registered: none/],
    ['a model class that does not exist', {
      models: { style: { type: 'centroid', features: ['scroll.velocity'], centroids: { reader: [40], skimmer: [900] } } },
      segments: [{ id: 'a', when: { model: 'style', is: 'browser' } }],
    }, '/segments/0/when/is', /one of the model's classes: reader, skimmer/],
    ['a path segment with a slash, escaped in the pointer', { segments: [{ id: 'a', when: { signal: 'pages./cart.views', gt: 'x' } }], models: { 'a/b': { type: 'nope' } } }, '/models/a~1b', /"type": "centroid" or "logistic"/],
  ])('reports %s with its JSON path', (_, doc, path, message) => {
    const errors = validateRules(doc, { predicates: [] }).errors
    const error = errors.find((e) => e.path === path)
    expect(error, JSON.stringify(errors)).toBeDefined()
    expect(error!.message).toMatch(message)
  })

  it('reports a cycle between segment references at each reference on the loop', () => {
    const result = validateRules({
      segments: [
        { id: 'a', when: { segment: 'b' } },
        { id: 'b', when: { any: [{ signal: 'page', exists: true }, { segment: 'c' }] } },
        { id: 'c', when: { not: { segment: 'a' } } },
        { id: 'fine', when: { signal: 'scroll.depth', gt: 0.2 } },
      ],
    })
    expect(result.ok).toBe(false)
    expect(result.errors.some((e) => /circle: .*a → b → c → a|b → c → a → b|c → a → b → c/.test(e.message))).toBe(true)
    expect(result.rules.segments.map((s) => s.id)).toEqual(['fine'])
  })

  it('keeps the good segments when one is bad, and leaves out those that refer to it', () => {
    const result = validateRules({
      segments: [
        { id: 'good', when: { signal: 'scroll.depth', gt: 0.5 } },
        { id: 'bad', when: { signal: 'scroll.depth', gt: 'half' } },
        { id: 'needs-bad', when: { segment: 'bad' } },
        { id: 'also-good', when: { segment: 'good' } },
      ],
    })
    expect(result.rules.segments.map((s) => s.id).sort()).toEqual(['also-good', 'good'])
    expect(result.errors).toContainEqual({ path: '/segments/2/when/segment', message: 'refers to segment "bad", which has errors' })
  })

  it('never throws on any JSON value, and every error names a path that leads into the document', () => {
    const check = (doc: unknown) => {
      const errors = errorsOf(doc)
      for (const error of errors) {
        expect(error.message.length).toBeGreaterThan(5)
        expect(error.path).toMatch(/^(\/[^/]*)*$/)
        // The path, or its parent for a missing key, exists in the document.
        const parent = error.path.split('/').slice(0, -1).join('/')
        expect(at(doc, error.path) !== undefined || error.path === '' || at(doc, parent) !== undefined).toBe(true)
      }
    }
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: 500 })
    fc.assert(fc.property(fc.record({ segments: fc.array(fc.record({ id: fc.jsonValue(), when: fc.jsonValue() }, { requiredKeys: [] })) }), check), { numRuns: 300 })
    // Valid documents with one subtree replaced by arbitrary JSON: the interesting near misses.
    fc.assert(
      fc.property(rulesArbitrary, fc.jsonValue(), fc.nat(), (doc, junk, pick) => {
        const nodes: { parent: Record<string, unknown>; key: string }[] = []
        const walk = (node: unknown) => {
          if (node === null || typeof node !== 'object') return
          for (const [key, value] of Object.entries(node)) {
            nodes.push({ parent: node as Record<string, unknown>, key })
            walk(value)
          }
        }
        walk(doc)
        const target = nodes[pick % nodes.length]!
        target.parent[target.key] = junk
        check(doc)
      }),
      { numRuns: 500 },
    )
    // Nesting far too deep is an error, not a stack overflow.
    let deep: unknown = { signal: 'page', exists: true }
    for (let i = 0; i < 10_000; i++) deep = { not: deep }
    expect(errorsOf({ segments: [{ id: 'deep', when: deep }] })[0]!.message).toMatch(/nested more than 32 deep/)
  })
})

describe('compiled rules', () => {
  it('agree with a plain reference interpreter on random rules and profiles', () => {
    fc.assert(
      fc.property(rulesArbitrary, profileArbitrary, fc.integer({ min: 0, max: 86_400_000 }), (doc, profile, later) => {
        const now = NOW + later
        const e = evaluator(doc)
        e.update(profile, null, now)
        expect(matches(e)).toEqual(reference(doc as never, profile, now))
      }),
      { numRuns: 1000 },
    )
  })

  it('evaluated incrementally, agree with a full evaluation after any batch of events', () => {
    const config = { limits: DEFAULT_LIMITS, halfLifeMs: HALF_LIFE, sessionTimeoutMs: 30 * 60_000 }
    const event = fc.oneof(
      fc.record({ type: fc.constant('click' as const), id: fc.constantFrom('hero', 'faq') }),
      fc.record({ type: fc.constant('track' as const), name: fc.constantFrom('add_to_cart', 'purchase') }),
      fc.record({ type: fc.constant('dwell' as const), id: fc.constantFrom('hero', 'pricing'), ms: fc.integer({ min: 1, max: 90_000 }) }),
      fc.record({ type: fc.constant('scroll' as const), y: fc.integer({ min: 0, max: 5000 }), depth: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ type: fc.constant('pageview' as const), path: fc.constantFrom('/', '/product') }),
    )
    fc.assert(
      fc.property(rulesArbitrary, profileArbitrary, fc.array(event, { maxLength: 6 }), fc.integer({ min: 0, max: 3_600_000 }), (doc, profile, events, later) => {
        const e = evaluator(doc)
        e.update(profile, null, NOW)
        const now = NOW + later
        const next = aggregate(profile, events, events.map(() => now), config)
        e.update(next, profile, now)
        expect(matches(e)).toEqual(reference(doc as never, next, now))
      }),
      { numRuns: 500 },
    )
  })
})
