// Rules: ns per evaluation of three conditions over the same generated
// visitors, Attune beside hand-written JavaScript and the peers. Every
// engine's answers are checked to agree on every visitor before anything is
// timed; then the engines' slices are interleaved and each ratio is paired,
// slice by slice.
import { evalCondition } from '@growthbook/growthbook'
import { evaluateVariantMatch } from '@uniformdev/context'
import jsonLogic from 'json-logic-js'
import { createAttune, createProfile } from 'attune/core'
import { compileRules, withDecisions } from 'attune/engine'
import { interleave, keep, progress, report, round2, table } from '../lib/measure.mjs'
import { pick, seeded } from '../lib/random.mjs'

const QUICK = process.env.BENCH_QUICK === '1'
const VISITORS = QUICK ? 20_000 : 200_000
// A slice is evaluated REPEAT times in a row: the visitors of a slice stay in
// the CPU's caches, so that the figures are the engines' work, not the
// memory's latency (which is the same for every engine).
const SLICE = 1_000
const REPEAT = 10
const NOW = Date.UTC(2026, 11, 2, 12)

// ── the visitors ────────────────────────────────────────────────────────────
const random = seeded(11)
const REFERRERS = ['', 'https://www.google.com/search?q=shoes', 'https://news.ycombinator.com/', 'https://www.facebook.com/', 'https://duckduckgo.com/', 'https://mail.example.com/inbox']
const SOURCES = ['', 'google', 'newsletter', 'facebook', 'partner-news', 'affiliate']
const DEVICES = ['mobile', 'tablet', 'desktop']
const int = (max) => Math.floor(random() * (max + 1))

progress(`generating ${VISITORS.toLocaleString('en')} visitors`)
const visitors = Array.from({ length: VISITORS }, () => {
  const v = {
    views: int(8),
    dwellMs: int(180_000),
    device: pick(random, DEVICES),
    referrer: pick(random, REFERRERS),
    source: pick(random, SOURCES),
    visits: 1 + int(6),
    depth: round2(random()),
    hour: int(23),
    velocity: int(2000),
  }
  // The Attune profile a visitor like this has.
  const profile = createProfile(NOW)
  profile.pages['/product'] = { views: v.views, dwellMs: v.dwellMs, last: NOW }
  profile.context.device = v.device
  profile.context.referrer = v.referrer
  profile.context.utm = { source: v.source }
  profile.context.hour = v.hour
  profile.visitor.visits = v.visits
  profile.scroll.depth = v.depth
  profile.scroll.velocity = v.velocity
  v.profile = profile
  // GrowthBook and json-logic read flat attributes; Uniform a score vector and quirks.
  v.attributes = { views: v.views, dwellMs: v.dwellMs, device: v.device, referrer: v.referrer, source: v.source, visits: v.visits, depth: v.depth, hour: v.hour, velocity: v.velocity }
  v.scores = { views: v.views, dwellMs: v.dwellMs }
  v.quirks = { device: v.device }
  return v
})

// ── the conditions, in each engine's language ──────────────────────────────
const attuneLeaf = {
  views: (op, value) => ({ signal: 'pages./product.views', [op]: value }),
  dwellMs: (op, value) => ({ signal: 'pages./product.dwellMs', [op]: value }),
  device: (op, value) => ({ signal: 'context.device', [op]: value }),
  referrer: (op, value) => ({ signal: 'context.referrer', [op]: value }),
  source: (op, value) => ({ signal: 'context.utm.source', [op]: value }),
  visits: (op, value) => ({ signal: 'visitor.visits', [op]: value }),
  depth: (op, value) => ({ signal: 'scroll.depth', [op]: value }),
  hour: (op, value) => ({ signal: 'context.hour', [op]: value }),
  velocity: (op, value) => ({ signal: 'scroll.velocity', [op]: value }),
}
// One description of each condition: [field, op, value] leaves under all/any.
const CONDITIONS = {
  simple: ['views', 'gt', 3],
  medium: { all: [['views', 'gt', 3], ['dwellMs', 'gt', 60_000], ['device', 'in', ['mobile', 'tablet']]] },
  complex: {
    any: [
      { all: [['views', 'gt', 2], ['dwellMs', 'gt', 30_000], ['referrer', 'matches', 'google'], ['device', 'eq', 'mobile']] },
      { all: [['visits', 'gte', 3], ['depth', 'gt', 0.5], ['source', 'matches', 'news'], ['hour', 'lt', 12]] },
      { all: [['views', 'gt', 5], ['dwellMs', 'lt', 120_000], ['device', 'ne', 'desktop'], ['velocity', 'lt', 800]] },
    ],
  },
}
const map = (node, leaf, all, any) => (Array.isArray(node) ? leaf(...node) : node.all ? all(node.all.map((n) => map(n, leaf, all, any))) : any(node.any.map((n) => map(n, leaf, all, any))))

const toAttune = (node) => map(node, (f, op, v) => attuneLeaf[f](op, v), (all) => ({ all }), (any) => ({ any }))
const GB_OPS = { gt: '$gt', gte: '$gte', lt: '$lt', eq: '$eq', ne: '$ne', in: '$in', matches: '$regex' }
const toGrowthBook = (node) => map(node, (f, op, v) => ({ [f]: { [GB_OPS[op]]: v } }), (all) => ({ $and: all }), (any) => ({ $or: any }))
const JL_OPS = { gt: '>', gte: '>=', lt: '<', eq: '===', ne: '!==' }
const toJsonLogic = (node) =>
  map(
    node,
    (f, op, v) => (op === 'in' ? { in: [{ var: f }, v] } : op === 'matches' ? { in: [v, { var: f }] } : { [JL_OPS[op]]: [{ var: f }, v] }),
    (all) => ({ and: all }),
    (any) => ({ or: any }),
  )
// Uniform's criteria are one level of & or |, numbers from a score vector and
// quirks compared with = or !=: the simple and medium conditions only (device
// in [mobile, tablet] is device != desktop for these visitors).
const UNIFORM = {
  simple: { op: '&', crit: [{ l: 'views', op: '>', r: 3 }] },
  medium: { op: '&', crit: [{ l: 'views', op: '>', r: 3 }, { l: 'dwellMs', op: '>', r: 60_000 }, { t: 'q', l: 'device', op: '!=', r: 'desktop' }] },
}
// The same conditions written by hand, reading the Attune profile.
const HAND = {
  simple: (p) => (p.pages['/product']?.views ?? 0) > 3,
  medium: (p) => {
    const page = p.pages['/product']
    const device = p.context.device
    return (page?.views ?? 0) > 3 && (page?.dwellMs ?? 0) > 60_000 && (device === 'mobile' || device === 'tablet')
  },
  complex: (p) => {
    const page = p.pages['/product']
    const views = page?.views ?? 0
    const dwell = page?.dwellMs ?? 0
    const c = p.context
    return (
      (views > 2 && dwell > 30_000 && c.referrer.includes('google') && c.device === 'mobile') ||
      (p.visitor.visits >= 3 && p.scroll.depth > 0.5 && (c.utm.source ?? '').includes('news') && c.hour < 12) ||
      (views > 5 && dwell < 120_000 && c.device !== 'desktop' && p.scroll.velocity < 800)
    )
  },
}

// ── the engines: each answers "does visitor i match?" ───────────────────────
function enginesFor(name) {
  const description = CONDITIONS[name]
  const compiled = compileRules({ segments: [{ id: 's', when: toAttune(description) }] })
  if (compiled.errors.length) throw new Error(`rules: ${JSON.stringify(compiled.errors)}`)
  const gb = toGrowthBook(description)
  const jl = toJsonLogic(description)
  const hand = HAND[name]
  const engines = {
    hand: (v) => hand(v.profile),
    'attune compiled': (v) => compiled.matches('s', v.profile, NOW),
    'attune segments(profile)': (v) => compiled.segments(v.profile, NOW).length === 1,
    growthbook: (v) => evalCondition(v.attributes, gb),
    'json-logic': (v) => jsonLogic.apply(jl, v.attributes) === true,
  }
  if (UNIFORM[name]) engines.uniform = (v) => evaluateVariantMatch('s', UNIFORM[name], v.scores, undefined, v.quirks)
  return engines
}

function agree(name, engines) {
  const names = Object.keys(engines)
  let matched = 0
  for (const [i, v] of visitors.entries()) {
    const expected = engines.hand(v)
    if (expected) matched++
    for (const engine of names) {
      if (engines[engine](v) !== expected) throw new Error(`${name}: ${engine} answers ${!expected} for visitor ${i}, hand-written JavaScript ${expected}`)
    }
  }
  return matched / visitors.length
}

const sliced = (fn) => (round) => {
  const start = (round * SLICE) % VISITORS
  for (let r = 0; r < REPEAT; r++) for (let i = start; i < start + SLICE; i++) keep(fn(visitors[i]))
}

const results = {}
for (const name of Object.keys(CONDITIONS)) {
  const engines = enginesFor(name)
  progress(`${name}: checking that ${Object.keys(engines).length} engines agree on every visitor`)
  const share = agree(name, engines)
  progress(`${name}: timing (${Math.round(share * 100)}% of visitors match)`)
  const timed = interleave({ engines: Object.fromEntries(Object.entries(engines).map(([k, fn]) => [k, sliced(fn)])), baseline: 'hand', rounds: QUICK ? 10 : 60, warmup: 5, ops: SLICE * REPEAT })
  results[name] = { matchShare: round2(share), engines: timed }
}

// ── the live path: what a change costs the engine, segments() included ──────
// Paired: an instance with the engine and one rule records a page view and
// reads segments(); an instance without the engine records the same page
// view. Their difference is the engine's cost of one change.
progress('live path: segments() after a change')
const rules = { segments: [{ id: 's', when: toAttune(CONDITIONS.simple) }] }
let clock = NOW
const now = () => clock
const withEngine = withDecisions(createAttune({ now, schedule: 'sync' }), { rules })
const without = createAttune({ now, schedule: 'sync' })
const CHANGES = QUICK ? 5_000 : 20_000
const uniformSimple = UNIFORM.simple
const live = interleave({
  engines: {
    'record + segments()': () => {
      for (let i = 0; i < CHANGES; i++) {
        clock++
        withEngine.record({ type: 'page', path: i & 1 ? '/product' : '/cart' })
        keep(withEngine.segments().length)
      }
    },
    'record, no engine': () => {
      for (let i = 0; i < CHANGES; i++) {
        clock++
        without.record({ type: 'page', path: i & 1 ? '/product' : '/cart' })
      }
    },
    uniform: () => {
      for (let i = 0; i < CHANGES; i++) keep(evaluateVariantMatch('s', uniformSimple, visitors[i].scores, undefined, visitors[i].quirks))
    },
  },
  baseline: 'record, no engine',
  rounds: QUICK ? 8 : 30,
  warmup: 4,
  ops: CHANGES,
})
const engineNs = round2(live['record + segments()'].nsPerOp - live['record, no engine'].nsPerOp)
results.live = { ...live, engineNsPerChange: engineNs, vsUniform: round2(engineNs / live.uniform.nsPerOp) }

// ── tables and targets ──────────────────────────────────────────────────────
for (const name of Object.keys(CONDITIONS)) {
  const { engines, matchShare } = results[name]
  table(
    `${name} (${Math.round(matchShare * 100)}% match; ratio: paired, to hand-written JavaScript)`,
    ['engine', 'ns/eval', '× hand'],
    Object.entries(engines).map(([engine, r]) => [engine, r.nsPerOp, r.ratio ?? 1]),
  )
}
table('live path (one rule): a recorded change, then segments()', ['', 'ns/op'], [
  ['record + segments(), with the engine', live['record + segments()'].nsPerOp],
  ['record, without the engine', live['record, no engine'].nsPerOp],
  ["the engine's cost of a change", engineNs],
  ["Uniform's evaluateVariantMatch, same rule", live.uniform.nsPerOp],
])

const worst = (key, against) => Math.max(...Object.keys(CONDITIONS).map((name) => results[name].engines[key].ratio / (against ? results[name].engines[against].ratio : 1)))
const targets = [
  { measure: 'compiled predicate vs hand-written JavaScript (worst condition)', ratio: round2(worst('attune compiled')), target: '≤ 3×', limit: 3, ciLimit: 12 },
  { measure: 'compiled predicate vs GrowthBook evalCondition (worst condition)', ratio: round2(worst('attune compiled', 'growthbook')), target: '≤ 0.1×', limit: 0.1, ciLimit: 1 },
  { measure: 'compiled predicate vs Uniform evaluateVariantMatch (worst condition)', ratio: round2(Math.max(...Object.keys(UNIFORM).map((n) => results[n].engines['attune compiled'].ratio / results[n].engines.uniform.ratio))), target: '≤ 1.0×', limit: 1, ciLimit: 4 },
  { measure: "the engine's cost of a change (segments() included) vs Uniform evaluateVariantMatch", ratio: results.live.vsUniform, target: '≤ 1.0×', limit: 1, ciLimit: 4 },
].map(({ limit, ...t }) => ({ ...t, value: `${t.ratio}×`, met: t.ratio <= limit }))
report({ visitors: VISITORS, slice: SLICE, repeat: REPEAT, results, targets })
