import { describe, expect, it } from 'vitest'
import { validateRules } from '../../src/engine'

// #11 made validateRules build a problem's JSON pointer only when the problem
// is reported, resolve each signal path once, and walk references without a
// stack per segment. What it reports must not change: every message, its
// path (escaped as RFC 6901 says) and their order, as before those changes.
describe('validateRules reports the same problems, at the same paths, in the same order', () => {
  it('for a document with every kind of reference problem', () => {
    const doc = {
      segments: [
        { id: 'a', when: { all: [{ signal: 'scroll.depth', gt: 0.5 }, { segment: 'b' }] } },
        { id: 'b', when: { any: [{ not: { segment: 'c' } }, { event: 'add_to_cart', count: { gte: 1 }, within: '10m' }] } },
        { id: 'c', when: { segment: 'brokn' } },
        { id: 'a', when: { signal: 'pages./product.views', gte: 2 } },
        { id: 'd', when: { segment: 'e' } },
        { id: 'e', when: { segment: 'd' } },
        { id: 'f/~', when: { signal: 'scroll.depth', gt: 'x' } },
        { id: 'broken', when: { event: 'x', count: { gte: 'one' } } },
        { id: 'ok', priority: 2, when: { signal: 'scroll.depth', matches: '^a' } },
        { id: 'esc', when: { all: [{ signal: 'scroll.depth', 'g/t~': 1 }], 'x/y': true } },
        { id: 'fine', when: { all: [{ signal: 'scroll.depth', gt: 0.5 }, { segment: 'ok2' }] } },
        { id: 'ok2', priority: 1, when: { signal: 'visitor.visits', gte: 2 } },
      ],
    }
    const { errors, rules } = validateRules(doc)
    expect(errors).toEqual([
      { path: '/segments/2/when/segment', message: 'unknown segment "brokn" (did you mean "broken"?)' },
      { path: '/segments/3/id', message: 'duplicate id "a": segment 0 has it too' },
      { path: '/segments/6/id', message: 'expected an id of letters, digits, "-" and "_", got "f/~"' },
      { path: '/segments/7/when/count/gte', message: 'expected a number, got "one"' },
      { path: '/segments/8/when/matches', message: '"matches" tests text, and this signal holds a number' },
      { path: '/segments/9/when/x~1y', message: 'unknown key "x/y"; expected all' },
      {
        path: '/segments/9/when/all/0/g~1t~0',
        message: 'unknown operator "g/t~" (did you mean "gt"?); expected one of eq, ne, gt, gte, lt, lte, in, nin, between, exists, matches',
      },
      { path: '/segments/5/when/segment', message: 'segments refer to each other in a circle: d → e → d' },
      { path: '/segments/1/when/any/0/not/segment', message: 'refers to segment "c", which has errors' },
      { path: '/segments/0/when/all/1/segment', message: 'refers to segment "b", which has errors' },
    ])
    expect(rules.segments.map((segment) => segment.id)).toEqual(['ok2', 'fine'])
    // The rule trees keep the pointer of each condition (explain() traces name it).
    const fine = rules.segments[1]!.when
    expect(fine.kind === 'all' && fine.nodes.map((node) => node.at)).toEqual(['/segments/10/when/all/0', '/segments/10/when/all/1'])
  })

  it('for "refers to a broken segment" spreading back along a chain, one message per segment', () => {
    const segments = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `chain-${i}`, when: { any: [{ signal: 'scroll.depth', gt: 0.5 }, { segment: `chain-${i + 1}` }] } })),
      { id: 'chain-5', when: { segment: 'nowhere' } },
    ]
    const { errors } = validateRules({ segments })
    expect(errors).toEqual([
      { path: '/segments/5/when/segment', message: 'unknown segment "nowhere"' },
      ...[4, 3, 2, 1, 0].map((i) => ({ path: `/segments/${i}/when/any/1/segment`, message: `refers to segment "chain-${i + 1}", which has errors` })),
    ])
  })
})
