import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import type { DecideOptions } from '../engine/with-decisions'
import type { Decision, Variants } from '../engine/variants'
import { useDecisions } from '../providers/AttuneContext'

export interface VariantOptions {
  /** The experiment whose arm picks among the variants. */
  experiment?: string
  /**
   * Given, an error of the engine does not throw: the hook returns the
   * `default` variant and passes the error here (after the render, not in it).
   */
  onError?: (error: unknown) => void
}

const NO_ERROR = Symbol('no error')

/**
 * The variant of a component for the visitor's segments and arm (see
 * `decide`). Re-renders only when the chosen variant changes; once shown, the
 * choice counts toward the component's change limit and logs the exposure.
 * Server rendering and hydration show the variant the instance's
 * `initialProfile` selects, or `default` without one.
 */
export function useVariant<V>(id: string, variants: Variants<V>, options: VariantOptions = {}): Decision<V> {
  const attune = useDecisions('useVariant')
  const { experiment, onError } = options
  const guarded = onError !== undefined
  // An error caught while rendering, reported once the render is committed.
  const failure = useRef<unknown>(NO_ERROR)
  const decideWith = useCallback(
    (how: DecideOptions): Decision<V> => {
      const decideOptions = experiment === undefined ? how : { ...how, experiment }
      if (!guarded) return attune.decide(id, variants, decideOptions)
      try {
        return attune.decide(id, variants, decideOptions)
      } catch (error) {
        failure.current = error
        return { variant: (variants as Partial<Variants<V>> | null)?.default as V, key: 'default', segment: null, arm: null }
      }
    },
    [attune, id, variants, experiment, guarded],
  )
  // Snapshots read what the engine last computed and evaluate nothing:
  // rendering must not change the store.
  const decide = useCallback(() => decideWith({ refresh: false }), [decideWith])
  const decideInitial = useCallback(() => decideWith({ initial: true }), [decideWith])
  // The key is the snapshot: a string, so React re-renders only when it changes.
  // The snapshots (and the memo below) may note an engine error in `failure`
  // for the effect at the end to report: nothing React renders depends on it.
  const key = useSyncExternalStore(
    attune.watchDecisions,
    () => decide().key,
    () => decideInitial().key,
  )
  const decision = useMemo<Decision<V>>(() => {
    // eslint-disable-next-line react-hooks/refs -- see above
    const current = decide()
    if (current.key === key) return current
    // eslint-disable-next-line react-hooks/refs -- see above
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
    try {
      attune.shown(id, { variant: undefined, key, segment, arm }, experiment === undefined ? {} : { experiment })
    } catch (error) {
      if (!guarded) throw error
      failure.current = error
    }
  }, [attune, decide, id, key, segment, arm, experiment, guarded])
  const report = useRef(onError)
  useEffect(() => {
    report.current = onError
    if (failure.current === NO_ERROR) return
    const error = failure.current
    failure.current = NO_ERROR
    report.current?.(error)
  })
  return decision
}
