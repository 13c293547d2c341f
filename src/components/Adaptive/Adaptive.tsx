import type { ReactNode } from 'react'
import type { Decision, Variants } from '../../engine/variants'
import { useFailSafe } from '../../hooks/useFailSafe'
import { Isolation } from '../shared/Isolation'
import { componentName, useAdaptive } from '../shared/useAdaptive'
import type { VariantCheck } from '../shared/variant-check'

export interface AdaptiveProps<V> {
  /** The component's id in the engine: its variant history and change limit. */
  id: string
  /** What to render from, by `default`, segment, arm or `segment+arm`. */
  variants: Variants<V>
  /** The experiment whose arm picks the variant. */
  experiment?: string
  /**
   * Why a variant cannot be rendered, as `{ path, message }` (a JSON pointer
   * into the variant, such as `/title`, and what is wrong), or null (the
   * default: any value will do). A variant it rejects is replaced by
   * `default`, and reported once.
   */
  check?: VariantCheck<V>
  /**
   * Renders the variant; what it returns is rendered as it is, with no
   * wrapper element. `decision` says which variant it is (`key`), and the
   * segment and arm that chose it.
   */
  children: (variant: V, decision: Decision<V>) => ReactNode
}

const anyVariant = () => null

function LiveAdaptive<V>({ id, variants, experiment, check = anyVariant, children }: AdaptiveProps<V>) {
  const { safe: _safe, ...decision } = useAdaptive<V>('Adaptive', id, variants, check, experiment)
  return children(decision.variant, decision)
}

/** The default variant without the engine: a component, so the render function runs only when the fallback is shown. */
function DefaultAdaptive<V>({ variants, children }: Pick<AdaptiveProps<V>, 'variants' | 'children'>) {
  // `variants` may be broken (that may be why we are here): then `default` is undefined, as useVariant gives.
  const variant = (variants as Partial<Variants<V>> | null | undefined)?.default as V
  return children(variant, { variant, key: 'default', segment: null, arm: null })
}

/**
 * Renders any element as a function of the visitor's variant:
 *
 * ```tsx
 * <Adaptive id="hero" variants={{ default: { title: 'Shoes' }, returning: { title: 'Welcome back' } }}>
 *   {(variant) => <h1>{variant.title}</h1>}
 * </Adaptive>
 * ```
 *
 * When personalization fails (the engine throws, `check` rejects the
 * variant, or the render function throws for a variant) it renders the
 * `default` variant, and the provider's `onError` hears of it once. A render
 * function that throws for `default` too is the app's own error, and
 * propagates to the app's error boundary.
 */
export function Adaptive<V>(props: AdaptiveProps<V>) {
  const safe = useFailSafe(componentName('Adaptive', props.id))
  return (
    <Isolation safe={safe} fallback={<DefaultAdaptive variants={props.variants}>{props.children}</DefaultAdaptive>}>
      <LiveAdaptive {...props} />
    </Isolation>
  )
}
