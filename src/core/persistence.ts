/**
 * How the profile is stored: the persisted shape and its version, migrations,
 * validation of what comes back from storage, the merge of a stored profile
 * with the live one, and the storage adapter (consent gate, write
 * throttling, corruption handling).
 */
import { entryOf, evictLeastRecent } from './bounded'
import { isFiniteNumber as isFinite, isObject } from './guards'
import { isTrait } from './events'
import { KEYED, PROFILE_VERSION, type KeyedCollection, type Limits, type Profile, type Trait } from './profile'
import { decay } from './smoothing'
import type { StorageLike } from './storage'

/** What is written to storage. */
export interface PersistedState {
  profile: Profile
}

/** Version of the stored state; bump it with a migration when the shape changes. */
export const STORED_VERSION = PROFILE_VERSION

/** A migration turns a stored state of version `n` into version `n + 1`. */
export type Migrations = Record<number, (state: unknown) => unknown>

/**
 * Migrations by the version they upgrade from. Empty while version 1 is the
 * only shape ever released.
 */
export const MIGRATIONS: Migrations = {}

/**
 * Brings a stored state of `version` up to `target` one step at a time.
 * Throws when a step is missing (the data is then unreadable), or a
 * NewerVersionError when the stored version is newer than this build (the
 * data is then left untouched).
 */
export function migrate(state: unknown, version: number, target: number = STORED_VERSION, migrations: Migrations = MIGRATIONS): unknown {
  if (version > target) throw new NewerVersionError(`the stored profile has version ${version}, newer than this build's ${target}`)
  for (let v = version; v < target; v++) {
    const step = migrations[v]
    if (!step) throw new Error(`no migration from stored version ${v} to ${v + 1}`)
    state = step(state)
  }
  return state
}

/** Stored data written by a newer build: it must be left as it is. */
export class NewerVersionError extends Error {}

const isString = (v: unknown): v is string => typeof v === 'string'

/** The numeric fields of each collection's entries. */
const ENTRY_FIELDS: Record<KeyedCollection, readonly string[]> = {
  pages: ['views', 'dwellMs', 'last'],
  sections: ['views', 'dwellMs', 'maxRatio', 'last'],
  hover: ['count', 'dwellMs', 'last'],
  clicks: ['count', 'last'],
  events: ['count', 'last', 'score'],
}

function cleanEntries(raw: unknown, fields: readonly string[], withRecent: boolean, recentLimit: number): Record<string, never> {
  const out: Record<string, Record<string, unknown>> = {}
  if (!isObject(raw)) return out as Record<string, never>
  for (const [key, entry] of Object.entries(raw)) {
    if (key === '__proto__' || !isObject(entry) || !fields.every((f) => isFinite(entry[f]))) continue
    const clean: Record<string, unknown> = {}
    for (const f of fields) clean[f] = entry[f]
    if (withRecent) clean.recent = (Array.isArray(entry.recent) ? entry.recent.filter(isFinite) : []).slice(-recentLimit)
    out[key] = clean
  }
  return out as Record<string, never>
}

/**
 * Checks a profile read from storage. Returns a clean copy (unknown fields
 * dropped, damaged entries left out, collections trimmed to their limits),
 * or null when its core (the visitor) is unusable. The current page, context,
 * scroll and idle describe this page load, so they come from `live`, never
 * from storage.
 */
export function sanitizeProfile(raw: unknown, live: Profile, limits: Limits): Profile | null {
  if (!isObject(raw) || !isObject(raw.visitor)) return null
  const v = raw.visitor
  if (!isString(v.id) || !v.id || !isString(v.sessionId) || !isFinite(v.firstSeen) || !isFinite(v.lastSeen) || !isFinite(v.visits) || !isFinite(v.sessionStart)) {
    return null
  }
  const traits: Profile['visitor']['traits'] = {}
  if (isObject(v.traits)) {
    for (const [key, value] of Object.entries(v.traits).slice(0, limits.traits)) {
      if (key !== '__proto__' && isTrait(value)) traits[key] = value as Trait
    }
  }
  const profile: Profile = {
    ...live,
    visitor: { id: v.id, firstSeen: v.firstSeen, lastSeen: v.lastSeen, visits: Math.max(1, v.visits), sessionId: v.sessionId, sessionStart: v.sessionStart, traits },
    // Extensions validate their own keys when they read them.
    state: isObject(raw.state) ? (raw.state as Profile['state']) : {},
  }
  for (const key of KEYED) {
    profile[key] = cleanEntries(raw[key], ENTRY_FIELDS[key], key === 'events', limits.recent)
    evictLeastRecent(profile[key], limits[key])
  }
  return profile
}

type Entry = Record<string, number | number[]>

function mergeEntry(a: Entry, b: Entry, halfLifeMs: number, recentLimit: number): Entry {
  const out: Entry = {}
  const last = Math.max(a.last as number, b.last as number)
  for (const key of Object.keys(a)) {
    const x = a[key]!
    const y = b[key]!
    out[key] =
      key === 'last' || key === 'maxRatio'
        ? Math.max(x as number, y as number)
        : key === 'recent'
          ? [...(x as number[]), ...(y as number[])].sort((p, q) => p - q).slice(-recentLimit)
          : key === 'score'
            ? decay(x as number, last - (a.last as number), halfLifeMs) + decay(y as number, last - (b.last as number), halfLifeMs)
            : (x as number) + (y as number)
  }
  return out
}

/**
 * Merges the stored profile (earlier visits) with the live one (this page
 * load, possibly with behavior recorded before consent was granted). The
 * visitor keeps the stored identity; counts and times add up; the session
 * continues when the stored one saw activity within `sessionTimeoutMs`.
 */
export function mergeProfiles(stored: Profile, live: Profile, options: { limits: Limits; halfLifeMs: number; sessionTimeoutMs: number }): Profile {
  const s = stored.visitor
  const l = live.visitor
  const continues = l.sessionStart - s.lastSeen <= options.sessionTimeoutMs
  const merged: Profile = {
    ...live,
    visitor: {
      id: s.id,
      firstSeen: Math.min(s.firstSeen, l.firstSeen),
      lastSeen: Math.max(s.lastSeen, l.lastSeen),
      // The live profile counts its own sessions from 1; add the ones it began after the first.
      visits: s.visits + (continues ? 0 : 1) + (l.visits - 1),
      sessionId: continues && l.visits === 1 ? s.sessionId : l.sessionId,
      sessionStart: continues && l.visits === 1 ? s.sessionStart : l.sessionStart,
      traits: { ...s.traits, ...l.traits },
    },
    // Extension data: per entry of each key, what this page load set wins.
    state: Object.fromEntries(
      [...new Set([...Object.keys(stored.state), ...Object.keys(live.state)])].map((key) => {
        const a = stored.state[key]
        const b = live.state[key]
        return [key, isObject(a) && isObject(b) ? { ...a, ...b } : b === undefined ? a! : b]
      }),
    ),
  }
  for (const key of KEYED) {
    const into: Record<string, Entry> = { ...(stored[key] as unknown as Record<string, Entry>) }
    for (const [id, entry] of Object.entries(live[key] as unknown as Record<string, Entry>)) {
      const existing = entryOf(into, id)
      into[id] = existing ? mergeEntry(existing, entry, options.halfLifeMs, options.limits.recent) : entry
    }
    evictLeastRecent(into as never, options.limits[key])
    merged[key] = into as never
  }
  return merged
}

/** What is stored under the profile's key: the state and the version of its shape. */
export interface StoredValue {
  state: PersistedState
  version: number
}

export interface PersistAdapter {
  /** The stored value, or null when there is none or it is unreadable (reported). */
  getItem: (name: string) => StoredValue | null
  /** Writes, gathered: at most once per delay, at once when the page hides. Nothing without `allowed()`. */
  setItem: (name: string, value: StoredValue) => void
  /** Writes a pending change now. */
  flush: () => void
  /** Drops a pending change without writing it. */
  cancel: () => void
  /**
   * Watches for the page going away while something is waiting: a change to
   * write, or (say the tracker) events not yet committed. Call it when events
   * are queued, so the click that navigates away is saved too.
   */
  watch: () => void
}

export interface PersistAdapterOptions {
  storage: StorageLike
  /** Whether storage may be written now (consent granted, not read-only). */
  allowed(): boolean
  /** Writes are gathered and made at most once per this many ms. */
  delayMs: number
  /** Reports unreadable data (and why) once per read. */
  onUnreadable(reason: string): void
  /** Called before a write forced by the page going away, to include queued events. */
  beforeHide(): void
}

/**
 * The storage adapter of the profile. It parses and checks
 * what it reads (unreadable data reads as nothing, reported once), writes
 * nothing unless `allowed()`, and gathers the writes that follow every commit
 * into one `setItem` per `delayMs`, written at once when the page is hidden
 * or unloaded so nothing is lost.
 */
export function createPersistAdapter(options: PersistAdapterOptions): PersistAdapter {
  const { storage } = options
  let pending: { name: string; value: StoredValue } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let watching = false
  // Read when used, never once at creation: a write timer can fire after the
  // page's globals are gone (a test environment torn down, a closed window),
  // and a browser-made adapter may run where there is no document (#10).
  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'

  const onHide = (event: Event) => {
    if (event.type !== 'pagehide' && !hidden()) return
    options.beforeHide()
    adapter.flush()
  }
  const listen = (on: boolean) => {
    if (watching === on) return
    watching = on
    const method = on ? 'addEventListener' : 'removeEventListener'
    const page = globalThis as Partial<Pick<typeof globalThis, 'addEventListener' | 'removeEventListener'>>
    if (typeof page[method] === 'function') page[method]('pagehide', onHide)
    if (typeof document !== 'undefined' && typeof document[method] === 'function') document[method]('visibilitychange', onHide)
  }

  const adapter: PersistAdapter = {
    getItem(name) {
      const raw = storage.getItem(name)
      if (raw == null) return null
      let parsed: unknown
      try {
        parsed = JSON.parse(raw)
      } catch {
        options.onUnreadable('it is not valid JSON')
        return null
      }
      // The version first: data of a newer build may have any shape, and
      // migrate() must see it to leave it alone.
      if (isObject(parsed) && isFinite(parsed.version) && (parsed.version > STORED_VERSION || isObject(parsed.state))) {
        return parsed as unknown as StoredValue
      }
      options.onUnreadable('it is not an Attune profile')
      return null
    },
    setItem(name, value) {
      if (!options.allowed()) return
      pending = { name, value }
      if (options.delayMs <= 0 || hidden()) return adapter.flush()
      listen(true)
      timer ??= setTimeout(adapter.flush, options.delayMs)
    },
    flush() {
      const write = pending
      adapter.cancel()
      if (write && options.allowed()) storage.setItem(write.name, JSON.stringify(write.value))
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      pending = null
      listen(false)
    },
    watch() {
      if (options.allowed()) listen(true)
    },
  }
  return adapter
}
