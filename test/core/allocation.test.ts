import { PerformanceObserver } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { createProfile, type Profile } from '../../src/core'
import { validateRules } from '../../src/engine'
import { compileRule, type EvalContext, type Predicate } from '../../src/engine/rules/compile'
import { readPath } from '../../src/engine/rules/signals'

const N = 3_000_000
const now = Date.UTC(2026, 0, 15, 12)

/** Counts the garbage collections while `work` runs. */
async function collectionsDuring(work: () => void): Promise<number> {
  let count = 0
  const observer = new PerformanceObserver((list) => (count += list.getEntries().length))
  observer.observe({ entryTypes: ['gc'] })
  work()
  await new Promise((resolve) => setTimeout(resolve, 50)) // GC entries arrive asynchronously
  observer.disconnect()
  return count
}

function profile(): Profile {
  const base = createProfile(now)
  return {
    ...base,
    page: '/product',
    pages: { '/product': { views: 2, dwellMs: 75_000, last: now } },
    sections: { hero: { views: 1, dwellMs: 4000, maxRatio: 0.9, last: now } },
    scroll: { ...base.scroll, depth: 0.7, velocity: 35.5 },
    events: { add_to_cart: { count: 3, last: now - 1000, recent: [now - 900_000, now - 60_000, now - 1000], score: 2.4 } },
    visitor: { ...base.visitor, traits: { plan: 'pro' } },
  }
}

function compile(when: unknown): Predicate {
  const { rules, errors } = validateRules({ segments: [{ id: 'x', when }] })
  expect(errors).toEqual([])
  return compileRule(rules.segments[0]!.when).test
}

const context: EvalContext = { now, halfLifeMs: 86_400_000, trace: null, segment: () => false, predicate: () => false, model: () => 0 }

/** The fewest collections over two runs of N evaluations: a collection the test runner caused in one run does not count. */
async function gcsOf(test: Predicate, p: Profile): Promise<number> {
  for (let i = 0; i < 200_000; i++) test(p, context) // warm up: let the JIT compile it first
  const runs: number[] = []
  for (let run = 0; run < 2; run++) {
    let matched = 0
    runs.push(
      await collectionsDuring(() => {
        for (let i = 0; i < N; i++) if (test(p, context)) matched++
      }),
    )
    expect(matched).toBe(N)
  }
  return Math.min(...runs)
}

describe('compiled rules', () => {
  it('allocate nothing: millions of evaluations of a rule over counts, times, text and windows run without a garbage collection', async () => {
    const test = compile({
      all: [
        { signal: 'pages./product.dwellMs', gt: 60000 },
        { signal: 'pages./product.last', gte: now - 1000 },
        { signal: 'visitor.traits.plan', in: ['pro', 'team'] },
        { signal: 'page', matches: '^/prod' },
        { signal: 'sections.hero.maxRatio', exists: true },
        { event: 'add_to_cart', count: { gte: 1 }, within: '10m' },
        { event: 'add_to_cart', count: { between: [1, 5] } },
        { not: { signal: 'clicks.buy.count', gte: 1 } },
        { any: [{ signal: 'context.device', eq: 'desktop' }, { signal: 'visitor.visits', gte: 1 }] },
      ],
    })
    // The smallest allocation V8 makes is 16 bytes: 48 MB over a run, the
    // young generation filled a few times. Compared with a loop that does
    // nothing, to leave out collections the test runner itself causes.
    const idle = await gcsOf(() => true, profile())
    expect(await gcsOf(test, profile())).toBeLessThanOrEqual(idle + 1)
  }, 60_000)

  it('allocate nothing beyond what reading fractional numbers from the profile costs in V8', async () => {
    // V8 boxes a fractional number read through a generic property load (a
    // 16-byte HeapNumber). A rule comparing fractions may cost that, and must
    // cost nothing more: compare with reading the same values alone.
    const p = profile()
    const test = compile({ all: [{ signal: 'scroll.velocity', lt: 50 }, { signal: 'scroll.depth', between: [0.5, 1] }, { signal: 'sections.hero.maxRatio', gt: 0.5 }] })
    const paths = [['scroll', 'velocity'], ['scroll', 'depth'], ['sections', 'hero', 'maxRatio']]
    const reading: Predicate = (profile) => {
      let sum = 0
      for (let i = 0; i < paths.length; i++) sum += readPath(profile, paths[i]!) as number
      return sum > 0
    }
    const baseline = await gcsOf(reading, p)
    const rule = await gcsOf(test, p)
    expect(rule).toBeLessThanOrEqual(baseline * 1.5 + 2)
  }, 60_000)
})
