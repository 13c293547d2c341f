import type { MotionPresetName } from '../../motion/presets'
import { isRecord, kindOf, problem, type Diagnostic } from '../shared/variant-check'

/** How a hint appears: entrances only (under reduced motion both fade). */
export type HintAnimation = Extract<MotionPresetName, 'fade' | 'pop'> | 'none'

export const HINT_ANIMATIONS: readonly HintAnimation[] = ['fade', 'pop', 'none']

/** What one variant of an AdaptiveHint shows. */
export interface HintVariant {
  /** The hint: a template such as `Prices include VAT in {{country | your country}}`, filled from the visitor's traits and `values`. Plain text, never markup. */
  text: string
  /** How it appears; default `fade`. Under reduced motion, `pop` fades too. */
  animation?: HintAnimation
}

/** Why a hint variant cannot be shown (where in it, and what), or null. */
export function checkHintVariant(variant: unknown): Diagnostic | null {
  if (!isRecord(variant)) return problem(`must be an object with a "text", got ${kindOf(variant)}`)
  if (typeof variant.text !== 'string' || !variant.text.trim()) return problem('needs a "text": a non-empty string (an empty hint describes nothing)', 'text')
  if (variant.animation !== undefined && !HINT_ANIMATIONS.includes(variant.animation as HintAnimation)) {
    return problem(`has an unknown "animation" ${JSON.stringify(variant.animation)}; expected one of ${HINT_ANIMATIONS.join(', ')}`, 'animation')
  }
  return null
}
