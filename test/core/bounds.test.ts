import { describe, expect, it } from 'vitest'
import { createAttune, DEFAULT_LIMITS, type Profile } from '../../src/core'
import { evictLeastRecent, countSince } from '../../src/core/bounded'
import { mergeEntry } from '../../src/core/entry-merge'
import { fakeClock } from '../support/fakes'

function sizes(profile: Profile) {
  return {
    pages: Object.keys(profile.pages).length,
    sections: Object.keys(profile.sections).length,
    hover: Object.keys(profile.hover).length,
    clicks: Object.keys(profile.clicks).length,
    events: Object.keys(profile.events).length,
    traits: Object.keys(profile.visitor.traits).length,
    recent: Math.max(0, ...Object.values(profile.events).map((e) => e.recent.length)),
  }
}

describe('bounded collections', () => {
  it('keeps every collection within its limit through 1,000,000 events', () => {
    const now = fakeClock()
    // 'manual': only the full queue forces commits, as a long busy session would.
    const attune = createAttune({ now, storage: 'memory', schedule: 'manual' })
    let largest = sizes(attune.getProfile())
    attune.subscribe((profile) => {
      const current = sizes(profile)
      largest = Object.fromEntries(Object.entries(current).map(([k, v]) => [k, Math.max(v, largest[k as keyof typeof largest])])) as typeof largest
    })
    for (let i = 0; i < 1_000_000; i++) {
      now.advance(1)
      const id = `id-${i % 5000}`
      switch (i % 7) {
        case 0: attune.record({ type: 'pageview', path: `/p/${i % 3000}` }); break
        case 1: attune.record({ type: 'dwell', id, ms: 10 }); break
        case 2: attune.record({ type: 'hover', id, ms: 400 }); break
        case 3: attune.record({ type: 'click', id }); break
        case 4: attune.track(`event-${i % 2000}`); break
        case 5: attune.track('hot'); break
        default: attune.identify({ [`trait-${i % 500}`]: i })
      }
    }
    attune.flush()
    const limits = DEFAULT_LIMITS
    expect(largest).toEqual({
      pages: limits.pages,
      sections: limits.sections,
      hover: limits.hover,
      clicks: limits.clicks,
      events: limits.events,
      traits: limits.traits,
      recent: limits.recent,
    })
    // The memory the profile holds stays flat: its JSON is a few tens of KB.
    expect(JSON.stringify(attune.getProfile()).length).toBeLessThan(200_000)
    // The busiest event keeps its full count, with only the ring bounded.
    expect(attune.getProfile().events.hot?.count).toBe(142_857)
  }, 60_000) // a correctness test over a million events, not a speed test: room for a busy machine

  it('evicts the least recently used entry, not the oldest created', () => {
    const now = fakeClock()
    const attune = createAttune({ now, storage: 'memory', schedule: 'sync', limits: { clicks: 3 } })
    for (const id of ['a', 'b', 'c']) {
      now.advance(10)
      attune.record({ type: 'click', id })
    }
    now.advance(10)
    attune.record({ type: 'click', id: 'a' }) // 'a' is now the most recent
    now.advance(10)
    attune.record({ type: 'click', id: 'd' }) // evicts 'b'
    expect(Object.keys(attune.getProfile().clicks).sort()).toEqual(['a', 'c', 'd'])
  })

  it('evicts several at once in order of last use', () => {
    const record: Record<string, { last: number }> = { a: { last: 5 }, b: { last: 1 }, c: { last: 3 }, d: { last: 4 }, e: { last: 2 } }
    evictLeastRecent(record, 2)
    expect(Object.keys(record).sort()).toEqual(['a', 'd'])
  })

  it('keeps the newest timestamps in the ring, oldest first', () => {
    const options = { limits: { ...DEFAULT_LIMITS, recent: 4 }, halfLifeMs: 1000 }
    let entry: Record<string, unknown> = { recent: [1], last: 1 }
    for (let t = 2; t <= 7; t++) entry = mergeEntry(entry, { recent: [t], last: t }, [['recent', 'times'], ['last', 'time']], options)
    const ring = entry.recent as number[]
    expect(ring).toEqual([4, 5, 6, 7])
    expect(entry.last).toBe(7)
    expect(countSince(ring, 2, 7)).toBe(3)
    expect(countSince(ring, 100, 7)).toBe(4)
  })
})
