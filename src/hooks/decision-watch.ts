import type { DecisionAttune } from '../engine/with-decisions'
import { decisionInputsChanged } from '../engine/variant-choice'

type Watch = (listener: () => void) => () => void

/** One watch per instance, shared by every component that decides. */
const watches = new WeakMap<DecisionAttune, Watch>()

/**
 * Like `attune.watchDecisions`, for `decide` and `arm` snapshots: calls
 * `listener` when the segments change, and after the commits that can change
 * a decision (`decisionInputsChanged`), not after every commit. One store
 * subscription per instance, made for the first listener and ended after the
 * last, fans out to every component: a commit that changes no decision costs
 * one check, not one per mounted component. A segment change that makes N
 * components write their variant history is N such commits (issue #11).
 */
export function watchChoices(attune: DecisionAttune): Watch {
  let watch = watches.get(attune)
  if (watch) return watch
  const listeners = new Set<() => void>()
  let stop: (() => void) | null = null
  watch = (listener) => {
    const segments = attune.watchSegments(listener)
    listeners.add(listener)
    stop ??= attune.subscribe((profile, previous) => {
      if (decisionInputsChanged(profile, previous)) listeners.forEach((each) => each())
    })
    return () => {
      segments()
      listeners.delete(listener)
      if (!listeners.size && stop) {
        stop()
        stop = null
      }
    }
  }
  watches.set(attune, watch)
  return watch
}
