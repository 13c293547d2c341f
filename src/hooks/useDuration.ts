import { useEffect } from 'react'
import { parseDuration, type Duration } from '../core/duration'
import { devWarn } from '../core/dev'

/**
 * A duration option in milliseconds: `value` (`500`, `"500ms"`, `"5s"`), or
 * `fallback` when it is missing or not a duration. A bad one is a
 * development warning that names `what` (such as `<NudgeToast duration>`):
 * callers pass it as `__DEV__ ? … : ''`, so that the name, built for the
 * warning alone, folds away with it in production.
 */
export function useDuration(value: Duration | undefined, fallback: number, what: string): number {
  const ms = value === undefined ? fallback : parseDuration(value)
  const bad = ms === null
  useEffect(() => {
    if (__DEV__ && bad) {
      devWarn(`${what}=${JSON.stringify(value)} is not a duration (a number of ms, or a string such as "500ms" or "5s"); using ${fallback} ms.`)
    }
  }, [bad, what, value, fallback])
  return ms ?? fallback
}
