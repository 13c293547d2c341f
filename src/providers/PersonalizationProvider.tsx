import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { createAttune, type Attune, type AttuneOptions } from '../core'
import { withDecisions, type DecisionConfig } from '../engine/with-decisions'
import { devWarn } from '../core/dev'
import { MotionContext } from '../motion/MotionContext'
import { MOTION_SETTINGS, type MotionSetting } from '../motion/policy'
import { AttuneContext, consoleReporter, HostsContext, onceReporter, ReportContext, type ErrorReporter, type Hosts } from './AttuneContext'

export interface PersonalizationProviderProps extends AttuneOptions, DecisionConfig {
  /**
   * The instance to provide, made with `createAttune()` (and
   * `withDecisions()` for the decision hooks). Without it, the provider makes
   * one, with its decision engine, from the other props when it mounts.
   * Switching from an instance to none later is not supported.
   */
  attune?: Attune
  /**
   * Motion of the components: `'user'` (default) follows the OS
   * reduced-motion setting, and its changes; `'reduce'` moves nothing and
   * autoplays nothing; `'full'` always animates.
   */
  motion?: MotionSetting
  /**
   * Called when a component falls back to its default variant (the engine
   * threw, or a variant was invalid), once per component and error. Default:
   * `console.error`.
   */
  onError?: ErrorReporter
  children?: ReactNode
}

interface Hosted {
  element: ReactNode
  needs: number
  claims: number
}

/**
 * Provides an Attune instance to the hooks and components below it.
 *
 * `consent` and `motion` are kept in sync: pass your consent manager's state
 * and Attune follows it. The other options are read once, when the provider
 * makes its instance; to change rules later, call `setRules`.
 */
export function PersonalizationProvider({ attune, motion = 'user', onError, children, ...options }: PersonalizationProviderProps) {
  const [own] = useState(() => (attune ? null : withDecisions(createAttune(options), options)))
  const instance = attune ?? own
  if (!instance) {
    throw new Error('[attune] <PersonalizationProvider> lost its `attune` prop after mounting with one.' + (__DEV__ ? ' Keep passing the instance, or never pass one.' : ''))
  }
  // An instance the provider made ends with it: its pending write is made now
  // and its timers stop, so none fires after the page (or a test) is gone. A
  // passed instance belongs to the caller, who flushes it.
  useEffect(() => () => own?.flush(), [own])
  const { consent } = options
  useEffect(() => {
    if (consent !== undefined) instance.setConsent(consent)
  }, [instance, consent])

  // The latest onError, without making a new reporter (and forgetting what was reported) each render.
  const reporter = useRef(onError)
  useEffect(() => {
    reporter.current = onError
  })
  // eslint-disable-next-line react-hooks/refs -- read when a component reports, after its render, never during one
  const [report] = useState(() => onceReporter((error, info) => (reporter.current ?? consoleReporter)(error, info)))
  // A setting that is none of the three (a typo, JSON) follows the OS, as the default does: never full motion by mistake.
  const known = MOTION_SETTINGS.includes(motion)
  useEffect(() => {
    if (__DEV__ && !known) {
      devWarn(`<PersonalizationProvider motion=${JSON.stringify(motion)}> is not one of ${MOTION_SETTINGS.join(', ')}; following the OS setting ('user').`)
    }
  }, [known, motion])

  const [hosted, setHosted] = useState<ReadonlyMap<string, Hosted>>(new Map())
  const hosts = useMemo<Hosts>(() => {
    // Counts added to `key`'s entry; a need gives its element, the other changes keep it.
    const change = (key: string, needs: number, claims: number, ...element: [ReactNode?]) =>
      setHosted((current) => {
        const next = new Map(current)
        const was = current.get(key)
        const entry = { element: element.length ? element[0] : was?.element, needs: (was?.needs ?? 0) + needs, claims: (was?.claims ?? 0) + claims }
        if (entry.needs || entry.claims) next.set(key, entry)
        else next.delete(key)
        return next
      })
    return {
      need(key, element) {
        change(key, 1, 0, element)
        return () => change(key, -1, 0)
      },
      claim(key) {
        change(key, 0, 1)
        return () => change(key, 0, -1)
      },
    }
  }, [])

  return (
    <AttuneContext.Provider value={instance}>
      <MotionContext.Provider value={known ? motion : 'user'}>
        <ReportContext.Provider value={report}>
          <HostsContext.Provider value={hosts}>
            {children}
            {[...hosted].map(([key, entry]) => (entry.claims ? null : <Fragment key={key}>{entry.element}</Fragment>))}
          </HostsContext.Provider>
        </ReportContext.Provider>
      </MotionContext.Provider>
    </AttuneContext.Provider>
  )
}
