import type { Attune, ProfileListener } from '../core'
import type { DecisionAttune } from '../engine/with-decisions'
import { decisionInputsChanged } from '../engine/variant-choice'

type Watch = (listener: () => void) => () => void
type Changed = (profile: Parameters<ProfileListener>[0], previous: Parameters<ProfileListener>[1]) => boolean

/**
 * A watch of the commits for which `changed` holds, shared by every
 * component of an instance: one store subscription, made for the first
 * listener and ended after the last, fans out to them all. A commit that
 * concerns none of them costs one check, not one per mounted component: a
 * segment change that makes N components write their variant history is N
 * commits, and N components that each heard of all of them made the change
 * quadratic (issue #11). `also` adds a watch of the listener's own (segments).
 */
function sharedWatch(attune: Attune, changed: Changed, also?: Watch): Watch {
  const listeners = new Set<() => void>()
  let stop: (() => void) | null = null
  return (listener) => {
    const other = also?.(listener)
    listeners.add(listener)
    stop ??= attune.subscribe((profile, previous) => {
      if (changed(profile, previous)) listeners.forEach((each) => each())
    })
    return () => {
      other?.()
      listeners.delete(listener)
      if (!listeners.size && stop) {
        stop()
        stop = null
      }
    }
  }
}

const once = <A extends object>(make: (attune: A) => Watch) => {
  const made = new WeakMap<A, Watch>()
  return (attune: A): Watch => {
    let watch = made.get(attune)
    if (!watch) made.set(attune, (watch = make(attune)))
    return watch
  }
}

/**
 * For `decide` and `arm` snapshots: calls `listener` when the segments
 * change, and after the commits that can change a decision
 * (`decisionInputsChanged`), not after every commit.
 */
export const watchChoices = once((attune: DecisionAttune) => sharedWatch(attune, decisionInputsChanged, attune.watchSegments))

/** For snapshots of the visitor's traits: calls `listener` after the commits that change them. */
export const watchTraits = once((attune: Attune) => sharedWatch(attune, (profile, previous) => profile.visitor.traits !== previous.visitor.traits))
