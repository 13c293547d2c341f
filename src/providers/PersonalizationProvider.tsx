import { useEffect, useState, type ReactNode } from 'react'
import { createAttune, type Attune, type AttuneOptions } from '../core'
import { withDecisions, type DecisionConfig } from '../core/engine'
import { AttuneContext } from './AttuneContext'

export interface PersonalizationProviderProps extends AttuneOptions, DecisionConfig {
  /**
   * The instance to provide, made with `createAttune()` (and
   * `withDecisions()` for the decision hooks). Without it, the provider makes
   * one, with its decision engine, from the other props when it mounts.
   * Switching from an instance to none later is not supported.
   */
  attune?: Attune
  children?: ReactNode
}

/**
 * Provides an Attune instance to the hooks and components below it.
 *
 * `consent` is kept in sync with the instance: pass your consent manager's
 * state and Attune follows it. The other options are read once, when the
 * provider makes its instance; to change rules later, call `setRules`.
 */
export function PersonalizationProvider({ attune, children, ...options }: PersonalizationProviderProps) {
  const [own] = useState(() => (attune ? null : withDecisions(createAttune(options), options)))
  const instance = attune ?? own
  if (!instance) {
    throw new Error('[attune] <PersonalizationProvider> lost its `attune` prop after mounting with one. Keep passing the instance, or never pass one.')
  }
  const { consent } = options
  useEffect(() => {
    if (consent !== undefined) instance.setConsent(consent)
  }, [instance, consent])
  return <AttuneContext.Provider value={instance}>{children}</AttuneContext.Provider>
}
