import { createContext, useContext } from 'react'
import type { Attune } from '../core'
import type { DecisionAttune } from '../core/engine'

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

/** The instance, with its decision engine; throws, with what to do, when it has none. */
export function useDecisions(hook: string): DecisionAttune {
  const attune = useAttune(hook)
  if (!('decide' in attune)) {
    throw new Error(
      `[attune] ${hook}() needs the decision engine, and this <PersonalizationProvider> was given an instance without it. ` +
        'Make it with withDecisions(createAttune(), { rules }), or let the provider make one: <PersonalizationProvider rules={rules}>.',
    )
  }
  return attune as DecisionAttune
}
