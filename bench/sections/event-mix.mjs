// The realistic event mix the ingest and memory sections record (not a
// section of its own: bench/run.mjs runs only the names it lists).
//
// A visit as the signal hooks report it: scroll samples while the visitor
// scrolls (the bulk), sections coming into view and the dwell they accrue,
// hovers past the intent threshold, clicks, custom track() events, page
// views with their dwell, idle and back. Every event comes with the time
// that passes before it, so a fake clock can advance as a real visit would.
import { pick, seeded } from '../lib/random.mjs'

/** The share of each kind of event, in percent (they add up to 100). */
const MIX = [
  ['scroll', 46],
  ['view', 10],
  ['dwell', 14],
  ['hover', 9],
  ['click', 6],
  ['track', 8],
  ['pageview', 2],
  ['page-dwell', 3],
  ['idle', 2],
]

/**
 * `count` events with the ms that pass before each, drawn from `MIX`.
 * `distinct` scales the ids: 1 is a shop of 8 pages, 30 sections a page,
 * 40 hover and 30 click targets and 20 custom events; `Infinity` makes
 * (nearly) every id new, which fills every bounded collection and keeps
 * evicting from it.
 */
export function eventMix(count, { seed = 11, distinct = 1 } = {}) {
  const random = seeded(seed)
  const cumulative = []
  let total = 0
  for (const [type, share] of MIX) cumulative.push([type, (total += share)])
  const many = (n) => (distinct === Infinity ? Math.floor(random() * 1e9) : Math.floor(random() * n * distinct))
  const pages = Array.from({ length: 8 }, (_, i) => `/page-${i}`)
  const names = ['add_to_cart', 'search', 'filter', 'video_play', 'share', 'newsletter', 'compare', 'wishlist', 'zoom', 'review_open']
  const events = []
  const gaps = []
  let page = pages[0]
  let y = 0
  let idle = false
  for (let i = 0; i < count; i++) {
    const roll = random() * total
    const type = cumulative.find(([, upTo]) => roll < upTo)[0]
    let event
    let gap = 16
    switch (type) {
      case 'scroll':
        y = Math.max(0, y + Math.round((random() - 0.3) * 120))
        event = { type, y, depth: Math.min(1, y / 8000) }
        break
      case 'view':
        event = { type, id: `${page}#section-${many(30)}`, ratio: Math.round(random() * 100) / 100 }
        gap = 40
        break
      case 'dwell':
        event = { type, id: `${page}#section-${many(30)}`, ms: 200 + Math.floor(random() * 3000), ratio: 0.5 }
        gap = 40
        break
      case 'hover':
        event = { type, id: `target-${many(40)}`, ms: 300 + Math.floor(random() * 2000) }
        gap = 300
        break
      case 'click':
        event = { type, id: `button-${many(30)}` }
        gap = 500
        break
      case 'track':
        event = { type, name: distinct === 1 ? pick(random, names) : `${pick(random, names)}-${many(2)}`, props: { sku: `sku-${Math.floor(random() * 500)}` } }
        gap = 800
        break
      case 'pageview':
        page = distinct === 1 ? pick(random, pages) : `/page-${many(8)}`
        y = 0
        event = { type, path: page }
        gap = 2000
        break
      case 'page-dwell':
        event = { type, path: page, ms: 1000 + Math.floor(random() * 20000) }
        gap = 1000
        break
      case 'idle':
        idle = !idle
        event = { type, idle }
        gap = idle ? 1000 : 30_000
        break
    }
    events.push(event)
    gaps.push(gap)
  }
  return { events, gaps }
}

/** The rules an app of this kind has: a few segments over the signals the mix feeds. */
export const APP_RULES = {
  segments: [
    { id: 'engaged-reader', priority: 10, when: { all: [{ signal: 'scroll.depth', gt: 0.6 }, { signal: 'sections./page-1#section-3.dwellMs', gt: 20000 }] } },
    { id: 'shopper', priority: 20, when: { event: 'add_to_cart', count: { gte: 2 }, within: '10m' } },
    { id: 'browser', priority: 5, when: { signal: 'pages./page-2.views', gte: 3 } },
    { id: 'hesitant', priority: 15, when: { all: [{ signal: 'hover.target-4.count', gte: 3 }, { not: { segment: 'shopper' } }] } },
    { id: 'searcher', priority: 1, when: { event: 'search', score: { gt: 2 } } },
  ],
}

export const APP_EXPERIMENTS = [{ id: 'cta-copy', arms: { control: 50, bold: 50 } }]
