/**
 * The behavior profile: everything Attune knows about the visitor, as one
 * versioned, JSON-serializable object. Times are epoch milliseconds.
 */
import { PROFILE_SCHEMA, type KeyedCollection, type ValuesOf } from './profile-schema'

/** Bump with a migration in `persistence.ts` whenever the shape changes. */
export const PROFILE_VERSION = 1

/** A trait value set through `identify()`. */
export type Trait = string | number | boolean | null

/*
 * The shapes below are derived from PROFILE_SCHEMA (profile-schema.ts),
 * where their fields and docs are declared: a field added there is in the
 * type, the sanitizer, the merge and the rule signals at once.
 */
type Fixed = typeof PROFILE_SCHEMA.fixed
type Entries = typeof PROFILE_SCHEMA.entries

export type Visitor = ValuesOf<Fixed['visitor']>

export type DeviceClass = 'mobile' | 'tablet' | 'desktop' | 'unknown'
export type TimeOfDay = 'night' | 'morning' | 'afternoon' | 'evening'
export type UtmKey = 'source' | 'medium' | 'campaign' | 'term' | 'content'

/**
 * Context is written out: its fields are narrower than their kinds (a
 * device class, not any string). test/core/profile-schema.test.ts checks
 * that it and `PROFILE_SCHEMA.fixed.context` name the same fields.
 */
export interface Context {
  device: DeviceClass
  viewport: { width: number; height: number }
  /** BCP 47 tag, such as `en-GB`; empty when unknown. */
  locale: string
  /** IANA zone, such as `Europe/Paris`; empty when unknown. */
  timeZone: string
  /** Local hour, 0–23, refreshed with every commit. */
  hour: number
  timeOfDay: TimeOfDay
  /** The referring origin only (never its path or query); empty when direct. */
  referrer: string
  utm: Partial<Record<UtmKey, string>>
}

export type PageStats = ValuesOf<Entries['pages']>
export type SectionStats = ValuesOf<Entries['sections']>
export type ScrollStats = ValuesOf<Fixed['scroll']>
export type HoverStats = ValuesOf<Entries['hover']>
export type ClickStats = ValuesOf<Entries['clicks']>
export type EventStats = ValuesOf<Entries['events']>
export type IdleState = ValuesOf<Fixed['idle']>

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export interface Profile {
  v: typeof PROFILE_VERSION
  visitor: Visitor
  context: Context
  /** Path of the current page, or null before the first page view. */
  page: string | null
  pages: Record<string, PageStats>
  sections: Record<string, SectionStats>
  scroll: ScrollStats
  hover: Record<string, HoverStats>
  clicks: Record<string, ClickStats>
  events: Record<string, EventStats>
  idle: IdleState
  /**
   * Data kept by extensions of the core, by key: the decision engine keeps
   * nudge history, exposures and model weights here, so that they are stored,
   * merged and erased with the profile, under the same consent. Each
   * extension bounds and validates its own keys.
   */
  state: Record<string, Json>
}

/**
 * Upper bounds of every collection in the profile. When a collection is full,
 * the entry used least recently is evicted, so memory stays flat however long
 * the session.
 */
export interface Limits {
  /** Entries in `pages`. */
  pages: number
  /** Entries in `sections`. */
  sections: number
  /** Entries in `hover`. */
  hover: number
  /** Entries in `clicks`. */
  clicks: number
  /** Entries in `events` (distinct custom event names). */
  events: number
  /** Timestamps kept per event for windowed counts; a window count never exceeds it. */
  recent: number
  /** Traits set through `identify()`. */
  traits: number
  /** Events queued before a commit is forced, whatever the frame timing. */
  pending: number
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  pages: 50,
  sections: 100,
  hover: 100,
  clicks: 100,
  events: 100,
  recent: 50,
  traits: 50,
  pending: 1000,
}

export type { KeyedCollection }

/** Collections keyed by id, all bounded by the limit of the same name. */
export const KEYED = Object.keys(PROFILE_SCHEMA.entries) as readonly KeyedCollection[]

export function randomId(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  // Fallback for old runtimes without crypto.randomUUID: not cryptographic,
  // only needs to be unlikely to collide between visitors.
  return Date.now().toString(36) + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2)
}

export function timeOfDay(hour: number): TimeOfDay {
  return hour < 5 ? 'night' : hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : hour < 22 ? 'evening' : 'night'
}

export function emptyContext(): Context {
  return {
    device: 'unknown',
    viewport: { width: 0, height: 0 },
    locale: '',
    timeZone: '',
    hour: 0,
    timeOfDay: 'night',
    referrer: '',
    utm: {},
  }
}

function profileOf(visitor: Visitor, context: Context): Profile {
  return {
    v: PROFILE_VERSION,
    visitor,
    context,
    page: null,
    pages: {},
    sections: {},
    scroll: { depth: 0, velocity: 0, y: 0, at: 0 },
    hover: {},
    clicks: {},
    events: {},
    idle: { idle: false, since: 0, totalMs: 0 },
    state: {},
  }
}

/**
 * The profile of nobody in particular: no visitor, no context, no behavior.
 * Server rendering and hydration read it, so that the server's HTML and the
 * client's first render agree; the live profile takes over right after.
 */
export const EMPTY_PROFILE: Profile = profileOf({ id: '', firstSeen: 0, lastSeen: 0, visits: 0, sessionId: '', sessionStart: 0, traits: {} }, emptyContext())

/** A fresh profile for a first-time visitor. */
export function createProfile(now: number, context: Context = emptyContext()): Profile {
  return profileOf({ id: randomId(), firstSeen: now, lastSeen: now, visits: 1, sessionId: randomId(), sessionStart: now, traits: {} }, context)
}
