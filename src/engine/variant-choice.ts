/**
 * Choosing a component's variant: from the active segments and the arm, or
 * the variant it keeps once it may change no more this session. A variants
 * object that cannot be used is reported once per component and the
 * default (if any) is shown: decide runs on every render, and never throws.
 */
import { devWarn } from '../core/dev'
import { formatDiagnostic } from './diagnostics'
import type { VariantHistory } from './variant-history'
import type { Profile } from '../core/profile'
import { checkVariants, pickVariant, type Decision, type Variants } from './variants'

export interface DecideOptions {
  /** The experiment whose arm picks among the variants. */
  experiment?: string
  /** Evaluate what changed first (default), or read the segments as last computed. */
  refresh?: boolean
  /** Decide from the instance's `initialProfile`, as server rendering and hydration do. */
  initial?: boolean
}

export type ReadOptions = Omit<DecideOptions, 'experiment'>

export interface VariantChoiceParts {
  history: VariantHistory
  /** Whether segments or arms are forced: a forced visit keeps nothing. */
  forced: () => boolean
  /** The visitor's arm in an experiment, or null. */
  arm: (experimentId: string, options: ReadOptions) => string | null
  /** The active segments, highest priority first. */
  segments: (options: ReadOptions) => readonly string[]
}

/**
 * Whether a commit (from `previous` to `profile`) can change what `decide`
 * reads, apart from the segments (whose changes the segment watchers hear
 * of). decide reads the visitor (arms) and their session, and the
 * component's variant history. The history changes in two ways: with a new
 * visitor object (an event, identify, the stored profile read in at consent,
 * forget()), or by `shown()`, which records the variant decide returns at
 * that moment, so it changes no decision. A history write is therefore no
 * reason to decide again; a segment change that makes N components write
 * their history is N commits, and components that each heard of all of them
 * made the change quadratic (issue #11).
 */
export const decisionInputsChanged = (profile: Profile, previous: Profile): boolean => profile.visitor !== previous.visitor

export type Decide = <V>(componentId: string, variants: Variants<V>, options?: DecideOptions) => Decision<V>

export function createVariantChoice(parts: VariantChoiceParts): Decide {
  const warned = new Set<string>()
  return <V>(componentId: string, variants: Variants<V>, options: DecideOptions = {}): Decision<V> => {
    const problem = checkVariants(variants)
    if (problem) {
      // Warned once per component, in development only: production keeps no record of it.
      if (__DEV__ && !warned.has(componentId)) {
        devWarn(formatDiagnostic(`decide("${componentId}")`, problem) + '.')
        warned.add(componentId)
      }
      return { variant: (variants as { default?: V } | null)?.default as V, key: 'default', segment: null, arm: null }
    }
    const arm = options.experiment === undefined ? null : parts.arm(options.experiment, options)
    // After too many changes this session, the variant last shown stays.
    const kept = !options.initial && !parts.forced() ? parts.history.locked(componentId, variants) : null
    const { key, segment } = kept ?? pickVariant(variants, parts.segments(options), arm)
    return { variant: variants[key]!, key, segment, arm }
  }
}
