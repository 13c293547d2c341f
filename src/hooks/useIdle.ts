import { useEffect } from 'react'
import type { Duration } from '../core/duration'
import { subscribeActivity } from '../dom/sources'
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
    let lastActivity = performance.now()
    let idle = false
    let timer: ReturnType<typeof setTimeout>
    // Input only stamps a time; the timer checks it when it fires, instead of
    // being reset on every pointer move.
    const check = () => {
      const quiet = performance.now() - lastActivity
      if (quiet >= timeoutMs) {
        idle = true
        attune.record({ type: 'idle', idle: true })
      } else timer = setTimeout(check, timeoutMs - quiet)
    }
    timer = setTimeout(check, timeoutMs)
    const stop = subscribeActivity(() => {
      lastActivity = performance.now()
      if (!idle) return
      idle = false
      attune.record({ type: 'idle', idle: false })
      timer = setTimeout(check, timeoutMs)
    })
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [attune, timeoutMs])
}
