import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { Decision, Variants } from '../core/variants'
import { useDecisions } from '../providers/AttuneContext'

export interface VariantOptions {
  /** The experiment whose arm picks among the variants. */
  experiment?: string
}

/**
 * The variant of a component for the visitor's segments and arm (see
 * `decide`). Re-renders only when the chosen variant changes; once shown, the
 * choice counts toward the component's change limit and logs the exposure.
 * Server rendering and hydration show `default`.
 */
export function useVariant<V>(id: string, variants: Variants<V>, options: VariantOptions = {}): Decision<V> {
  const attune = useDecisions('useVariant')
  const { experiment } = options
  // Snapshots read what the engine last computed and evaluate nothing:
  // rendering must not change the store.
  const decide = useCallback(() => attune.decide(id, variants, { refresh: false, ...(experiment === undefined ? {} : { experiment }) }), [attune, id, variants, experiment])
  // The key is the snapshot: a string, so React re-renders only when it changes.
  const key = useSyncExternalStore(attune.watchDecisions, () => decide().key, () => 'default')
  const decision = useMemo<Decision<V>>(() => {
    const current = decide()
    return current.key === key ? current : { variant: variants[key] ?? variants.default, key, segment: null, arm: null }
  }, [decide, key, variants])
  const { segment, arm } = decision
  // After the commit: the variant is on screen. Keyed on the choice, not on
  // the variants object (often a new one each render).
  useEffect(() => {
    // A hydration render shows `default` for a moment, whatever the visitor
    // will see: it is not a change of variant, and not an exposure.
    if (decide().key !== key) return
    attune.shown(id, { variant: undefined, key, segment, arm }, experiment === undefined ? {} : { experiment })
  }, [attune, decide, id, key, segment, arm, experiment])
  return decision
}
