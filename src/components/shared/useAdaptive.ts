import { useEffect } from 'react'
import type { Decision, Variants } from '../../engine/variants'
import { useFailSafe, type FailSafe } from '../../hooks/useFailSafe'
import { useVariant } from '../../hooks/useVariant'
import type { VariantCheck } from './variant-check'

/** The decision of an adaptive component as it renders: always a variant it can show. */
export interface AdaptiveDecision<V> extends Decision<V> {
  /** The component's fail-safe, for its other engine calls: reports name it `<AdaptiveButton id="cta">`. */
  safe: FailSafe
}

/** How an adaptive component is named in reports: `<AdaptiveButton id="cta">`. */
export const componentName = (component: string, id: string) => `<${component} id="${id}">`

/**
 * useVariant for the components, through their fail-safe: an engine error
 * or an invalid variant does not break the page. The component shows its
 * `default` variant and the provider's `onError` hears of it once.
 */
export function useAdaptive<V>(component: string, id: string, variants: Variants<V>, check: VariantCheck<V>, experiment?: string): AdaptiveDecision<V> {
  const safe = useFailSafe(componentName(component, id))
  const decision = useVariant(id, variants, experiment === undefined ? { safe } : { experiment, safe })
  const problem = check(decision.variant)
  // Where in the variant, after what: the message reads first.
  const message = problem && `variant "${decision.key}" ${problem.message}${problem.path ? ` (at ${problem.path})` : ''}; showing "default" instead`
  useEffect(() => {
    if (message !== null) safe.report(new Error(message))
  }, [safe, message])
  // Built field by field: a spread with an extra key is slow on Node 20 (server rendering).
  if (problem === null) return { variant: decision.variant, key: decision.key, segment: decision.segment, arm: decision.arm, safe }
  return { variant: variants.default, key: 'default', segment: null, arm: decision.arm, safe }
}
