import type { ReactNode } from 'react'
import { MOTION_PRESETS, type MotionPresetName } from '../../motion/names'
import type { Tone } from '../shared/tone'
import { isRecord, kindOf, problem, type Diagnostic } from '../shared/variant-check'

/** The tones of a button, its default (`primary`) first. */
export const BUTTON_TONES: readonly Tone[] = ['primary', 'neutral', 'success', 'warning', 'danger']

/**
 * The animations a button can play when its variant appears. Not `reorder`
 * (for lists), nor `fade`: a button is already on screen, its animations move it.
 */
export type ButtonAnimation = Exclude<MotionPresetName, 'reorder' | 'fade'> | 'none'

const ANIMATIONS: readonly string[] = MOTION_PRESETS.filter((name) => name !== 'reorder' && name !== 'fade')

/** What one variant of an AdaptiveButton shows. */
export interface ButtonVariant {
  /** The label: a template such as `Welcome back, {{name | friend}}`, filled from the visitor's traits and `values`. Plain text, never markup. */
  label: string
  /** Colors; default `primary`. */
  tone?: Tone
  /** An icon beside the label. Decorative: the label names the button. */
  icon?: ReactNode
  /** Where the icon goes; default `start`. */
  iconPosition?: 'start' | 'end'
  /** Played when the variant appears, once (pulse and shimmer: three cycles); default none. Still under reduced motion. */
  animation?: ButtonAnimation
}

/**
 * Why a button variant cannot be shown (where in it, and what), or null.
 * What is expected instead is said in development; production keeps what is
 * wrong, and where (the bytes count in the first load).
 */
export function checkButtonVariant(variant: unknown): Diagnostic | null {
  if (!isRecord(variant)) return problem(`must be an object with a "label", got ${kindOf(variant)}`)
  if (typeof variant.label !== 'string' || !variant.label.trim()) return problem('needs a "label"' + (__DEV__ ? ': a non-empty string (a button must have a name)' : ''), 'label')
  if (variant.tone !== undefined && !BUTTON_TONES.includes(variant.tone as Tone)) return problem(`has an unknown "tone" ${JSON.stringify(variant.tone)}` + (__DEV__ ? `; expected one of ${BUTTON_TONES.join(', ')}` : ''), 'tone')
  if (variant.iconPosition !== undefined && variant.iconPosition !== 'start' && variant.iconPosition !== 'end') {
    return problem(`has "iconPosition" ${JSON.stringify(variant.iconPosition)}` + (__DEV__ ? '; expected "start" or "end"' : ''), 'iconPosition')
  }
  const animation = variant.animation
  if (animation !== undefined && animation !== 'none' && !ANIMATIONS.includes(animation as string)) {
    return problem(`has an unknown "animation" ${JSON.stringify(animation)}` + (__DEV__ ? `; expected one of none, ${ANIMATIONS.join(', ')}` : ''), 'animation')
  }
  return null
}
