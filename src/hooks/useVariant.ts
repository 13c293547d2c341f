import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { EMPTY_PROFILE } from '../core'
import { watchChoices } from './shared-watch'
import type { Traits } from './useTemplate'
import type { DecideOptions } from '../engine/with-decisions'
import type { Decision, Variants } from '../engine/variants'
import { useDecisions } from '../providers/AttuneContext'
import { unguarded, type FailSafe } from './useFailSafe'

export interface VariantOptions {
  /** The experiment whose arm picks among the variants. */
  experiment?: string
  /**
   * Given (from `useFailSafe`), an error of the engine does not throw: the
   * hook returns the `default` variant, and the fail-safe reports the error
   * once, after the render.
   */
  safe?: FailSafe
}


/**
 * useVariant as the server renders it: the variant the instance's
 * `initialProfile` selects, which hydration shows too, and the traits its
 * templates fill from. Nothing to watch, memoize or log on the server
 * (effects do not run there): one context read and one `decide`. An error of
 * the engine returns `default` (a server render has no commit to report it after).
 */
export function useInitialVariant<V>(id: string, variants: Variants<V>, experiment?: string): [Decision<V>, Traits] {
  const attune = useDecisions('useVariant')
  let decision: Decision<V>
  try {
    decision = attune.decide(id, variants, { initial: true, experiment })
  } catch {
    decision = { variant: (variants as Partial<Variants<V>> | null)?.default as V, key: 'default', segment: null, arm: null }
  }
  return [decision, (attune.initialProfile ?? EMPTY_PROFILE).visitor.traits]
}

/**
 * The variant of a component for the visitor's segments and arm (see
 * `decide`). Re-renders only when the chosen variant changes; once shown, the
 * choice counts toward the component's change limit and logs the exposure.
 * Server rendering and hydration show the variant the instance's
 * `initialProfile` selects, or `default` without one.
 */
export function useVariant<V>(id: string, variants: Variants<V>, options: VariantOptions = {}): Decision<V> {
  const attune = useDecisions('useVariant')
  const { experiment, safe } = options
  const guard = safe ?? unguarded
  // Snapshots read what the engine last computed and evaluate nothing:
  // rendering must not change the store. The option objects are made once,
  // not per call (an absent experiment is `undefined`, as the engine reads it).
  const [decide, decideInitial] = useMemo(() => {
    const fallback: Decision<V> = { variant: (variants as Partial<Variants<V>> | null)?.default as V, key: 'default', segment: null, arm: null }
    const decideWith = (how: DecideOptions) => () => guard.read(() => attune.decide(id, variants, how), fallback)
    return [decideWith({ refresh: false, experiment }), decideWith({ initial: true, experiment })]
  }, [attune, id, variants, experiment, guard])
  // Told of segment changes, and of the commits that can change the choice:
  // not of every other component's history write.
  const subscribe = watchChoices(attune)
  // The key is the snapshot: a string, so React re-renders only when it changes.
  const key = useSyncExternalStore(
    subscribe,
    () => decide().key,
    () => decideInitial().key,
  )
  const decision = useMemo<Decision<V>>(() => {
    const current = decide()
    if (current.key === key) return current
    const initial = decideInitial()
    return initial.key === key ? initial : { variant: variants[key] ?? variants.default, key, segment: null, arm: null }
  }, [decide, decideInitial, key, variants])
  const { segment, arm } = decision
  // After the commit: the variant is on screen. Keyed on the choice, not on
  // the variants object (often a new one each render).
  useEffect(() => {
    // A hydration render shows the initial choice for a moment, whatever the
    // visitor will see: it is not a change of variant, and not an exposure.
    if (decide().key !== key) return
    guard.call(() => attune.shown(id, { variant: undefined, key, segment, arm }, { experiment }), undefined)
  }, [attune, decide, id, key, segment, arm, experiment, guard])
  return decision
}
