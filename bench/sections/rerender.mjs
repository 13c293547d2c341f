// Re-rendering on a segment change: N AdaptiveButtons mounted in jsdom
// (production React, the packed package), the visitor's behavior makes a
// segment active, and every button changes to its variant for it. Timed from
// the event to the moment every button shows its new variant and the
// effects of that render (the variant history, one write per button) have
// run. Each button's cost must not depend on N: the figure is the cost per
// button at N = 1000 over the cost per button at N = 100, paired by round.
import { JSDOM } from 'jsdom'
import { median, progress, report, round2, table } from '../lib/measure.mjs'

const QUICK = process.env.BENCH_QUICK === '1'
const SIZES = QUICK ? [100, 1000] : [100, 300, 1000]
/** Buttons changed per size and round: mounts of N buttons until this many (so each size weighs the same in a round). */
const PER_ROUND = 1000
const ROUNDS = QUICK ? 2 : 9
const WARMUP = 1
const TARGET = 1.5
/** The fast CI check fails above this: only a regression of several times, not a loaded machine. */
const CI_LIMIT = 4

// A browser-like global scope before React DOM loads (it checks for a DOM once, when loaded).
const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true, url: 'https://shop.example/' })
for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'Event', 'MouseEvent', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
  Object.defineProperty(globalThis, key, { value: key === 'window' ? window : window[key], configurable: true, writable: true })
}
const { createElement: h } = await import('react')
const { flushSync } = await import('react-dom')
const { createRoot } = await import('react-dom/client')
const { AdaptiveButton, createAttune, PersonalizationProvider, withDecisions } = await import('attune')

const RULES = { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] }
const variantsOf = (i) => ({ default: { label: `Add item ${i} to cart` }, shopper: { label: `Check out item ${i}`, tone: 'success' } })

/** A macrotask: whatever React scheduled after the synchronous render (it uses one too) has run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

/** Mounts `n` buttons; returns the ms from the event that makes the segment active to every button showing it. */
async function segmentChange(n) {
  const attune = withDecisions(createAttune({ storage: 'memory', consent: 'granted', schedule: 'sync' }), { hold: 0, rules: RULES })
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const page = h(
    PersonalizationProvider,
    { attune },
    Array.from({ length: n }, (_, i) => h(AdaptiveButton, { key: i, id: `item-${i}`, variants: variantsOf(i) })),
  )
  flushSync(() => root.render(page))
  await settle()
  const buttons = container.querySelectorAll('button')
  if (buttons.length !== n || buttons[0].dataset.variant !== 'default') throw new Error(`mounted ${buttons.length} buttons of ${n}, showing ${buttons[0]?.dataset.variant}`)

  const start = performance.now()
  flushSync(() => attune.track('add_to_cart'))
  await settle()
  const ms = performance.now() - start

  for (const button of buttons) {
    if (button.dataset.variant !== 'shopper') throw new Error(`a button shows ${button.dataset.variant} after the segment change`)
  }
  const variants = attune.getProfile().state.variants
  if (Object.keys(variants ?? {}).length !== n) throw new Error(`the variant history holds ${Object.keys(variants ?? {}).length} of ${n} buttons`)
  flushSync(() => root.unmount())
  container.remove()
  attune.flush()
  return ms
}

/** µs per button for each size, per round; sizes in an order that rotates from round to round. */
const perButton = Object.fromEntries(SIZES.map((n) => [n, []]))
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  for (let k = 0; k < SIZES.length; k++) {
    const n = SIZES[(k + round) % SIZES.length]
    let ms = 0
    for (let done = 0; done < PER_ROUND; done += n) ms += await segmentChange(n)
    globalThis.gc?.()
    if (round >= WARMUP) perButton[n].push((ms * 1000) / Math.max(PER_ROUND, n))
  }
  if (round >= WARMUP) progress(`round ${round - WARMUP + 1} of ${ROUNDS}: ${SIZES.map((n) => `${n}: ${round2(perButton[n].at(-1))} µs`).join(', ')} per button`)
}

const [small] = SIZES
const large = SIZES.at(-1)
const ratioAt = (n) => round2(median(perButton[n].map((us, i) => us / perButton[small][i])))
table(
  `Re-rendering N AdaptiveButtons on a segment change, jsdom (µs per button, median of ${ROUNDS} rounds; ratio to N = ${small}, paired by round)`,
  ['N', 'µs/button', `ratio to ${small}`],
  SIZES.map((n) => [n, round2(median(perButton[n])), n === small ? '1' : ratioAt(n)]),
)

const ratio = ratioAt(large)
report({
  quick: QUICK,
  rounds: ROUNDS,
  usPerButton: Object.fromEntries(SIZES.map((n) => [n, round2(median(perButton[n]))])),
  ratios: Object.fromEntries(SIZES.slice(1).map((n) => [n, ratioAt(n)])),
  targets: [
    {
      measure: `per-button cost of a segment change with ${large} AdaptiveButtons mounted / with ${small} (jsdom)`,
      value: `${ratio}×`,
      target: `≤ ${TARGET}×`,
      met: ratio <= TARGET,
      ratio,
      ciLimit: CI_LIMIT,
    },
  ],
})
