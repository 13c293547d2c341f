// Bucketing: ns per assignment of Attune's assignArm and murmur3 (public,
// attune/engine) beside GrowthBook's and Optimizely's ways of bucketing a
// visitor, interleaved, with paired ratios; and each engine's split of
// 1,000,000 visitor ids into a 50/50 and a 4-arm experiment (chi-square
// and its p-value: a uniform hash gives p spread over (0, 1), not ≈ 0).
//
// GrowthBook: its hash is not a public export (dist/index.d.ts exports no
// hash, getBucketRanges or chooseVariation), so it is measured through its
// public server path, GrowthBookClient.runInlineExperiment with the
// visitor's attributes, hash version 2 (its unbiased one). Optimizely: the
// SDK's bucketer, as its documentation describes it: MurmurHash3 (the
// `murmurhash` package's v3) of bucketing id + experiment id with seed 1,
// scaled to 0–9999, into traffic ranges.
import { GrowthBookClient } from '@growthbook/growthbook'
import murmurhash from 'murmurhash'
import { assignArm, murmur3 } from 'attune/engine'
import { interleave, keep, progress, report, round2, table } from '../lib/measure.mjs'
import { seeded } from '../lib/random.mjs'

const QUICK = process.env.BENCH_QUICK === '1'
const VISITORS = QUICK ? 100_000 : 1_000_000
const SLICE = QUICK ? 2_000 : 20_000
const ROUNDS = QUICK ? 7 : 21

/** Visitor ids as apps make them: random UUIDs (seeded, so every run measures the same ones). */
function uuids(count) {
  const random = seeded(7)
  const hex = () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')
  return Array.from({ length: count }, () => {
    const a = hex() + hex() + hex() + hex()
    return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-8${a.slice(17, 20)}-${a.slice(20, 32)}`
  })
}

const SPLITS = {
  '50/50': { control: 50, bold: 50 },
  '4 arms': { a: 25, b: 25, c: 25, d: 25 },
}

const growthbook = new GrowthBookClient({})
const gbExperiments = Object.fromEntries(
  Object.entries(SPLITS).map(([name, arms]) => [name, { key: `exp-${name}`, variations: Object.keys(arms), weights: Object.values(arms).map((w) => w / 100), hashVersion: 2 }]),
)
/** GrowthBook's public path: the variation index the visitor gets. */
const gbAssign = (split, id) => growthbook.runInlineExperiment(gbExperiments[split], { attributes: { id } }).variationId

/** Optimizely's traffic allocation: end of each arm's range on 0–10000. */
const ranges = Object.fromEntries(Object.entries(SPLITS).map(([name, arms]) => {
  let end = 0
  return [name, Object.values(arms).map((w) => (end += w * 100))]
}))
const MAX_TRAFFIC = 10_000
/** Optimizely's bucketer: murmurhash v3, seed 1, of bucketing id + experiment id. */
const optimizelyAssign = (split, id) => {
  const bucket = Math.floor((murmurhash.v3(id + `exp-${split}`, 1) / 2 ** 32) * MAX_TRAFFIC)
  const ends = ranges[split]
  for (let i = 0; i < ends.length; i++) if (bucket < ends[i]) return i
  return -1
}
const attuneArms = Object.fromEntries(Object.entries(SPLITS).map(([name, arms]) => [name, Object.keys(arms)]))
const attuneAssign = (split, id) => attuneArms[split].indexOf(assignArm(`exp-${split}`, SPLITS[split], id))

const ids = uuids(VISITORS)

// -- Speed: one slice of ids per engine per round, interleaved --------------
progress(`bucketing: timing ${ROUNDS} interleaved rounds of ${SLICE} assignments`)
let offset = 0
const slice = () => {
  const from = offset
  return [from, from + SLICE]
}
const over = (run) => () => {
  const [from, to] = slice()
  let sum = 0
  for (let i = from; i < to; i++) sum += run(ids[i])
  keep(sum)
}
// Every engine in a round sees the same ids; the round moves on to fresh ones.
const nextRound = () => {
  offset = (offset + SLICE) % (ids.length - SLICE)
}
const rotate = (engines) => {
  let calls = 0
  const count = Object.keys(engines).length
  return Object.fromEntries(
    Object.entries(engines).map(([name, run]) => [
      name,
      () => {
        run()
        if (++calls % count === 0) nextRound()
      },
    ]),
  )
}
const assignment = interleave({
  engines: rotate({
    'Attune assignArm': over((id) => attuneAssign('50/50', id)),
    'GrowthBook runInlineExperiment': over((id) => gbAssign('50/50', id)),
    'Optimizely bucketer (murmurhash v3)': over((id) => optimizelyAssign('50/50', id)),
  }),
  baseline: 'Attune assignArm',
  rounds: ROUNDS,
  ops: SLICE,
})
offset = 0
const hashes = interleave({
  engines: rotate({
    'Attune murmur3': over((id) => murmur3(`cta-copy:control:${id}`)),
    'murmurhash v3 (Optimizely)': over((id) => murmurhash.v3(`cta-copy:control:${id}`, 1)),
  }),
  baseline: 'Attune murmur3',
  rounds: ROUNDS,
  ops: SLICE,
})
// The ratio peer / Attune, inverted: how long Attune takes against the peer.
const against = (row) => (row.ratio ? round2(1 / row.ratio) : 1)
table(
  'Bucketing: ns per assignment, 50/50 experiment (interleaved; Attune ÷ peer, paired)',
  ['engine', 'ns/op', 'Attune ÷ engine'],
  [...Object.entries(assignment), ...Object.entries(hashes)].map(([name, row]) => [name, row.nsPerOp, name.startsWith('Attune') ? '' : `${against(row)}×`]),
)

// -- Uniformity: the split of every id ---------------------------------------
/** Chi-square survival function for 1 and 3 degrees of freedom (closed forms for odd df). */
function erfc(x) {
  // Abramowitz and Stegun 7.1.26 (error below 1.5e-7).
  const t = 1 / (1 + 0.3275911 * x)
  return t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x)
}
const pValue = (chi2, df) => (df === 1 ? erfc(Math.sqrt(chi2 / 2)) : erfc(Math.sqrt(chi2 / 2)) + Math.sqrt((2 * chi2) / Math.PI) * Math.exp(-chi2 / 2))

progress(`bucketing: splitting ${VISITORS.toLocaleString('en')} visitor ids per engine`)
const uniformity = {}
const rows = []
for (const [split, arms] of Object.entries(SPLITS)) {
  const k = Object.keys(arms).length
  for (const [engine, assign] of [
    ['Attune', attuneAssign],
    ['GrowthBook', gbAssign],
    ['Optimizely', optimizelyAssign],
  ]) {
    const counts = new Array(k).fill(0)
    for (const id of ids) counts[assign(split, id)]++
    const expected = VISITORS / k
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0)
    const maxDeviation = Math.max(...counts.map((c) => Math.abs(c - expected) / expected))
    const p = pValue(chi2, k - 1)
    uniformity[`${engine} ${split}`] = { counts, chi2: round2(chi2), p: Math.round(p * 1000) / 1000, maxDeviationPercent: Math.round(maxDeviation * 10000) / 100 }
    rows.push([`${engine}, ${split}`, counts.join(' / '), round2(chi2), uniformity[`${engine} ${split}`].p, `${uniformity[`${engine} ${split}`].maxDeviationPercent}%`])
  }
}
table(`Uniformity: ${VISITORS.toLocaleString('en')} visitor ids (chi-square, df = arms − 1)`, ['engine, split', 'counts', 'chi²', 'p', 'max deviation'], rows)

const attuneP = Math.min(uniformity['Attune 50/50'].p, uniformity['Attune 4 arms'].p)
const vsOptimizely = against(assignment['Optimizely bucketer (murmurhash v3)'])
const vsGrowthBook = against(assignment['GrowthBook runInlineExperiment'])
const vsMurmurhash = against(hashes['murmurhash v3 (Optimizely)'])
report({
  quick: QUICK,
  visitors: VISITORS,
  assignment,
  hashes,
  uniformity,
  targets: [
    { measure: 'assignArm vs GrowthBook runInlineExperiment (Attune ÷ peer, paired)', value: vsGrowthBook, target: '≤ 1', met: vsGrowthBook <= 1, ratio: vsGrowthBook, ciLimit: 3 },
    { measure: 'murmur3 vs murmurhash v3 (Attune ÷ peer, paired)', value: vsMurmurhash, target: '≤ 1.5', met: vsMurmurhash <= 1.5, ratio: vsMurmurhash, ciLimit: 4 },
    { measure: 'assignArm (weighted rendezvous: a hash per arm) vs Optimizely bucketer (Attune ÷ peer, for scale)', value: vsOptimizely, target: 'for scale', met: true },
    { measure: "Attune's split uniform (smallest chi-square p of 50/50 and 4 arms)", value: attuneP, target: '> 0.001', met: attuneP > 0.001 },
  ],
})
