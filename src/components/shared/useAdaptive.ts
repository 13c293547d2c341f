import { useContext, useEffect } from 'react'
import type { Decision, Variants } from '../../engine/variants'
import { useVariant } from '../../hooks/useVariant'
import { SettingsContext } from '../../providers/AttuneContext'

/** Why a variant cannot be rendered, or null. */
export type VariantCheck<V> = (variant: V) => string | null

/** The decision of an adaptive component as it renders: always a variant it can show. */
export interface AdaptiveDecision<V> extends Decision<V> {
  /** How the component is named in reports: `<AdaptiveButton id="cta">`. */
  name: string
}

/**
 * useVariant for the components: an engine error or an invalid variant does
 * not break the page. The component shows its `default` variant and the
 * provider's `onError` hears of it once.
 */
export function useAdaptive<V>(component: string, id: string, variants: Variants<V>, check: VariantCheck<V>, experiment?: string): AdaptiveDecision<V> {
  const { report } = useContext(SettingsContext)
  const name = `<${component} id="${id}">`
  const decision = useVariant(id, variants, { ...(experiment === undefined ? {} : { experiment }), onError: (error) => report(name, error) })
  const problem = check(decision.variant)
  useEffect(() => {
    if (problem !== null) report(name, new Error(`variant "${decision.key}" ${problem}; showing "default" instead`))
  }, [report, name, decision.key, problem])
  if (problem === null) return { ...decision, name }
  return { variant: variants.default, key: 'default', segment: null, arm: decision.arm, name }
}
