// Server rendering: `renderToString` of a page of 50 AdaptiveButtons inside
// a PersonalizationProvider, against the same page written by hand as 50
// plain <button>s. The plain page is the very HTML the Attune page renders
// (checked before timing), so the ratio is what Attune costs over markup a
// developer would write to get the same result. Production React
// (NODE_ENV=production, set by bench/run.mjs) and the packed package.
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { AdaptiveButton, createAttune, createProfile, PersonalizationProvider, withDecisions } from 'attune'
import { interleave, keep, progress, report, round2, table } from '../lib/measure.mjs'

const QUICK = process.env.BENCH_QUICK === '1'
const BUTTONS = 50
/** Pages rendered per slice: a slice is long enough for the clock, short enough to interleave often. */
const PAGES = QUICK ? 50 : 100
const ROUNDS = QUICK ? 15 : 31
const TARGET = 1.5
/** The fast CI check fails above this: only a regression of several times, not a loaded machine. */
const CI_LIMIT = 4.5

const RULES = { segments: [{ id: 'returning', when: { signal: 'visitor.visits', gte: 2 } }] }
// A returning visitor, as the server has them from the cookie or the stored profile.
const start = createProfile(Date.UTC(2026, 0, 1))
const initialProfile = { ...start, visitor: { ...start.visitor, visits: 3 } }
const attune = withDecisions(createAttune({ storage: 'memory', consent: 'granted', initialProfile }), { rules: RULES })

/** Every third button has a variant for the segment; the others show their default. */
const personalized = (i) => i % 3 === 0
const label = (i) => `Add item ${i} to cart`
const variantsOf = (i) =>
  personalized(i) ? { default: { label: label(i) }, returning: { label: `Welcome back: item ${i}`, tone: 'success' } } : { default: { label: label(i) } }

// As an app writes it: the variants object literal made each render.
const attunePage = () =>
  h(
    PersonalizationProvider,
    { attune },
    Array.from({ length: BUTTONS }, (_, i) => h(AdaptiveButton, { key: i, id: `item-${i}`, variants: variantsOf(i), className: 'buy' })),
  )

// The same markup by hand.
const plainPage = () =>
  h(
    'div',
    null,
    Array.from({ length: BUTTONS }, (_, i) =>
      personalized(i)
        ? h('button', { key: i, type: 'button', className: 'buy', 'data-attune': 'button', 'data-variant': 'returning', 'data-segment': 'returning', 'data-tone': 'success' }, h('span', { 'data-attune-part': 'label' }, `Welcome back: item ${i}`))
        : h('button', { key: i, type: 'button', className: 'buy', 'data-attune': 'button', 'data-variant': 'default', 'data-tone': 'primary' }, h('span', { 'data-attune-part': 'label' }, label(i))),
    ),
  )

// The plain page wraps its buttons in a <div>; the provider renders no element.
const attuneHtml = renderToString(attunePage())
const plainHtml = renderToString(plainPage())
if (`<div>${attuneHtml}</div>` !== plainHtml) {
  console.error('The two pages differ:\n' + attuneHtml.slice(0, 400) + '\n' + plainHtml.slice(0, 400))
  process.exit(1)
}
progress(`both pages render the same ${attuneHtml.length} characters; timing ${ROUNDS} interleaved rounds of ${PAGES} pages each`)

// Both pages compiled by the JIT before the first slice counts (a cold start
// would weigh on the quick CI check most).
for (const page of [plainPage, attunePage]) {
  for (const started = performance.now(); performance.now() - started < (QUICK ? 300 : 1000); ) keep(renderToString(page()).length)
}

const pages = (page) => () => {
  for (let n = 0; n < PAGES; n++) keep(renderToString(page()).length)
}
const result = interleave({ engines: { plain: pages(plainPage), attune: pages(attunePage) }, baseline: 'plain', rounds: ROUNDS, warmup: QUICK ? 2 : 5, ops: PAGES * BUTTONS })

const usPerButton = (name) => round2(result[name].nsPerOp / 1000)
table(
  `Server rendering: renderToString of ${BUTTONS} buttons (µs per button, median of ${ROUNDS} rounds; ratio paired by round)`,
  ['page', 'µs/button', 'ratio'],
  [
    ['50 plain <button>s (the same HTML)', usPerButton('plain'), '1'],
    ['50 AdaptiveButtons in a provider', usPerButton('attune'), result.attune.ratio],
  ],
)

const ratio = result.attune.ratio
report({
  quick: QUICK,
  buttons: BUTTONS,
  pages: PAGES,
  rounds: ROUNDS,
  usPerButton: { plain: usPerButton('plain'), attune: usPerButton('attune') },
  ratio,
  targets: [
    {
      measure: `renderToString of ${BUTTONS} AdaptiveButtons vs ${BUTTONS} plain <button>s (same HTML)`,
      value: `${ratio}×`,
      target: `≤ ${TARGET}×`,
      met: ratio <= TARGET,
      ratio,
      ciLimit: CI_LIMIT,
    },
  ],
})
