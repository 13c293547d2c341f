import { createContext } from 'react'
import type { MotionSetting } from './policy'

/**
 * The motion setting in effect below it. Motion owns it, so that the hooks
 * and presets read it without reaching up to the provider: the provider
 * renders this context with its `motion` prop; without one, `'user'`
 * follows the OS.
 */
export const MotionContext = createContext<MotionSetting>('user')
MotionContext.displayName = 'AttuneMotionContext'
