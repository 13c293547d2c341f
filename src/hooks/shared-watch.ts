import type { Attune, Profile } from '../core'
import type { DecisionAttune } from '../engine/with-decisions'
import { decisionInputsChanged } from '../engine/variant-choice'

type Watch = (listener: () => void) => () => void

/**
 * Watches of the commits for which `changed` holds, one per instance and
 * shared by every component: one store subscription, made for the first
 * listener and ended after the last, fans out to them all. A commit that
 * concerns none of them costs one check, not one per mounted component: a
 * segment change that makes N components write their variant history is N
 * commits, and N components that each heard of all of them made the change
 * quadratic (issue #11). `also` adds a watch of the instance's own.
 */
function sharedWatch<A extends Attune>(changed: (profile: Profile, previous: Profile) => boolean, also?: (attune: A) => Watch) {
  const made = new WeakMap<A, Watch>()
  return (attune: A): Watch => {
    let watch = made.get(attune)
    if (watch) return watch
    const listeners = new Set<() => void>()
    let stop: (() => void) | undefined
    watch = (listener) => {
      const other = also?.(attune)(listener)
      listeners.add(listener)
      // What they watch changes with state and events, not with behavior samples.
      stop ??= attune.subscribe((profile, previous) => {
        if (changed(profile, previous)) listeners.forEach((each) => each())
      }, () => false)
      return () => {
        other?.()
        listeners.delete(listener)
        if (!listeners.size) {
          stop?.()
          stop = undefined
        }
      }
    }
    made.set(attune, watch)
    return watch
  }
}

/**
 * For `decide` and `arm` snapshots: calls `listener` when the segments
 * change, and after the commits that can change a decision
 * (`decisionInputsChanged`), not after every commit.
 */
export const watchChoices = sharedWatch<DecisionAttune>(decisionInputsChanged, (attune) => attune.watchSegments)

/** For snapshots of the visitor's traits: calls `listener` after the commits that change them. */
export const watchTraits = sharedWatch((profile, previous) => profile.visitor.traits !== previous.visitor.traits)
