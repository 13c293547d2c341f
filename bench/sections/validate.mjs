// validateRules (public, attune/engine) on a generated document with N
// references to unknown segments, the "did you mean" search's worst case:
// N = 500, 1,500 and 4,000. It must be linear: ms per reference the same
// at every N (the ratio per-ref(4000) / per-ref(500)), and 4,000 in under
// 100 ms. Sizes are interleaved round by round, so the ratio pairs runs
// taken under the same load.
import { validateRules } from 'attune/engine'
import { keep, median, progress, report, round2, table } from '../lib/measure.mjs'

const QUICK = process.env.BENCH_QUICK === '1'
const SIZES = [500, 1500, 4000]
const ROUNDS = QUICK ? 3 : 9
/** Segments chain their references in groups this long (below the 32-deep limit). */
const CHAIN = 10

/**
 * A generated document, as a tool that writes rules would make it: N
 * segments that each refer to a segment that does not exist (a typo of a
 * known id, say, `segment-12` for `segment-12a`), and N that chain
 * references to each other in groups of ten, the last of each group
 * referring to one of the broken segments, so that "refers to a broken
 * segment" spreads back along every chain. Ids of both kinds repeat once
 * in a hundred, so the duplicate-id check has work too.
 */
function documentWith(n) {
  const segments = []
  for (let i = 0; i < n; i++) {
    segments.push({
      id: `segment-${i}a`,
      priority: i % 7,
      when: { all: [{ signal: 'scroll.depth', gt: 0.5 }, { segment: `segment-${i}` }, { event: 'add_to_cart', count: { gte: 1 }, within: '10m' }] },
    })
  }
  for (let i = 0; i < n; i++) {
    const last = i % CHAIN === CHAIN - 1
    segments.push({
      id: i % 100 === 99 ? `chain-${i - 1}` : `chain-${i}`,
      when: { any: [{ signal: 'pages./product.views', gte: 2 }, { segment: last ? `segment-${i}a` : `chain-${i + 1}` }] },
    })
  }
  return { segments }
}

const documents = Object.fromEntries(SIZES.map((n) => [n, documentWith(n)]))
const check = validateRules(documents[500])
const unknown = check.errors.filter((error) => error.message.startsWith('unknown segment')).length
const suggestions = check.errors.filter((error) => error.message.includes('did you mean')).length
progress(`validate: N = ${SIZES.join(', ')}; at 500, ${check.errors.length} errors (${unknown} unknown segments, ${suggestions} with "did you mean")`)

const times = Object.fromEntries(SIZES.map((n) => [n, []]))
for (let round = -1; round < ROUNDS; round++) {
  for (let k = 0; k < SIZES.length; k++) {
    const n = SIZES[(k + round + 1) % SIZES.length]
    const start = process.hrtime.bigint()
    keep(validateRules(documents[n]).errors.length)
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    // Round -1 warms up.
    if (round >= 0) times[n].push(ms)
  }
}

const figures = {}
for (const n of SIZES) figures[n] = { ms: round2(median(times[n])), msPerReference: Math.round((median(times[n]) / n) * 10000) / 10000 }
// Paired: each round's per-reference cost at 4,000 over its cost at 500.
const ratio = round2(median(times[4000].map((t, i) => t / 4000 / (times[500][i] / 500))))
table(
  'validateRules: N references to unknown segments (and N chained segments)',
  ['N', 'ms', 'ms per reference'],
  SIZES.map((n) => [n.toLocaleString('en'), figures[n].ms, figures[n].msPerReference]),
)
console.log(`  per-reference cost at 4,000 ÷ at 500: ${ratio}× (paired, median of ${ROUNDS} rounds)`)

report({
  quick: QUICK,
  sizes: figures,
  targets: [
    { measure: 'validateRules per reference, 4,000 ÷ 500 (linear)', value: ratio, target: '≤ 1.5', met: ratio <= 1.5, ratio, ciLimit: 4 },
    { measure: 'validateRules with 4,000 unknown references, ms', value: figures[4000].ms, target: '< 100 ms', met: figures[4000].ms < 100 },
  ],
})
