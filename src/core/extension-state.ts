/**
 * Extension state: `profile.state[key][id]`, data that extensions of the
 * core (the decision engine) keep with the profile, so that it is stored,
 * merged and erased with it, under the same consent. Written directly by
 * `writeState`, never through the behavior pipeline: it is not behavior.
 */
import type { StoreApi } from 'zustand/vanilla'
import { entryOf } from './bounded'
import { createCommitQueue, type CommitQueue } from './commit-queue'
import { devWarn } from './dev'
import { isObject } from './guards'
import { expectedOf, isKey } from './profile-schema'
import type { Json, Profile } from './profile'

/**
 * A value to write, or a function of the value there now, called when the
 * write lands; it returns the new value, or `current` itself (or undefined)
 * to write nothing.
 */
export type StateUpdate = Json | ((current: Json | undefined) => Json | undefined)

/**
 * A copy of `value` if it is JSON (null, booleans, strings, finite numbers,
 * arrays and plain objects of them, not nested deeper than 32), else
 * undefined. A copy, so a caller that changes its object later changes
 * nothing in the profile.
 */
export function copyJson(value: unknown, levels = 32): Json | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value)) return value as Json
  // `levels` of objects are left to copy: deeper than 32, a value is surely a mistake (or a cycle).
  if (typeof value !== 'object' || !levels) return undefined
  const array = Array.isArray(value)
  const proto = Object.getPrototypeOf(value) as unknown
  if (!array && proto !== Object.prototype && proto !== null) return undefined
  const out: Json[] & Record<string, Json> = (array ? [] : {}) as Json[] & Record<string, Json>
  for (const [key, item] of Object.entries(value)) {
    const copy = copyJson(item, levels - 1)
    if (copy === undefined || key === '__proto__') return undefined
    // Pushed: an array with holes is copied without them, as before.
    if (array) out.push(copy)
    else out[key] = copy
  }
  return out
}

/** Why a write is refused, for development messages. */
export function describeBadWrite(key: unknown, id: unknown): string {
  const expected = expectedOf('key')
  if (!isKey(key)) return `the key must be ${expected}, got ${JSON.stringify(key) ?? typeof key}`
  if (!isKey(id)) return `the id must be ${expected}, got ${JSON.stringify(id) ?? typeof id}`
  return `the value of "${key}"/"${id}" is not JSON (finite numbers, strings, booleans, null, arrays and plain objects)`
}

/**
 * An instance's `writeState` over its store, the profile it reads, and its
 * commit queue (`serial`), through which every other change of the store
 * goes. A write lands, in its turn in the queue, in a draft of the profile
 * that `profile()` returns; the writes of one task are committed together
 * (one store update, one notification of the listeners, one storage write)
 * at the end of the task, or before the next change that `serial` runs. One
 * update per write copied the whole `state[key]` record (every component's
 * entry) and told every listener: N components writing their variant
 * history on one segment change cost N² (issue #11). `flush` commits the
 * events recorded before a write. Arguments, not an options object: the
 * minifier shortens them.
 */
export function stateWriter(store: StoreApi<{ profile: Profile }>, flush: () => void) {
  const queue = createCommitQueue()
  // The profile with the writes not committed yet. Nothing else changes the
  // store while there is one; its records under the keys written since are
  // its own copies, changed in place.
  let draft: Profile | null = null
  const commit = () =>
    queue(() => {
      const next = draft
      draft = null
      if (next) store.setState({ profile: next })
    })
  const serial: CommitQueue = (update) => {
    commit()
    queue(update)
  }
  const write = (key: string, id: string, value: StateUpdate): void => {
    // A function is an update; anything else is copied, or refused when it is not JSON.
    const update = typeof value === 'function'
    const copy = update ? undefined : copyJson(value)
    // Keys and ids: non-empty strings of at most MAX_KEY_LENGTH characters, not `__proto__`.
    if (!isKey(key) || !isKey(id) || (!update && copy === undefined)) {
      if (__DEV__) devWarn(`writeState() ignored a write: ${describeBadWrite(key, id)}.`)
      return
    }
    const visitor = store.getState().profile.visitor.id
    // Events recorded before this write come first in the profile's history.
    flush()
    queue(() => {
      const base = store.getState().profile
      // forget() came first: the write was for a visitor who is gone.
      if (base.visitor.id !== visitor) return
      let next = copy
      if (update) {
        const into = (draft ?? base).state[key]
        const current = isObject(into) ? entryOf(into as Record<string, Json>, id) : undefined
        const result = value(current)
        // Nothing to write when the update kept the value or returned undefined (copyJson gives undefined for it).
        next = result === current ? undefined : copyJson(result)
        if (__DEV__ && next === undefined && result !== current && result !== undefined) {
          devWarn(`writeState("${key}", "${id}") ignored an update that returned a value that is not JSON.`)
        }
      }
      if (next === undefined) return
      // The first write of the task makes the draft, and has it committed at the end of the task.
      const { state } = (draft ??= (queueMicrotask(commit), { ...base, state: { ...base.state } }))
      const into = state[key]
      ;(into !== base.state[key] ? (into as Record<string, Json>) : (state[key] = { ...(isObject(into) ? into : {}) }))[id] = next
    })
  }
  return [write, () => draft ?? store.getState().profile, serial] as const
}
