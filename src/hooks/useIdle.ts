import { useEffect } from 'react'
import type { Duration } from '../core/duration'
import { lastActivity, retainActivityStamp, subscribeActivity } from '../dom/sources'
import { useAttune } from '../providers/AttuneContext'
import { useDuration } from './useDuration'

export interface IdleOptions {
  /** Time without input after which the visitor counts as idle (`60000`, `"1m"`). Default one minute. */
  timeout?: Duration
}

const IDLE_TIMEOUT_MS = 60_000

/**
 * Records when the visitor goes idle (no pointer, key, wheel, touch or
 * scroll input for `timeout`) and comes back: `idle.idle`, `idle.since`,
 * `idle.totalMs`. With several callers, the shortest timeout wins. Never
 * re-renders the component that calls it.
 */
export function useIdle({ timeout }: IdleOptions = {}): void {
  const attune = useAttune('useIdle')
  const timeoutMs = useDuration(timeout, IDLE_TIMEOUT_MS, __DEV__ ? 'useIdle({ timeout })' : '')
  useEffect(() => {
    // Activity before this effect ran does not count: the timeout runs from now.
    let since = performance.now()
    let timer: ReturnType<typeof setTimeout>
    let stopWaking: (() => void) | null = null
    // While the visitor is active, input only stamps a time, once for every
    // caller (the shared stamp); the timer reads it when it fires. Only an
    // idle hook listens to input itself, to hear the visitor come back.
    const check = () => {
      const quiet = performance.now() - Math.max(since, lastActivity())
      if (quiet < timeoutMs) {
        timer = setTimeout(check, timeoutMs - quiet)
        return
      }
      attune.record({ type: 'idle', idle: true })
      stopWaking = subscribeActivity(wake)
    }
    const wake = () => {
      stopWaking?.()
      stopWaking = null
      since = performance.now()
      attune.record({ type: 'idle', idle: false })
      timer = setTimeout(check, timeoutMs)
    }
    const releaseStamp = retainActivityStamp(null)
    timer = setTimeout(check, timeoutMs)
    return () => {
      clearTimeout(timer)
      stopWaking?.()
      releaseStamp()
    }
  }, [attune, timeoutMs])
}
