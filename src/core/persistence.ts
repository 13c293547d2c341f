/**
 * How the profile is stored: the persisted shape and its version, migrations,
 * validation of what comes back from storage, the merge of a stored profile
 * with the live one, and the storage adapter (consent gate, write
 * throttling, corruption handling).
 */
import { entryOf, evictLeastRecent } from './bounded'
import { isFiniteNumber as isFinite, isObject } from './guards'
import { pageHidden } from './page'
import { PROFILE_VERSION, type KeyedCollection, type Limits, type Profile } from './profile'
import { fieldsOf, mergeEntry, type Entry, type EntryMergeOptions, type Fields } from './entry-merge'
import { PROFILE_SCHEMA, isField, kindOf, type EntrySchema, type ProfileSchema } from './profile-schema'
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

/** A clean copy of `raw` with exactly `fields`, or null when one of them is not of its kind. */
function cleanEntry(raw: Entry, fields: Fields, limits: Limits): Entry | null {
  const clean: Entry = {}
  for (const [name, spec] of fields) {
    const kind = kindOf(spec)
    const value = kind.repair ? kind.repair(raw[name], limits) : raw[name]
    if (!kind.check(value)) return null
    clean[name] = value
  }
  return clean
}

/** The valid entries of a stored collection; damaged ones are left out. */
function cleanEntries(raw: unknown, fields: Fields, limits: Limits): Record<string, never> {
  const out: Record<string, Entry> = {}
  if (!isObject(raw)) return out as Record<string, never>
  for (const [key, entry] of Object.entries(raw)) {
    const clean = key === '__proto__' || !isObject(entry) ? null : cleanEntry(entry, fields, limits)
    if (clean) out[key] = clean
  }
  return out as Record<string, never>
}

/** The visitor's fields, checked and repaired by kind, or null when one is unusable. */
function cleanVisitor(raw: Entry, schema: ProfileSchema, limits: Limits): Profile['visitor'] | null {
  const part = schema.fixed.visitor
  const visitor = part === undefined || isField(part) ? null : (cleanEntry(raw, fieldsOf(part), limits) as Profile['visitor'] | null)
  if (visitor) visitor.visits = Math.max(1, visitor.visits)
  return visitor
}

/**
 * Checks a profile read from storage against `schema`. Returns a clean copy
 * (unknown fields dropped, damaged entries left out, collections trimmed to
 * their limits), or null when its core (the visitor) is unusable. The
 * current page, context, scroll and idle describe this page load, so they
 * come from `live`, never from storage.
 */
export function sanitizeProfile(raw: unknown, live: Profile, limits: Limits, schema: ProfileSchema = PROFILE_SCHEMA): Profile | null {
  if (!isObject(raw) || !isObject(raw.visitor)) return null
  const visitor = cleanVisitor(raw.visitor, schema, limits)
  if (!visitor) return null
  const profile: Profile = {
    ...live,
    visitor,
    // Extensions validate their own keys when they read them.
    state: isObject(raw.state) ? (raw.state as Profile['state']) : {},
  }
  for (const [key, entry] of Object.entries(schema.entries) as [KeyedCollection, EntrySchema][]) {
    profile[key] = cleanEntries(raw[key], fieldsOf(entry), limits)
    evictLeastRecent(profile[key], limits[key] ?? Infinity)
  }
  return profile
}

export interface MergeOptions extends EntryMergeOptions {
  /** Inactivity that ends a session, in ms. */
  sessionTimeoutMs: number
}

/**
 * Merges the stored profile (earlier visits) with the live one (this page
 * load, possibly with behavior recorded before consent was granted). The
 * visitor keeps the stored identity; entries merge field by field as
 * `schema` says (counts and times spent add up, the latest time and the
 * largest share win, …); the session continues when the stored one saw
 * activity within `sessionTimeoutMs`.
 */
export function mergeProfiles(stored: Profile, live: Profile, options: MergeOptions, schema: ProfileSchema = PROFILE_SCHEMA): Profile {
  const s = stored.visitor
  const l = live.visitor
  const continues = l.sessionStart - s.lastSeen <= options.sessionTimeoutMs
  // The stored session goes on unless this page load already began its own.
  const sameSession = continues && l.visits === 1
  const merged: Profile = {
    ...live,
    visitor: {
      id: s.id,
      firstSeen: Math.min(s.firstSeen, l.firstSeen),
      lastSeen: Math.max(s.lastSeen, l.lastSeen),
      // The live profile counts its own sessions from 1; add the ones it began after the first.
      visits: s.visits + (continues ? 0 : 1) + (l.visits - 1),
      sessionId: sameSession ? s.sessionId : l.sessionId,
      sessionStart: sameSession ? s.sessionStart : l.sessionStart,
      traits: { ...s.traits, ...l.traits },
    },
    state: { ...stored.state },
  }
  // Extension data: per entry of each key, what this page load set wins.
  for (const [key, value] of Object.entries(live.state)) {
    const kept = merged.state[key]
    merged.state[key] = isObject(kept) && isObject(value) ? { ...kept, ...value } : value
  }
  for (const [key, entry] of Object.entries(schema.entries) as [KeyedCollection, EntrySchema][]) {
    const fields = fieldsOf(entry)
    const into: Record<string, Entry> = { ...(stored[key] as unknown as Record<string, Entry>) }
    for (const [id, item] of Object.entries(live[key] as unknown as Record<string, Entry>)) {
      const existing = entryOf(into, id)
      into[id] = existing ? mergeEntry(existing, item, fields, options) : item
    }
    evictLeastRecent(into as never, options.limits[key] ?? Infinity)
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
  /**
   * Writes a pending change now. With `gathered` (the app's `flush()`), only
   * when no write was made within the delay; else the write waits for the
   * delay's timer, so writes stay at most one per delay under the 'manual'
   * schedule too (#11: every `flush()` serialized the whole profile).
   */
  flush: (gathered?: boolean) => void
  /** Drops a pending change without writing it, and stops watching the page (consent withdrawn, forget()). */
  cancel: () => void
  /**
   * Watches for the page going away, from the first change to write or
   * events queued (say the tracker's) until `cancel()`: the click that
   * navigates away is saved too. The listeners stay between writes (#11:
   * they were removed after each gathered write and added again with the
   * next change, four DOM calls a write).
   */
  watch: () => void
}

export interface PersistAdapterOptions {
  storage: StorageLike
  /** Whether storage may be written now (consent granted, not read-only). */
  allowed: () => boolean
  /** Writes are gathered and made at most once per this many ms. */
  delayMs: number
  /** Reports unreadable data (and why) once per read. */
  onUnreadable: (reason: string) => void
  /** Called before a write forced by the page going away, to include queued events. */
  beforeHide: () => void
}

/**
 * The storage adapter of the profile. It parses and checks
 * what it reads (unreadable data reads as nothing, reported once), writes
 * nothing unless `allowed()`, and gathers the writes that follow every commit
 * into one `setItem` per `delayMs` (the first change starts the delay; later
 * ones only replace what will be written), written at once when the page is
 * hidden or unloaded so nothing is lost.
 */
export function createPersistAdapter(options: PersistAdapterOptions): PersistAdapter {
  // Taken apart once: the minifier shortens local names, never property names.
  const { storage, allowed, delayMs, onUnreadable, beforeHide } = options
  // The change to write and its key (kept apart: two variables minify
  // smaller than an object's property names).
  let pending: StoredValue | null = null
  let key = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  let watching = false
  // When the last write was made, in real time (as the timer counts).
  let written = 0

  const onHide = (event: Event) => {
    if (event.type !== 'pagehide' && !pageHidden()) return
    beforeHide()
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
        onUnreadable('it is not valid JSON')
        return null
      }
      // The version first: data of a newer build may have any shape, and
      // migrate() must see it to leave it alone.
      if (isObject(parsed) && isFinite(parsed.version) && (parsed.version > STORED_VERSION || isObject(parsed.state))) {
        return parsed as unknown as StoredValue
      }
      onUnreadable('it is not an Attune profile')
      return null
    },
    setItem(name, value) {
      if (!allowed()) return
      pending = value
      key = name
      if (delayMs <= 0 || pageHidden()) return adapter.flush()
      listen(true)
      timer ??= setTimeout(adapter.flush, delayMs)
    },
    flush(gathered) {
      // A pending write has its timer, started after the last write: it
      // writes once the delay is over. \`<=\`: Date.now() counts whole ms, so
      // a difference of exactly the delay may be a little less in fact.
      if (gathered && Date.now() - written <= delayMs) return
      const write = pending
      // clearTimeout returns undefined: the timer is ended and forgotten.
      timer = clearTimeout(timer) as undefined
      pending = null
      if (write && allowed()) {
        written = Date.now()
        storage.setItem(key, JSON.stringify(write))
      }
    },
    cancel() {
      pending = null
      adapter.flush()
      listen(false)
    },
    watch() {
      if (allowed()) listen(true)
    },
  }
  return adapter
}
