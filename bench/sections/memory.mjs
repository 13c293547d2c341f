// Memory: heap growth over 1,000,000 recorded events (100,000 with
// BENCH_QUICK=1) through the public API of the packed package, as an app
// records them (createAttune + withDecisions with its rules, consent
// granted, a memory storage), with many distinct ids so that every bounded
// collection fills and keeps evicting. The heap is measured after
// global.gc() (the runner passes --expose-gc) once the first batch has
// warmed up, and again at the end: flat means at most 1 MB more.
import { createAttune, memoryStorage } from 'attune/core'
import { withDecisions } from 'attune/engine'
import { progress, report, round2, table } from '../lib/measure.mjs'
import { APP_EXPERIMENTS, APP_RULES, eventMix } from './event-mix.mjs'

const QUICK = process.env.BENCH_QUICK === '1'
const TOTAL = QUICK ? 100_000 : 1_000_000
const BATCH = QUICK ? 10_000 : 100_000
/** Growth allowed after the warm-up batch, in MB. */
const LIMIT_MB = 1

if (typeof global.gc !== 'function') throw new Error('run with --expose-gc (npm run bench does)')

// Ids drawn from pools far larger than the bounds (100 sections, 100 hover
// targets, …): nearly every section, hover, click and event id is new.
const { events, gaps } = eventMix(BATCH, { seed: 23, distinct: 1000 })

let t = Date.UTC(2026, 0, 5, 9)
const attune = withDecisions(createAttune({ now: () => t, consent: 'granted', storage: memoryStorage(), schedule: 'sync' }), {
  rules: APP_RULES,
  experiments: APP_EXPERIMENTS,
})

const heapMB = () => {
  global.gc()
  global.gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

const runBatch = () => {
  for (let i = 0; i < BATCH; i++) {
    t += gaps[i]
    attune.record(events[i])
  }
  // What an app reads between events: its decisions.
  attune.segments()
  attune.arm('cta-copy')
  attune.flush()
}

progress(`memory: ${TOTAL.toLocaleString('en')} events in batches of ${BATCH.toLocaleString('en')}`)
const start = heapMB()
runBatch()
const warm = heapMB()
const samples = [[BATCH, warm]]
for (let done = BATCH; done < TOTAL; ) {
  runBatch()
  done += BATCH
  samples.push([done, heapMB()])
}
const end = samples[samples.length - 1][1]
const growth = end - warm
const peak = Math.max(...samples.map(([, mb]) => mb))
const profile = attune.getProfile()
const sizes = Object.fromEntries(['pages', 'sections', 'hover', 'clicks', 'events'].map((key) => [key, Object.keys(profile[key]).length]))

table(
  `Memory: heap after global.gc(), ${TOTAL.toLocaleString('en')} events (createAttune + withDecisions, consent granted)`,
  ['events recorded', 'heap MB', 'since warm-up MB'],
  samples.map(([n, mb]) => [n.toLocaleString('en'), round2(mb), round2(mb - warm)]),
)
console.log(`  heap before the first batch ${round2(start)} MB; collections at the end: ${JSON.stringify(sizes)}; stored JSON ${JSON.stringify(profile).length.toLocaleString('en')} characters`)

report({
  quick: QUICK,
  events: TOTAL,
  heapMB: { start: round2(start), warm: round2(warm), end: round2(end), peak: round2(peak) },
  growthMB: round2(growth),
  collections: sizes,
  targets: [
    {
      measure: `heap growth after the warm-up batch over ${TOTAL.toLocaleString('en')} events, MB`,
      value: round2(growth),
      target: `≤ ${LIMIT_MB} MB`,
      met: growth <= LIMIT_MB,
      ratio: round2(Math.max(0, growth) / LIMIT_MB),
      ciLimit: 3,
    },
  ],
})
