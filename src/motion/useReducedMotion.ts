import { useContext, useSyncExternalStore } from 'react'
import { SettingsContext } from '../providers/AttuneContext'
import { prefersReducedMotion, watchReducedMotion } from './policy'

const never = () => () => {}

/**
 * Whether motion must be reduced here: the provider's `motion` setting, and
 * under `'user'` (the default) the OS preference, followed as it changes.
 * False on the server and during hydration.
 */
export function useReducedMotion(): boolean {
  const { motion } = useContext(SettingsContext)
  const os = useSyncExternalStore(motion === 'user' ? watchReducedMotion : never, prefersReducedMotion, () => false)
  return motion === 'reduce' || (motion === 'user' && os)
}
