/**
 * The reduced-motion policy: one setting with three states, as motion's
 * `MotionConfig` has, but defaulting to the visitor's OS preference.
 */

/**
 * `user` follows the OS setting (`prefers-reduced-motion`) and keeps
 * listening for changes; `reduce` never moves anything; `full` always
 * animates (for previews and tests, not for production).
 */
export type MotionSetting = 'user' | 'reduce' | 'full'

export const MOTION_SETTINGS: readonly MotionSetting[] = ['user', 'reduce', 'full']

export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)'

/** Whether the OS asks for reduced motion; false where it cannot be known (server, old browsers). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION_QUERY).matches
}

/** Calls `listener` when the OS preference changes; returns the unsubscribe function. */
export function watchReducedMotion(listener: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {}
  const query = window.matchMedia(REDUCED_MOTION_QUERY)
  query.addEventListener('change', listener)
  return () => query.removeEventListener('change', listener)
}
