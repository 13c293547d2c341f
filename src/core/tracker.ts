import { devWarn } from './dev'
import { describeInvalidEvent, isValidEvent, type BehaviorEvent } from './events'
import { pageHidden } from './page'

/**
 * When queued events are committed to the store:
 * - `'frame'`: once per animation frame (the default in browsers);
 * - `'sync'`: at once, on every `record()` (the default without `requestAnimationFrame`, as in Node);
 * - `'manual'`: only on `flush()` (and when the queue is full);
 * - a function: called with the commit to run when it sees fit.
 */
export type Schedule = 'frame' | 'sync' | 'manual' | ((commit: () => void) => void)

export interface TrackerOptions {
  /** Applies a batch; `times[i]` is when `events[i]` was recorded. */
  commit(events: BehaviorEvent[], times: number[]): void
  now(): number
  schedule?: Schedule | undefined
  /** Queue length that forces a commit, whatever the schedule. */
  maxPending: number
  /** Called when the queue stops being empty. */
  onQueued?: () => void
}

export interface Tracker {
  /** Queues an event; invalid ones are dropped with a development warning. */
  record: (event: BehaviorEvent) => void
  /** Commits everything queued, now. */
  flush: () => void
  /** Drops everything queued. */
  clear: () => void
}

/** One frame at 60 Hz, for `'frame'` where there are no animation frames. */
const FRAME_MS = 16

/** Runs `run` at the next animation frame, or a frame's time later where there are none; checked when called. */
function nextFrame(run: () => void): { cancel: () => void } {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(run)
    return { cancel: () => typeof cancelAnimationFrame === 'function' && cancelAnimationFrame(id) }
  }
  const id = setTimeout(run, FRAME_MS)
  return { cancel: () => clearTimeout(id) }
}

/**
 * Queues events and commits them in batches, so a burst of scroll, hover and
 * dwell events costs one store update (and one render pass) per frame.
 */
export function createTracker(options: TrackerOptions): Tracker {
  const schedule = options.schedule ?? (typeof requestAnimationFrame === 'function' ? 'frame' : 'sync')
  let events: BehaviorEvent[] = []
  let times: number[] = []
  let scheduled = false
  // The frame (or its timeout fallback) waiting to commit: ended by any
  // commit or clear, so no callback of an emptied tracker fires later (say,
  // after a test's environment is gone).
  let frame: { cancel: () => void } | null = null

  const unschedule = () => {
    scheduled = false
    frame?.cancel()
    frame = null
  }
  const flush = () => {
    unschedule()
    if (events.length === 0) return
    const batch = events
    const batchTimes = times
    events = []
    times = []
    options.commit(batch, batchTimes)
  }

  return {
    record(event) {
      if (!isValidEvent(event)) {
        if (__DEV__) devWarn(`record() ignored an event: ${describeInvalidEvent(event)}`)
        return
      }
      if (events.length === 0) options.onQueued?.()
      // A copy: the caller may reuse or change its object before the commit.
      events.push(event.type === 'identify' ? { ...event, traits: { ...event.traits } } : { ...event })
      times.push(options.now())
      // A hidden page runs no animation frames: commit at once, or the
      // events would wait until the visitor comes back (or be lost).
      if (schedule === 'sync' || events.length >= options.maxPending || pageHidden()) return flush()
      if (scheduled || schedule === 'manual') return
      scheduled = true
      if (typeof schedule === 'function') schedule(flush)
      else frame = nextFrame(flush)
    },
    flush,
    clear() {
      unschedule()
      events = []
      times = []
    },
  }
}
