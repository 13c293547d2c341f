import { devWarn } from './dev'
import { describeInvalidEvent, isValidEvent, type BehaviorEvent } from './events'
import { pageHidden } from './page'

/**
 * When queued events are committed to the store:
 * - `'frame'`: once per animation frame (the default in browsers); a
 *   behavior sample no listener needs at once (see `subscribe`) waits up to
 *   {@link SAMPLE_DELAY_MS} for a commit;
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
  /** Under `'frame'`: whether an event may wait up to {@link SAMPLE_DELAY_MS} instead of the next frame. */
  canWait?: (event: BehaviorEvent) => boolean
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

/**
 * How long, at most, a behavior sample no listener needs at once (a scroll
 * sample that crosses no rule's threshold, dwell on a section no rule reads)
 * waits for a commit. Scrolling a page committed every frame, which cost a
 * store update and every listener's check 60 times a second (issue #11).
 */
export const SAMPLE_DELAY_MS = 500

/** Runs `run` at the next animation frame, or a frame's time later where there are none; checked when called. */
function nextFrame(run: () => void, wait: boolean): { cancel: () => void } {
  if (!wait && typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(run)
    return { cancel: () => typeof cancelAnimationFrame === 'function' && cancelAnimationFrame(id) }
  }
  const id = setTimeout(run, wait ? SAMPLE_DELAY_MS : FRAME_MS)
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
  // What is scheduled: nothing, a commit of samples that can wait, or a
  // commit at the next frame.
  let scheduled: 0 | 1 | 2 = 0
  // The frame (or timeout) waiting to commit: ended by any commit or clear,
  // so no callback of an emptied tracker fires later (say, after a test's
  // environment is gone).
  let frame: { cancel: () => void } | null = null

  const unschedule = () => {
    scheduled = 0
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
      if (schedule === 'manual') return
      if (typeof schedule === 'function') {
        if (!scheduled) schedule(flush)
        scheduled = 2
        return
      }
      if (scheduled === 2) return
      const level = schedule === 'frame' && options.canWait?.(event) ? 1 : 2
      if (scheduled === level) return
      frame?.cancel()
      scheduled = level
      frame = nextFrame(flush, level === 1)
    },
    flush,
    clear() {
      unschedule()
      events = []
      times = []
    },
  }
}
