import type { Tone } from '../shared/tone'
import { isRecord, kindOf, problem, type Diagnostic } from '../shared/variant-check'

/** The tones of a toast, its default (`neutral`) first. */
export const TOAST_TONES: readonly Tone[] = ['neutral', 'primary', 'success', 'warning', 'danger']

/** How the toast enters; under reduced motion every one of them is a fade. */
export type ToastAnimation = 'slide-in' | 'pop' | 'fade' | 'none'

export const TOAST_ANIMATIONS: readonly ToastAnimation[] = ['slide-in', 'pop', 'fade', 'none']

/** What one variant of a NudgeToast shows. Every text is a template, filled from the visitor's traits and `values`: plain text, never markup. */
export interface ToastVariant {
  /** A short heading. */
  title?: string
  /** The message; several rotate, so the one shown last never comes twice in a row. */
  message: string | readonly string[]
  /**
   * A button that does what the toast suggests (it also closes it).
   * `altText` says how else to do it, for screen reader users who cannot
   * reach the toast before it goes: it is announced in place of the button.
   */
  action?: { label: string; altText: string }
  /** Colors; default `neutral`. */
  tone?: Tone
  /** Played when the toast opens; default `slide-in`. */
  animation?: ToastAnimation
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** Why a toast variant cannot be shown (where in it, and what), or null. */
export function checkToastVariant(variant: unknown): Diagnostic | null {
  if (!isRecord(variant)) return problem(`must be an object with a "message", got ${kindOf(variant)}`)
  const { title, message, action, tone, animation } = variant
  if (!isText(message) && !(Array.isArray(message) && message.length > 0 && message.every(isText))) {
    return problem('needs a "message": a non-empty string, or a non-empty list of them (they rotate)', 'message')
  }
  if (title !== undefined && typeof title !== 'string') return problem(`has a "title" that is not a string (${typeof title})`, 'title')
  if (action !== undefined) {
    if (!isRecord(action) || !isText(action.label)) return problem('has an "action" without a "label": a non-empty string (the button must have a name)', ...(isRecord(action) ? ['action', 'label'] : ['action']))
    if (!isText(action.altText)) {
      return problem(
        'has an "action" without "altText": a non-empty string saying how else to do it, announced to screen reader users who may not reach the toast in time (Radix Toast requires it)',
        'action',
        'altText',
      )
    }
  }
  if (tone !== undefined && !TOAST_TONES.includes(tone as Tone)) return problem(`has an unknown "tone" ${JSON.stringify(tone)}; expected one of ${TOAST_TONES.join(', ')}`, 'tone')
  if (animation !== undefined && !TOAST_ANIMATIONS.includes(animation as ToastAnimation)) {
    return problem(`has an unknown "animation" ${JSON.stringify(animation)}; expected one of ${TOAST_ANIMATIONS.join(', ')}`, 'animation')
  }
  return null
}
