/**
 * Segments: compiled rules evaluated against the profile, incrementally
 * (only the rules whose inputs changed), resolved by priority, with
 * hysteresis so that nothing flickers while a signal hovers at a threshold.
 */
import { compileRule, pathsChanged, type EvalContext, type Inputs, type Predicate, type Trace } from './rules/compile'
import type { SampleNeed } from '../core/attune'
import type { Profile } from '../core/profile'
import type { CheckedModel, Rules } from './rules/document'
import { classify, logisticState, propensity } from './models'

/** A segment's state, as `explain` and devtools show it. */
export interface SegmentStatus {
  id: string
  priority: number
  /** Whether its rule matches now. */
  matched: boolean
  /** Whether it applies: the match, held for at least the hold time after each change. */
  active: boolean
  /** When `active` last changed (0: never). */
  since: number
  /** How many times its rule was evaluated by `update` (explain's traced runs are not counted). */
  evaluations: number
}

interface Entry extends SegmentStatus {
  test: Predicate
  inputs: Inputs
  hold: number
  /** Evaluation pass in which `matched` was last computed. */
  pass: number
  /** Set while being evaluated (a guard; validation already refuses cycles). */
  busy: boolean
  /** Whether `active` has ever changed: the first change does not wait for a hold. */
  decided: boolean
  stale: boolean
}

export interface SegmentEvaluatorOptions {
  /** Default hold time, ms. */
  holdMs: number
  halfLifeMs: number
  /** Custom predicates by name. */
  predicates: Record<string, (profile: Profile, now: number) => boolean>
  /** Each update and `matches` is a look at a new profile: every rule is evaluated, nothing is held. */
  fresh?: boolean
}

export interface SegmentEvaluator {
  /**
   * Re-evaluates what `profile` changed since `previous` (everything when
   * null) at time `now`; returns whether the active segments changed.
   */
  update(profile: Profile, previous: Profile | null, now: number): boolean
  /** Ids of the active segments, highest priority first. Same array until it changes. */
  active(): readonly string[]
  /** Every segment's state, highest priority first. */
  statuses(): SegmentStatus[]
  /** The earliest time a held segment may change without any new behavior, or null. */
  nextCheck(): number | null
  /** Whether anything depends on the clock (event windows, scores, holds). */
  timeDependent(): boolean
  /** Every condition of a segment's rule, evaluated now with tracing (for explain). */
  trace(id: string, profile: Profile, now: number): Trace[]
  /** Whether `profile` matches segment `id` at `now` (for a `fresh` evaluator: a look at one profile). */
  matches(id: string, profile: Profile, now: number): boolean
  /** Whether committing a behavior sample to `profile` may change a match (see core's `SampleNeed`). */
  needs: SampleNeed
}

/** A segment, compiled, with the state of its evaluation: not yet evaluated, not active. */
function entryFor(segment: Rules['segments'][number], rules: Rules, holdMs: number): Entry {
  const { test, inputs } = compileRule(segment.when)
  for (const name of inputs.models) addModelInputs(inputs, rules.models[name]!, name)
  return {
    id: segment.id,
    priority: segment.priority,
    matched: false,
    active: false,
    since: 0,
    evaluations: 0,
    test,
    inputs,
    hold: segment.hold ?? holdMs,
    pass: -1,
    busy: false,
    decided: false,
    stale: true,
  }
}

/**
 * The evaluator. One closure past the house's 80 lines, on purpose: the
 * pass counter, the profile being evaluated and the per-pass model cache
 * are shared by `evaluate`, the evaluation context and every method, on the
 * hot path of `segments()`; the performance issue (#11) reworks this path,
 * and the split belongs with that work.
 */
export function createSegmentEvaluator(rules: Rules, options: SegmentEvaluatorOptions): SegmentEvaluator {
  const { fresh } = options
  const entries = rules.segments.map((segment) => entryFor(segment, rules, options.holdMs))
  const byId = new Map(entries.map((entry) => [entry.id, entry]))
  let pass = 0
  let activeIds: readonly string[] = []
  let current: Profile | null = null
  let asked: Entry | undefined

  // The parts of the profile the rules read (`scroll` as `scroll.depth` when
  // that is all they read of it), or everything for a custom predicate.
  const reads = new Set(entries.flatMap(({ inputs }) => (inputs.opaque ? ['*'] : inputs.paths.map(([part, key]) => (part === 'scroll' && key !== 'depth' ? '*' : part!)))))
  const depthRules = entries.filter(({ inputs }) => inputs.paths.some(([part]) => part === 'scroll'))

  // Per-pass caches of model results, so each model runs once per pass.
  const modelPass = new Map<string, number>()
  const modelValue = new Map<string, string | number>()

  const context: EvalContext = {
    trace: null,
    now: 0,
    halfLifeMs: options.halfLifeMs,
    segment: (id) => evaluate(byId.get(id)!),
    predicate: (name, profile) => {
      const predicate = options.predicates[name]
      return predicate ? predicate(profile, context.now) === true : false
    },
    model: (name, profile) => {
      if (modelPass.get(name) === pass && profile === current) return modelValue.get(name)!
      const model = rules.models[name]!
      const value = model.type === 'centroid' ? classify(model, profile) : propensity(model, logisticState(model, profile, name), profile)
      if (profile === current) {
        modelPass.set(name, pass)
        modelValue.set(name, value)
      }
      return value
    },
  }

  /** The rule's match in this pass, computed at most once. */
  function evaluate(entry: Entry): boolean {
    if (entry.pass === pass || entry.busy || !current) return entry.matched
    if (!entry.stale && !fresh) return entry.matched
    entry.busy = true
    // A referenced segment's own conditions stay out of the trace being taken.
    const trace = context.trace
    context.trace = null
    entry.matched = entry.test(current, context)
    context.trace = trace
    entry.busy = false
    entry.evaluations++
    entry.pass = pass
    entry.stale = false
    return entry.matched
  }

  return {
    update(profile, previous, now) {
      pass++
      current = profile
      context.now = now
      // Stale: whatever reads what changed, the clock, or an opaque predicate…
      for (const entry of entries) {
        const { inputs } = entry
        entry.stale ||= previous === null || inputs.time || inputs.opaque || pathsChanged(inputs.paths, previous, profile)
      }
      // …and whatever refers to a stale segment.
      for (let spread = true; spread; ) {
        spread = false
        for (const entry of entries) {
          if (!entry.stale && entry.inputs.segments.some((id) => byId.get(id)!.stale)) spread = entry.stale = true
        }
      }
      let changed = false
      for (const entry of entries) {
        const matched = evaluate(entry)
        // Entering or leaving holds for the hold time; the first entry does
        // not wait (nothing was entered or left before it).
        if (matched !== entry.active && (fresh || !entry.decided || now - entry.since >= entry.hold)) {
          entry.decided = true
          entry.active = matched
          entry.since = now
          changed = true
        }
      }
      if (changed || previous === null) activeIds = entries.filter((entry) => entry.active).map((entry) => entry.id)
      return changed
    },
    active: () => activeIds,
    statuses: () => entries.map(({ id, priority, matched, active, since, evaluations }) => ({ id, priority, matched, active, since, evaluations })),
    nextCheck() {
      let next: number | null = null
      for (const entry of entries) {
        if (entry.matched !== entry.active) next = Math.min(next ?? Infinity, entry.since + entry.hold)
      }
      return next
    },
    timeDependent: () => entries.some((entry) => entry.inputs.time || entry.inputs.opaque),
    trace(id, profile, now) {
      current = profile
      context.now = now
      pass++
      const segment = rules.segments.find((s) => s.id === id)
      if (!segment) return []
      // Compiled again with tracing: the predicates the engine keeps carry no tracing cost.
      const trace: Trace[] = (context.trace = [])
      compileRule(segment.when, true).test(profile, context)
      context.trace = null
      return trace
    },
    needs(event, profile) {
      if (reads.has('*') || current !== profile) return true
      if (event.type !== 'scroll') return reads.has(event.type === 'page-dwell' ? 'pages' : event.type === 'hover' ? 'hover' : 'sections')
      // Deeper than the profile's depth: does a rule that reads it change?
      // (A rule that refers to one that changes is not asked: the first
      // change already needs the sample.)
      if (!depthRules.length || event.depth <= profile.scroll.depth) return false
      const next = { ...profile, scroll: { ...profile.scroll, depth: event.depth } }
      return depthRules.some((entry) => entry.test(next, context) !== entry.matched)
    },
    matches(id, profile, now) {
      // The last segment asked, kept: a batch asks one segment of many profiles.
      const entry = asked?.id === id ? asked : (asked = byId.get(id))
      pass++
      current = profile
      context.now = now
      // A look at one profile keeps no state of the segment asked: its test,
      // without evaluate's bookkeeping (the segments it refers to keep theirs).
      return !!entry && (fresh ? entry.test(profile, context) : evaluate(entry))
    },
  }
}

/** A model's own inputs become the inputs of every rule that asks it. */
function addModelInputs(inputs: Inputs, model: CheckedModel, name: string) {
  for (const feature of model.features) inputs.paths.push(feature.path)
  if (model.type === 'logistic') inputs.paths.push(['state', 'models', name])
}
