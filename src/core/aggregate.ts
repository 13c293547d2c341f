import { countSince, entryOf, evictLeastRecent } from './bounded'
import { fieldsOf, mergeEntry, type Entry, type EntryMergeOptions } from './entry-merge'
import type { BehaviorEvent } from './events'
import { KEYED, randomId, timeOfDay, type KeyedCollection, type Profile } from './profile'
import { PROFILE_SCHEMA } from './profile-schema'
import { decay, ema, emaAlpha } from './smoothing'

export interface AggregateConfig extends EntryMergeOptions {
  /** Inactivity after which the next event starts a new session, in ms. */
  sessionTimeoutMs: number
}

type Owned = KeyedCollection | 'scroll' | 'idle'

/** The fields of each collection's entries, taken from the schema once. */
const FIELDS = Object.fromEntries(KEYED.map((key) => [key, fieldsOf(PROFILE_SCHEMA.entries[key])])) as Record<KeyedCollection, ReturnType<typeof fieldsOf>>

/** Events the visitor causes, as opposed to time accruing or idleness noticed. */
const isActivity = (event: BehaviorEvent): boolean => (event.type === 'idle' ? !event.idle : event.type !== 'dwell' && event.type !== 'page-dwell')

/** Time constant of the scroll velocity EMA: a steady speed is reached to 63% after 500 ms of scrolling. */
const VELOCITY_TAU_MS = 500
/**
 * Two scroll samples further apart than this belong to different gestures:
 * the pause is not averaged into the speed, so `scroll.velocity` describes how
 * fast the visitor scrolls, not how long they read between scrolls.
 */
const SCROLL_GESTURE_GAP_MS = 500

/**
 * A shallow copy, key by key. For a collection of a hundred ids it is about
 * twice as fast as a spread on Node 20 (#11: measured through createAttune
 * in Node's 'sync' schedule, a commit per event): the spread builds a hidden
 * class of a hundred properties for every copy, which the next eviction's
 * `delete` throws away; the copy made key by key stays a dictionary, as a
 * collection is used.
 */
function copyOf<T extends object>(part: T): T {
  const copy = {} as Record<string, unknown>
  for (const key of Object.keys(part)) copy[key] = part[key as keyof T]
  return copy as T
}

/**
 * Folds a batch of events into the profile and returns the new profile. The
 * input is never mutated: touched collections and entries are copied, the
 * others keep their identity, so selectors that read them do not re-run.
 *
 * Longer than the house's 80 lines on purpose: one `switch` over the event
 * types, a few lines a case, on the hot path of every committed batch; a
 * function per type would add a call and a closure per event to save nothing
 * in reading (each case already stands alone).
 */
export function aggregate(
  profile: Profile,
  events: readonly BehaviorEvent[],
  times: readonly number[],
  config: AggregateConfig,
): Profile {
  const { limits } = config
  const draft: Profile = { ...profile, visitor: { ...profile.visitor } }
  const visitor = draft.visitor
  // Parts copied in this batch; the rest keep their identity.
  const copied = new Set<Owned>()
  const own = <K extends Owned>(key: K): Profile[K] => {
    if (!copied.has(key)) {
      draft[key] = copyOf(draft[key])
      copied.add(key)
    }
    return draft[key]
  }
  // An event updates its entry as the schema merges entries: `update` is the
  // entry the event would make on its own (counts of 1, its time as `last`).
  const add = (key: KeyedCollection, id: string, update: Entry) => {
    const entries = own(key) as Record<string, Entry>
    const entry = entryOf(entries, id)
    entries[id] = entry ? mergeEntry(entry, update, FIELDS[key], config) : update
  }

  for (let i = 0; i < events.length; i++) {
    const event = events[i]!
    const t = times[i]!
    // Only what the visitor does keeps a session alive or starts a new one.
    // Time that accrues on its own (dwell on a page left open) and going idle
    // do not: a tab left open all night is not one long session.
    if (isActivity(event)) {
      if (t - visitor.lastSeen > config.sessionTimeoutMs) {
        visitor.visits += 1
        visitor.sessionId = randomId()
        visitor.sessionStart = t
        copied.add('scroll').add('idle')
        draft.scroll = { depth: 0, velocity: 0, y: 0, at: 0 }
        draft.idle = { idle: false, since: 0, totalMs: 0 }
      }
      visitor.lastSeen = Math.max(visitor.lastSeen, t)
    }

    switch (event.type) {
      case 'pageview': {
        add('pages', event.path, { views: 1, dwellMs: 0, last: t })
        if (draft.page !== event.path) {
          draft.page = event.path
          Object.assign(own('scroll'), { depth: 0, y: 0, at: 0 })
        }
        break
      }
      case 'page-dwell':
        add('pages', event.path, { views: 0, dwellMs: event.ms, last: t })
        break
      case 'view':
      case 'dwell': {
        const view = event.type === 'view'
        add('sections', event.id, { views: view ? 1 : 0, dwellMs: view ? 0 : event.ms, maxRatio: event.ratio ?? 0, last: t })
        break
      }
      case 'scroll': {
        const scroll = own('scroll')
        const dt = t - scroll.at
        if (scroll.at > 0 && dt <= 0) {
          // Same instant as the previous sample: keep the reference point so
          // the next sample measures the whole distance.
          scroll.depth = Math.max(scroll.depth, event.depth)
          break
        }
        if (scroll.at > 0 && dt <= SCROLL_GESTURE_GAP_MS) {
          const speed = (Math.abs(event.y - scroll.y) / dt) * 1000
          scroll.velocity = ema(scroll.velocity, speed, emaAlpha(dt, VELOCITY_TAU_MS))
        }
        scroll.y = event.y
        scroll.at = t
        scroll.depth = Math.max(scroll.depth, event.depth)
        break
      }
      case 'hover':
        add('hover', event.id, { count: 1, dwellMs: event.ms, last: t })
        break
      case 'click':
        add('clicks', event.id, { count: 1, last: t })
        break
      case 'track':
        add('events', event.name, { count: 1, last: t, recent: [t], score: 1 })
        break
      case 'identify': {
        const traits = { ...visitor.traits }
        let size = Object.keys(traits).length
        for (const [key, value] of Object.entries(event.traits)) {
          if (!Object.hasOwn(traits, key)) {
            // A full set of traits keeps the ones it has: identity data is not
            // evicted silently by a later, possibly accidental, trait.
            if (size >= limits.traits) continue
            size++
          }
          traits[key] = value
        }
        visitor.traits = traits
        break
      }
      case 'idle': {
        if (draft.idle.idle === event.idle) break
        const idle = own('idle')
        if (idle.idle && idle.since > 0) idle.totalMs += Math.max(0, t - idle.since)
        idle.idle = event.idle
        idle.since = t
        break
      }
    }
  }

  for (const key of KEYED) if (copied.has(key)) evictLeastRecent(draft[key], limits[key])

  const hour = new Date(times[times.length - 1] ?? visitor.lastSeen).getHours()
  if (hour !== draft.context.hour) draft.context = { ...draft.context, hour, timeOfDay: timeOfDay(hour) }
  return draft
}

/** Score of an event as of `now`: decayed since the event last happened. 0 for an unknown event. */
export function eventScore(profile: Profile, name: string, now: number, halfLifeMs: number): number {
  const entry = entryOf(profile.events, name)
  return entry ? decay(entry.score, now - entry.last, halfLifeMs) : 0
}

/** How many times an event happened within the last `windowMs` (at most `limits.recent`). */
export function eventCount(profile: Profile, name: string, windowMs: number, now: number): number {
  const entry = entryOf(profile.events, name)
  return entry ? countSince(entry.recent, windowMs, now) : 0
}
