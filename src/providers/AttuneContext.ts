import { createContext, useContext, type ReactNode } from 'react'
import type { Attune } from '../core'
import type { DecisionAttune } from '../engine/with-decisions'

export const AttuneContext = createContext<Attune | null>(null)
AttuneContext.displayName = 'AttuneContext'

/** Called once per component and error when a component falls back to its default variant. */
export type ErrorReporter = (error: unknown, info: { component: string }) => void

/** Reports a component's failure to the provider's `onError`, once per component and message. */
export type Report = (component: string, error: unknown) => void

/** Reports each failure once: components re-render, and a failing engine fails on every render. */
export function onceReporter(onError: ErrorReporter): Report {
  const seen = new Set<string>()
  return (component, error) => {
    const key = `${component}\n${error instanceof Error ? error.message : String(error)}`
    if (seen.has(key)) return
    seen.add(key)
    onError(error, { component })
  }
}

export const consoleReporter: ErrorReporter = (error, { component }) => {
  console.error(`[attune] ${component} shows its default variant: ${error instanceof Error ? error.message : String(error)}`, error)
}

/** The provider's reporter; without a provider, the console's (components outside one still fall back safely). */
export const ReportContext = createContext<Report>(onceReporter(consoleReporter))
ReportContext.displayName = 'AttuneReportContext'

/**
 * Elements the provider renders after its children, by key, while some
 * component needs them (the nudge viewport of NudgeToast), unless an
 * explicit one is placed in the tree (NudgeViewport claims the key).
 */
export interface Hosts {
  /** Asks the provider to render `element` under `key`; returns the release function. */
  need: (key: string, element: ReactNode) => () => void
  /** Says an element for `key` is already rendered elsewhere; returns the release function. */
  claim: (key: string) => () => void
}

export const HostsContext = createContext<Hosts | null>(null)
HostsContext.displayName = 'AttuneHostsContext'

/**
 * The Attune instance of the nearest `PersonalizationProvider`. Throws, with
 * what to do, when there is none: `hook` names the caller in the message.
 */
export function useAttune(hook = 'useAttune'): Attune {
  const attune = useContext(AttuneContext)
  if (!attune) {
    // What to do, in development; production keeps the first sentence (the bytes count in the first load).
    throw new Error(
      `[attune] ${hook}() must be used inside a <PersonalizationProvider>.` +
        (__DEV__
          ? ' Wrap your app in one: <PersonalizationProvider attune={createAttune()}>…</PersonalizationProvider> ' +
            "(or pass options instead of an instance: <PersonalizationProvider consent='pending'>)."
          : ''),
    )
  }
  return attune
}

/**
 * The instance of the nearest `PersonalizationProvider`, with its decision
 * engine (`setRules`, `decide`, `explain`, …), typed as such. Throws, with
 * what to do, when there is no provider or its instance has no engine:
 * `hook` names the caller in the message.
 */
export function useDecisions(hook = 'useDecisions'): DecisionAttune {
  const attune = useAttune(hook)
  if (!('decide' in attune)) {
    throw new Error(
      `[attune] ${hook}() needs the decision engine, and this <PersonalizationProvider> was given an instance without it.` +
        (__DEV__ ? ' Make it with withDecisions(createAttune(), { rules }), or let the provider make one: <PersonalizationProvider rules={rules}>.' : ''),
    )
  }
  return attune as DecisionAttune
}
