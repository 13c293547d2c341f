import { createStore } from 'zustand/vanilla'
import { aggregate, type AggregateConfig } from './aggregate'
import { CONSENT_VALUES, initialConsent, type Consent } from './consent'
import { detectContext } from './context'
import { describeError, devWarn, warn } from './dev'
import { formatDuration, parseDuration, type Duration } from './duration'
import { isFiniteNumber, isObject } from './guards'
import type { BehaviorEvent } from './events'
import { stateWriter, type StateUpdate } from './extension-state'
import {
  NewerVersionError,
  STORED_VERSION,
  createPersistAdapter,
  mergeProfiles,
  migrate,
  sanitizeProfile,
  type PersistedState,
} from './persistence'
import { DEFAULT_LIMITS, createProfile, type Limits, type Profile, type Trait } from './profile'
import { failSafeStorage, keysWithPrefix, resolveStorage, type StorageOption } from './storage'
import { createTracker, type Schedule } from './tracker'

/** A session ends after 30 minutes without activity, as in Google Analytics. */
const SESSION_TIMEOUT_MS = 30 * 60 * 1000
/** Custom event scores halve every day by default. */
const HALF_LIFE_MS = 24 * 60 * 60 * 1000
/** Behavior samples: what may wait for a commit when no listener needs it (see `subscribe`). */
const SAMPLES: readonly BehaviorEvent['type'][] = ['scroll', 'view', 'dwell', 'page-dwell', 'hover']
/** Writes to storage are gathered for up to a second (and made at once when the page hides). */
const PERSIST_DELAY_MS = 1000

export interface AttuneOptions {
  /** Consent at start. Default: `'pending'`, or `'denied'` when the browser sends GPC or Do Not Track. */
  consent?: Consent
  /** Where the profile is kept once consent is granted. Default `'local'` (localStorage). */
  storage?: StorageOption
  /** Prefix of every storage key Attune writes. Default `'attune'`. */
  storageKey?: string
  /** The clock, in epoch ms. Default `Date.now`. */
  now?: () => number
  /** When recorded events are committed; see {@link Schedule}. */
  schedule?: Schedule
  /** Half-life of custom event scores (more than 0), such as `"12h"`. Default one day. */
  halfLife?: Duration
  /** Inactivity that ends a session, such as `"30m"`. Default 30 minutes. */
  sessionTimeout?: Duration
  /** Storage writes are gathered for up to this long. Default `"1s"`; 0 writes on every commit. */
  persistDelay?: Duration
  /** Overrides for the collection bounds; see {@link DEFAULT_LIMITS}. */
  limits?: Partial<Limits>
  /**
   * The profile to start from instead of a fresh one: the one the server
   * rendered with, say. Give the same one on the server and in the browser:
   * server rendering and hydration then decide from it, and show the same
   * variants. Checked like stored data; an invalid one is reported and left out.
   */
  initialProfile?: Profile
}

export type ProfileListener = (profile: Profile, previous: Profile) => void

/**
 * Which behavior samples (`scroll`, `view`, `dwell`, `page-dwell` and
 * `hover` events) a listener needs in the profile within the frame they
 * are recorded in, given the profile as committed: the decision engine
 * needs the scroll sample that crosses a rule's threshold, say, and none
 * that crosses nothing.
 */
export type SampleNeed = (event: BehaviorEvent, profile: Profile) => boolean

/**
 * An Attune instance: the behavior store, its tracker and its consent state.
 * Its functions do not depend on `this`: `const { track } = attune` works.
 */
export interface Attune {
  /** Records a behavior event; it is committed with the next batch. */
  record: (event: BehaviorEvent) => void
  /** Records a custom event, such as `track('add_to_cart', { sku })`. */
  track: (name: string, props?: Record<string, unknown>) => void
  /** Adds traits to the visitor (strings, finite numbers, booleans or null). */
  identify: (traits: Record<string, Trait>) => void
  setConsent: (consent: Consent) => void
  getConsent: () => Consent
  /** Erases the stored profile and every key Attune wrote, and starts over with a new anonymous visitor. */
  forget: () => void
  /** The profile: queued events are not in it until the next commit; state written is, at once. */
  getProfile: () => Profile
  /**
   * Calls `listener` after every commit that changed the profile; returns the
   * unsubscribe function. A commit made while listeners are being called (a
   * listener that records or writes state) runs once they all have been, and
   * they are then called again for it: every listener hears of every change,
   * in order.
   *
   * With `needs`, samples it returns false for may reach the listener up
   * to half a second later (with the next commit), where the default
   * schedule would commit them at the next frame; without, the listener
   * needs them all. When no listener needs a sample, scrolling costs no
   * store update per frame.
   */
  subscribe: (listener: ProfileListener, needs?: SampleNeed) => () => void
  /**
   * Sets `profile.state[key][id]`: data of an extension of the core (the
   * decision engine keeps exposures, nudge history and model weights so).
   * It is not behavior: it bypasses the tracker, lands at once (after the
   * events recorded before it; `getProfile()` holds it when the call
   * returns), and is no visitor activity. The writes of one task are
   * committed together at its end (listeners hear of them, and storage, in
   * one change), or before the next commit or `flush()`; one made while
   * listeners are being called lands once they all have been. `value` is
   * JSON, or a function of the value there now, called when the write lands.
   * Like the rest of the profile it is kept in memory, stored only under
   * consent, and erased by `forget()` and by consent denied. A write made
   * for a visitor that `forget()` replaced before it landed is dropped. Bad
   * keys and values that are not JSON are ignored with a development warning.
   */
  writeState: (key: string, id: string, value: StateUpdate) => void
  /**
   * Commits queued events and state writes now, and writes pending storage
   * changes: now, or when the `persistDelay` since the last write is over
   * (at once if the page hides first), so that storage is written at most
   * once per `persistDelay`.
   */
  flush: () => void
  /** The instance's clock. */
  now: () => number
  /** Half-life of custom event scores, in ms. */
  readonly halfLifeMs: number
  /** The `initialProfile` option, as checked, or null without one. Server rendering and hydration decide from it. */
  readonly initialProfile: Profile | null
}

interface State {
  profile: Profile
}

/**
 * The option `name` in ms: its default when not given, and its default with a
 * development warning when it is not a duration of at least `min` ms.
 */
function durationOption(options: AttuneOptions, name: 'halfLife' | 'sessionTimeout' | 'persistDelay', fallback: number, min = 0): number {
  const value = options[name]
  if (value === undefined) return fallback
  const ms = parseDuration(value)
  if (ms !== null && ms >= min) return ms
  if (__DEV__) {
    devWarn(`createAttune() ignored ${name}: expected a duration${min > 0 ? ' above 0' : ''} such as 1000 or "30s", got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}; using ${formatDuration(fallback)}.`)
  }
  return fallback
}

/** The collection bounds: the defaults, with the valid overrides of `options.limits`. */
function limitsOf(options: AttuneOptions): Limits {
  const limits = { ...DEFAULT_LIMITS }
  for (const [key, value] of Object.entries(options.limits ?? {}) as [keyof Limits, unknown][]) {
    // A bound that is not a positive number would evict everything, or nothing.
    if (Object.hasOwn(DEFAULT_LIMITS, key) && isFiniteNumber(value) && value >= 1) limits[key] = Math.floor(value)
    else if (__DEV__) devWarn(`createAttune() ignored limits.${key}: expected a number ≥ 1, got ${String(value)}.`)
  }
  return limits
}

/**
 * The `initialProfile` option, checked: the profile the live one starts
 * from (this browser's context), and the one server rendering and
 * hydration decide from (the given context and page, as the server had
 * them). Both null without a usable one.
 */
function startingProfiles(given: unknown, fresh: () => Profile, limits: Limits): [started: Profile | null, initial: Profile | null] {
  if (given === undefined) return [null, null]
  const started = sanitizeProfile(given, fresh(), limits)
  if (!started) {
    if (__DEV__) devWarn('createAttune() ignored initialProfile: it is not a profile (see createProfile); starting a fresh one.')
    return [null, null]
  }
  const { context, page } = given as Profile
  return [started, isObject(context) ? { ...started, context: { ...started.context, ...context }, page: typeof page === 'string' ? page : null } : started]
}

/**
 * An instance. One closure on purpose, past the house's 80 lines: every
 * method reads and sets the same few facts of the instance (consent, read
 * only, forgetting, hydrated) and shares the store, the tracker, the
 * adapter and the commit queue. Cut into factories, that state would travel
 * in option objects whose property names a minifier keeps (the engine's
 * parts cost 1.6 kB minified so); the pure steps live in the functions
 * above and in the modules it imports.
 */
export function createAttune(options: AttuneOptions = {}): Attune {
  const now = options.now ?? Date.now
  const limits = limitsOf(options)
  const config: AggregateConfig = {
    limits,
    halfLifeMs: durationOption(options, 'halfLife', HALF_LIFE_MS, 1),
    sessionTimeoutMs: durationOption(options, 'sessionTimeout', SESSION_TIMEOUT_MS),
  }
  const prefix = (options.storageKey ?? 'attune') + ':'
  const name = prefix + 'profile'
  let consent = initialConsent(options.consent)
  // Set while the stored data is of a newer version than this build: it is
  // left untouched, and this page keeps its profile in memory.
  let readOnly = false
  let forgetting = false
  // Whether the stored profile has been merged into the live one: a second
  // grant (granted, pending, granted) must not merge the same data again.
  let hydrated = false
  const backend = resolveStorage(options.storage)
  const storage = failSafeStorage(backend, (error) =>
    warn(`storage failed (${describeError(error)}); the profile is kept in memory for the rest of this page's life.`),
  )
  const fresh = () => {
    const time = now()
    return createProfile(time, detectContext(time))
  }
  const [started, initialProfile] = startingProfiles(options.initialProfile, fresh, limits)

  const unreadable = (reason: string) => warn(`the stored profile "${name}" was unreadable (${reason}); starting a fresh profile.`)
  const adapter = createPersistAdapter({
    storage,
    allowed: () => consent === 'granted' && !readOnly && !forgetting,
    delayMs: durationOption(options, 'persistDelay', PERSIST_DELAY_MS),
    onUnreadable: unreadable,
    beforeHide: () => serial(tracker.flush),
  })

  const store = createStore<State>()(() => ({ profile: started ?? fresh() }))
  // Every change of the store goes through `serial`, so that listeners that
  // change the profile again are heard in order (see subscribe); the state
  // written before a change is committed first.
  const [writeState, profile, serial] = stateWriter(store, () => tracker.flush())
  // Set while the stored profile is read in: reading writes nothing.
  let restoring = false
  // Every commit is written (gathered by the adapter; only under consent).
  store.subscribe((state) => {
    if (!restoring) adapter.setItem(name, { state: { profile: state.profile }, version: STORED_VERSION })
  })

  // What each subscriber needs of behavior samples (nothing given: every one).
  const needs = new Set<[SampleNeed?]>()
  const tracker = createTracker({
    now,
    schedule: options.schedule,
    maxPending: limits.pending,
    onQueued: adapter.watch,
    canWait(event) {
      const { profile } = store.getState()
      // A sample that starts a new session changes the visit count at once.
      if (!SAMPLES.includes(event.type) || now() - profile.visitor.lastSeen > config.sessionTimeoutMs) return false
      for (const [need] of needs) if (need?.(event, profile) ?? true) return false
      return true
    },
    commit: (events, times) => serial(() => store.setState({ profile: aggregate(store.getState().profile, events, times, config) })),
  })

  /** Reads the stored profile into the live one, once per instance. */
  const hydrate = () => {
    hydrated = true
    const stored = adapter.getItem(name)
    if (!stored) return
    let profile: Profile | null
    try {
      profile = sanitizeProfile((migrate(stored.state, stored.version) as Partial<PersistedState> | null)?.profile, store.getState().profile, limits)
    } catch (error) {
      if (error instanceof NewerVersionError) {
        readOnly = true
        warn(`${error.message}; it is left untouched and this page keeps its profile in memory.`)
      } else {
        unreadable(describeError(error))
      }
      return
    }
    if (!profile) return unreadable('it failed validation')
    // An initialProfile of this very visitor came from the stored one (the
    // server kept it): merging the two would count its behavior twice. The
    // stored profile, with this page's context, is the newer copy.
    const same = started?.visitor.id === profile.visitor.id
    serial(() => {
      restoring = true
      try {
        store.setState({ profile: same ? profile : mergeProfiles(profile, store.getState().profile, config) })
      } finally {
        restoring = false
      }
    })
  }

  // Reading only: nothing is written until the first commit, so an instance
  // made and dropped during render (StrictMode) leaves storage as it was.
  if (consent === 'granted') hydrate()

  const attune: Attune = {
    record: tracker.record,
    track(name, props) {
      tracker.record(props === undefined ? { type: 'track', name } : { type: 'track', name, props })
    },
    identify(traits) {
      tracker.record({ type: 'identify', traits })
    },
    setConsent(next) {
      if (!CONSENT_VALUES.includes(next)) {
        if (__DEV__) devWarn(`setConsent() ignored ${JSON.stringify(next)}; expected 'granted', 'denied' or 'pending'.`)
        return
      }
      if (next === consent) return
      // Commit what was recorded under the old consent first: a grant must
      // read the stored profile before anything can overwrite it.
      tracker.flush()
      consent = next
      if (next === 'granted') {
        if (!hydrated) hydrate()
        // Save what the merge produced (a new visit, behavior from before consent).
        serial(() => store.setState({}))
        return
      }
      adapter.cancel()
      // Refusing consent erases what an earlier consent stored.
      if (next === 'denied') removeStored()
    },
    getConsent: () => consent,
    forget() {
      tracker.clear()
      // In the queue, so that no commit queued before it writes storage after the erasure.
      serial(() => {
        adapter.cancel()
        removeStored()
        readOnly = false
        // The fresh profile stays in memory until the next event is committed.
        forgetting = true
        try {
          store.setState({ profile: fresh() })
        } finally {
          forgetting = false
        }
      })
    },
    getProfile: profile,
    subscribe(listener, need) {
      const entry: [SampleNeed?] = [need]
      needs.add(entry)
      const stop = store.subscribe((state, previous) => {
        if (state.profile !== previous.profile) listener(state.profile, previous.profile)
      })
      return () => {
        needs.delete(entry)
        stop()
      }
    },
    writeState,
    flush() {
      // The state written, then the events queued after it.
      serial(tracker.flush)
      adapter.flush(true)
    },
    now,
    halfLifeMs: config.halfLifeMs,
    initialProfile,
  }

  /** Removes every key Attune wrote, from the real storage too when a failure put memory in its place. */
  function removeStored() {
    readOnly = false
    for (const target of [storage, backend]) {
      try {
        for (const key of new Set([name, ...keysWithPrefix(target, prefix)])) target.removeItem(key)
      } catch {
        // The real storage still fails: what it holds cannot be reached.
      }
    }
  }

  return attune
}
