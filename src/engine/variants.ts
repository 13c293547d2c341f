/**
 * Variants: what a component shows, by segment and arm. Keys are `default`,
 * a segment id, an arm, or `segment+arm`.
 */
import { isObject } from '../core/guards'
import type { Diagnostic } from './diagnostics'

export type Variants<V> = { default: V } & Record<string, V>

export interface Decision<V> {
  /** The variant to show. */
  variant: V
  /** Its key in the variants object. */
  key: string
  /** The segment it was chosen for, or null. */
  segment: string | null
  /** The visitor's arm in the experiment, or null. */
  arm: string | null
}

/**
 * Why a variants object cannot be used, or null. The path is `''`: the
 * variants object itself (a missing `default` is reported at the object
 * that lacks it, as JSON Schema does).
 */
export function checkVariants(variants: unknown): Diagnostic | null {
  if (!isObject(variants)) return { path: '', message: `expected an object of variants by key, got ${variants === null ? 'null' : typeof variants}` }
  if (!Object.hasOwn(variants, 'default')) {
    return { path: '', message: `the variants has no "default" variant (keys: ${Object.keys(variants).join(', ') || 'none'}); add one, shown when no segment or arm has its own` }
  }
  return null
}

/**
 * The key to show: for each active segment, by priority, `segment+arm` then
 * `segment`; then the arm; then `default`.
 */
export function pickVariant(variants: Record<string, unknown>, segments: readonly string[], arm: string | null): { key: string; segment: string | null } {
  for (const segment of segments) {
    if (arm !== null && Object.hasOwn(variants, `${segment}+${arm}`)) return { key: `${segment}+${arm}`, segment }
    if (Object.hasOwn(variants, segment)) return { key: segment, segment }
  }
  if (arm !== null && Object.hasOwn(variants, arm)) return { key: arm, segment: null }
  return { key: 'default', segment: null }
}
