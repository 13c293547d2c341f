/**
 * The segment clock: keeps the segments up to date with the profile and
 * with time. It evaluates what changed on each commit, re-checks
 * time-dependent rules every tick and held segments when their hold ends
 * (only while someone watches), and tells the watchers when the active
 * segments change.
 */
import type { SampleNeed } from '../core/attune'
import type { Profile } from '../core/profile'
import type { Trace } from './rules/compile'
import type { Rules } from './rules/document'
import { createSegmentEvaluator, type SegmentEvaluator, type SegmentEvaluatorOptions, type SegmentStatus } from './segments'

/** Time-dependent rules (event windows, decayed scores) are checked this often while watched. */
export const TICK_MS = 1000

/** The evaluator's options (hold, half-life, predicates), passed on as they are, and the clock's own. */
export interface SegmentClockOptions extends SegmentEvaluatorOptions {
  now: () => number
  /** The live profile. */
  profile: () => Profile
}

export interface SegmentClock {
  /** Starts over with new rules: evaluates them at once and restarts the timer. */
  load: (rules: Rules) => void
  /** The rules loaded last. */
  rules: () => Rules
  /** Brings the segments up to date with the profile and the clock; notifies watchers on change. */
  refresh: () => void
  /** After a commit: refreshes, and moves the timer if something falls due sooner. */
  committed: () => void
  /** The active segments as last computed, highest priority first. */
  active: () => readonly string[]
  /** Every segment's state (up to date), with the trace of its rule; one segment's with `id`. */
  explain: (id?: string) => (SegmentStatus & { trace: Trace[] })[]
  /** The segments of a profile given at start, evaluated once per rules, at the profile's own time. */
  initial: (start: Profile) => readonly string[]
  /** Calls `listener` when the active segments change; while anyone watches, time is followed too. */
  watch: (listener: () => void) => () => void
  /** Calls the watchers (the segments were overridden). */
  notify: () => void
  /** Whether a behavior sample may change a segment (see core's `SampleNeed`). */
  needs: SampleNeed
}

export function createSegmentClock(options: SegmentClockOptions): SegmentClock {
  const { now, profile } = options
  const evaluatorFor = (rules: Rules) => createSegmentEvaluator(rules, options)
  const watchers = new Set<() => void>()
  let rules: Rules = { segments: [], models: {} }
  let evaluator: SegmentEvaluator = evaluatorFor(rules)
  let evaluated: Profile | null = null
  let evaluatedAt = -Infinity
  const timer = createDueTimer(() => {
    refresh()
    schedule()
  })
  // Evaluated once per rules document: the server and the browser agree on them.
  let initial: { rules: Rules; active: readonly string[] } | null = null

  const notify = () => watchers.forEach((watcher) => watcher())

  const refresh = () => {
    const current = profile()
    const time = now()
    if (current === evaluated && time - evaluatedAt < TICK_MS && (evaluator.nextCheck() ?? Infinity) > time) return
    const changed = evaluator.update(current, evaluated, time)
    evaluated = current
    evaluatedAt = time
    if (changed) notify()
  }

  /** While watched: the next tick of time-dependent rules, or the end of a hold, whichever comes first. */
  const schedule = () => {
    if (!watchers.size) return
    const time = now()
    timer.at(Math.min(evaluator.timeDependent() ? time + TICK_MS : Infinity, evaluator.nextCheck() ?? Infinity), time)
  }

  return {
    load(next) {
      rules = next
      evaluator = evaluatorFor(rules)
      evaluated = null
      refresh()
      timer.stop()
      schedule()
    },
    rules: () => rules,
    refresh,
    committed() {
      refresh()
      schedule()
    },
    active: () => evaluator.active(),
    explain(id) {
      refresh()
      const statuses = evaluator.statuses().filter((status) => id === undefined || status.id === id)
      return statuses.map((status) => ({ ...status, trace: evaluator.trace(status.id, profile(), now()) }))
    },
    initial(start) {
      if (initial?.rules !== rules) {
        const once = evaluatorFor(rules)
        once.update(start, null, start.visitor.lastSeen)
        initial = { rules, active: once.active() }
      }
      return initial.active
    },
    watch(listener) {
      watchers.add(listener)
      refresh()
      schedule()
      return () => {
        watchers.delete(listener)
        if (!watchers.size) timer.stop()
      }
    },
    notify,
    needs: (event, sampled) => evaluator.needs(event, sampled),
  }
}

/** One timer that runs `run` when due; asked for an earlier time it moves, for a later one it stays. */
function createDueTimer(run: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let dueAt = Infinity
  const stop = () => {
    clearTimeout(timer)
    timer = undefined
    dueAt = Infinity
  }
  return {
    at(due: number, now: number) {
      if (due >= dueAt || due === Infinity) return
      clearTimeout(timer)
      dueAt = due
      timer = setTimeout(() => {
        dueAt = Infinity
        run()
      }, Math.max(0, due - now))
    },
    stop,
  }
}
