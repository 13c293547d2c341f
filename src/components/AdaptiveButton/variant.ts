import type { ReactNode } from 'react'
import { isObject } from '../../core/guards'
import { MOTION_PRESETS, type MotionPresetName } from '../../motion/names'

/** Colors from the theme (see `attune/styles.css`): each meets WCAG AA contrast, light and dark. */
export type ButtonTone = 'primary' | 'neutral' | 'success' | 'warning' | 'danger'

export const BUTTON_TONES: readonly ButtonTone[] = ['primary', 'neutral', 'success', 'warning', 'danger']

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
  tone?: ButtonTone
  /** An icon beside the label. Decorative: the label names the button. */
  icon?: ReactNode
  /** Where the icon goes; default `start`. */
  iconPosition?: 'start' | 'end'
  /** Played when the variant appears, once (pulse and shimmer: three cycles); default none. Still under reduced motion. */
  animation?: ButtonAnimation
}

/** Why a button variant cannot be shown, or null. */
export function checkButtonVariant(variant: unknown): string | null {
  if (!isObject(variant)) return `must be an object with a "label", got ${variant === null ? 'null' : typeof variant}`
  if (typeof variant.label !== 'string' || !variant.label.trim()) return 'needs a "label": a non-empty string (a button must have a name)'
  if (variant.tone !== undefined && !BUTTON_TONES.includes(variant.tone as ButtonTone)) return `has an unknown "tone" ${JSON.stringify(variant.tone)}; expected one of ${BUTTON_TONES.join(', ')}`
  if (variant.iconPosition !== undefined && variant.iconPosition !== 'start' && variant.iconPosition !== 'end') return `has "iconPosition" ${JSON.stringify(variant.iconPosition)}; expected "start" or "end"`
  const animation = variant.animation
  if (animation !== undefined && animation !== 'none' && !ANIMATIONS.includes(animation as string)) {
    return `has an unknown "animation" ${JSON.stringify(animation)}; expected one of none, ${ANIMATIONS.join(', ')}`
  }
  return null
}
