import { useContext, useEffect, useMemo } from 'react'
import { ReportContext } from '../providers/AttuneContext'

/**
 * The one way a component calls the engine without risking the page: each
 * call runs through it, and a throw becomes a fallback value and one report
 * to the provider's `onError(error, { component })` (once per component and
 * message, however often it fails).
 */
export interface FailSafe {
  /** How the component is named in reports, such as `<AdaptiveButton id="cta">`. */
  readonly component: string
  /** For event handlers and effects: runs `run`; on a throw, reports it at once and returns `fallback`. */
  call<T>(run: () => T, fallback: T): T
  /**
   * While rendering (and in store snapshots): runs `run`; on a throw, returns
   * `fallback`, and the report waits for the component's next commit, since
   * a render must not call into the app (its `onError` may set state).
   */
  read<T>(run: () => T, fallback: T): T
  /** Reports a failure caught elsewhere (an error boundary, an invalid variant), at once. */
  report(error: unknown): void
}

interface Deferred extends FailSafe {
  /** Reports what `read` caught. */
  flush(): void
}

function failSafe(component: string, report: (component: string, error: unknown) => void): Deferred {
  // Errors `read` caught during a render, reported after the commit.
  const pending: unknown[] = []
  return {
    component,
    call(run, fallback) {
      try {
        return run()
      } catch (error) {
        report(component, error)
        return fallback
      }
    },
    read(run, fallback) {
      try {
        return run()
      } catch (error) {
        pending.push(error)
        return fallback
      }
    },
    report: (error) => report(component, error),
    flush() {
      for (const error of pending.splice(0)) report(component, error)
    },
  }
}

/**
 * A fail-safe for the engine calls of `component` (its name in reports, such
 * as `<AdaptiveButton id="cta">`), reporting through the nearest
 * `PersonalizationProvider`'s `onError` (or `console.error` without one).
 * Pass it to the decision hooks (`useVariant(id, variants, { safe })`,
 * `useNudge(id, { safe })`) and wrap your own calls in `safe.call`:
 *
 * ```tsx
 * const safe = useFailSafe('<PromoBanner>')
 * const { variant } = useVariant('promo', variants, { safe }) // `default` if the engine throws
 * const onClick = () => safe.call(() => attune.track('promo:click'), undefined)
 * ```
 *
 * The same object for as long as `component` and the provider stay.
 */
export function useFailSafe(component: string): FailSafe {
  const report = useContext(ReportContext)
  const safe = useMemo(() => failSafe(component, report), [component, report])
  // After every commit: whatever the render caught is reported now.
  useEffect(() => safe.flush())
  return safe
}

/**
 * Only the reporting part of a fail-safe, for an error boundary around a
 * component that makes its own fail-safe inside: no deferred reads to flush,
 * so nothing to keep between renders (server rendering makes every render a
 * first one).
 */
export function useFailureReport(component: string): Pick<FailSafe, 'report'> {
  const report = useContext(ReportContext)
  return { report: (error) => report(component, error) }
}

/** What the decision hooks use without a fail-safe: errors propagate (to the app's error boundary). */
export const unguarded: Pick<FailSafe, 'call' | 'read'> = { call: (run) => run(), read: (run) => run() }
