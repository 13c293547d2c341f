import { useContext, useSyncExternalStore } from 'react'
import { MotionContext } from './MotionContext'
import { prefersReducedMotion, watchReducedMotion } from './policy'

const never = () => () => {}

/**
 * Whether motion must be reduced here: the provider's `motion` setting, and
 * under `'user'` (the default) the OS preference, followed as it changes.
 * False on the server and during hydration.
 */
export function useReducedMotion(): boolean {
  const motion = useContext(MotionContext)
  const os = useSyncExternalStore(motion === 'user' ? watchReducedMotion : never, prefersReducedMotion, () => false)
  return motion === 'reduce' || (motion === 'user' && os)
}

/** useReducedMotion as the server renders it: only the provider's `'reduce'` (the OS setting is not known there, as in hydration). */
export const useInitialReducedMotion = (): boolean => useContext(MotionContext) === 'reduce'
