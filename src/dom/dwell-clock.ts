import { isPageHidden, subscribeTick, subscribeVisibility } from './sources'

export interface DwellClock {
  /** Whether the thing measured is in view; the clock runs while it is and the tab is in front. */
  setActive(active: boolean): void
  /** Stops the clock, reporting the time not yet reported. */
  dispose(): void
}

/**
 * Measures visible time. It runs while active and the page is visible, and
 * reports the time in chunks: when it stops, and every second while it runs,
 * so the profile shows dwell as it grows.
 */
export function createDwellClock(report: (ms: number) => void): DwellClock {
  let active = false
  let startedAt: number | null = null
  let stopTick: (() => void) | null = null

  const chunk = () => {
    if (startedAt === null) return
    const time = performance.now()
    const ms = time - startedAt
    startedAt = time
    if (ms > 0) report(ms)
  }
  const sync = () => {
    if (active && !isPageHidden()) {
      if (startedAt === null) {
        startedAt = performance.now()
        stopTick = subscribeTick(chunk)
      }
    } else if (startedAt !== null) {
      chunk()
      startedAt = null
      stopTick?.()
      stopTick = null
    }
  }
  const stopVisibility = subscribeVisibility(sync)

  return {
    setActive(next) {
      active = next
      sync()
    },
    dispose() {
      active = false
      sync()
      stopVisibility()
    },
  }
}
