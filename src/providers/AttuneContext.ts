import { createContext, useContext } from 'react'
import type { Attune } from '../core'

export const AttuneContext = createContext<Attune | null>(null)
AttuneContext.displayName = 'AttuneContext'

/**
 * The Attune instance of the nearest `PersonalizationProvider`. Throws, with
 * what to do, when there is none: `hook` names the caller in the message.
 */
export function useAttune(hook = 'useAttune'): Attune {
  const attune = useContext(AttuneContext)
  if (!attune) {
    throw new Error(
      `[attune] ${hook}() must be used inside a <PersonalizationProvider>. ` +
        'Wrap your app in one: <PersonalizationProvider attune={createAttune()}>…</PersonalizationProvider> ' +
        "(or pass options instead of an instance: <PersonalizationProvider consent='pending'>).",
    )
  }
  return attune
}
