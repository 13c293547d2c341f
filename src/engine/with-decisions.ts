/**
 * The decision engine: `withDecisions(attune, config)` adds segments,
 * experiments, nudges and variants to an Attune instance. It keeps its own
 * data (exposures, nudge history, model weights, variant changes) in
 * `profile.state`, so storage, consent and `forget()` cover it too.
 */
import type { Attune } from '../core/attune'
import { countSince } from '../core/bounded'
import { parseDuration } from '../core/duration'
import { assignArm, checkExperiment, type ExperimentConfig } from './experiments'
import { blockedBy, DEFAULT_BUDGET, readHistory, resolveCaps, withShown, type NudgeCaps, type NudgeHistory } from './fatigue'
import { isFiniteNumber, isObject } from '../core/guards'
import { learn, logisticState } from './models'
import type { Json, Profile } from '../core/profile'
import type { Trace } from './rules/compile'
import { validateRules } from './rules/validate'
import type { Rules, ValidationResult } from './rules/document'
import { createSegmentEvaluator, type SegmentEvaluator, type SegmentStatus } from './segments'
import { nextMessageIndex, renderTemplate } from './templates'
import { checkVariants, pickVariant, type Decision, type Variants } from './variants'
import { warn } from '../core/dev'

/** A segment entered or left holds for 10 s unless its rule says otherwise. */
const HOLD_MS = 10_000
/** A component's variant changes at most this often per session, by default. */
const MAX_VARIANT_CHANGES = 5
/** Time-dependent rules (event windows, decayed scores) are checked this often while watched. */
const TICK_MS = 1000

export interface DecisionConfig {
  /** The rules document (see the README's rule language); can be replaced later with `setRules`. */
  rules?: unknown
  experiments?: ExperimentConfig[]
  /** Caps by nudge id; nudges not listed get the defaults. */
  nudges?: Record<string, NudgeCaps>
  /** Interruptions per session across every nudge. Default 3. */
  budget?: number
  /** Custom predicates, by the name rules use in `{ "predicate": name }`. */
  predicates?: Record<string, (profile: Profile, now: number) => boolean>
  /** Default hold of segments, such as `"10s"`. */
  hold?: string | number
  /** How many times a component's variant may change per session. Default 5. */
  maxVariantChanges?: number
  /** Half-life of event scores in rules; default the instance's. */
  halfLifeMs?: number
}

/** What the engine reports for analytics: exposures and conversions per arm, nudge outcomes. */
export type DecisionEvent =
  | { type: 'exposure'; experiment: string; arm: string; visitor: string; at: number }
  | { type: 'conversion'; experiment: string; arm: string; event: string; visitor: string; at: number }
  | { type: 'nudge'; nudge: string; action: 'shown' | 'dismissed' | 'helpful' | 'not-helpful'; visitor: string; at: number }

export interface SegmentExplanation extends SegmentStatus {
  /** Every condition of its rule, in document order, with the value read and the outcome. */
  trace: Trace[]
}

export interface NudgeStatus {
  /** Whether the nudge may show now. */
  allowed: boolean
  /** Why not, when it may not. */
  reason: string | null
}

/** The decision functions an instance gains. Like the rest, they do not depend on `this`. */
export interface Decisions {
  /** Replaces the rules: the valid ones take effect at once, the invalid ones are reported and left out. */
  setRules: (doc: unknown) => ValidationResult
  /** Ids of the active segments, highest priority first. */
  segments: () => readonly string[]
  /** The highest-priority active segment, or null. */
  segment: () => string | null
  /** Why each segment (or one) matches or not, condition by condition. */
  explain: (segmentId?: string) => SegmentExplanation[]
  /**
   * The variant of a component for the current segments and arm. With
   * `refresh: false` it reads the segments as last computed, without
   * evaluating anything (as React snapshots must). With `initial: true` it
   * decides from the instance's `initialProfile` (default without one), as
   * server rendering and hydration must.
   */
  decide: <V>(componentId: string, variants: Variants<V>, options?: DecideOptions) => Decision<V>
  /** Tells the engine a decision was shown: counts variant changes and logs the exposure. */
  shown: <V>(componentId: string, decision: Decision<V>, options?: { experiment?: string }) => void
  /** The visitor's arm in an experiment, or null (not in its segment, unknown experiment). `refresh` and `initial` as for decide. */
  arm: (experimentId: string, options?: Omit<DecideOptions, 'experiment'>) => string | null
  /** Logs an exposure to an experiment, once per visitor; only under consent. */
  expose: (experimentId: string) => void
  /** Whether a nudge may show now, and why not; `caps` override the configured ones. */
  nudgeStatus: (nudgeId: string, caps?: NudgeCaps) => NudgeStatus
  /** Records that a nudge was shown (counts toward its caps and the session budget). */
  nudgeShown: (nudgeId: string) => void
  /** Records a dismissal: the nudge's cooldown doubles. */
  dismiss: (nudgeId: string) => void
  /** Visitor feedback on a nudge; not helpful suppresses it for this visitor. */
  feedback: (nudgeId: string, value: 'helpful' | 'not-helpful') => void
  /**
   * The message to show for a component: the next of its messages (they
   * rotate), filled from visitor traits and `values`. Plain text.
   */
  message: (componentId: string, messages: string | readonly string[], values?: Record<string, unknown>) => { text: string; index: number }
  /** Records which message was shown, so the next one differs. */
  messageShown: (componentId: string, index: number) => void
  /** Calls `listener` with exposures, conversions and nudge outcomes. Returns the unsubscribe function. */
  onDecision: (listener: (event: DecisionEvent) => void) => () => void
  /** The active segments as last computed, without re-evaluating (for React's useSyncExternalStore). */
  activeSegments: () => readonly string[]
  /** Calls `listener` when the active segments change. Watching also keeps time-dependent rules current. */
  watchSegments: (listener: () => void) => () => void
  /**
   * Forces segments and arms, for QA, previews and Storybook; `null` lifts it.
   * While overridden, nothing is emitted to `onDecision` and no exposure is
   * stored: a forced visit is not data.
   */
  override: (overrides: Overrides | null) => void
  /** Like watchSegments, and also after every commit: for reads that depend on the visitor too (arms, variant limits). */
  watchDecisions: (listener: () => void) => () => void
}

export type DecisionAttune = Attune & Decisions

export interface Overrides {
  /** The active segments, highest priority first, whatever the rules say. */
  segments?: readonly string[]
  /** Arms by experiment id (an arm the experiment does not have is ignored). */
  arms?: Record<string, string>
}

export interface DecideOptions {
  /** The experiment whose arm picks among the variants. */
  experiment?: string
  /** Evaluate what changed first (default), or read the segments as last computed. */
  refresh?: boolean
  /** Decide from the instance's `initialProfile`, as server rendering and hydration do. */
  initial?: boolean
}

const NONE: readonly string[] = []

const EMPTY_STATE: Record<string, Json> = {}

/**
 * Adds the decision engine to an instance. Configuration problems are
 * reported with console warnings naming the path and left out; nothing here
 * throws for bad input.
 */
export function withDecisions(attune: Attune, config: DecisionConfig = {}): DecisionAttune {
  const holdMs = parseDuration(config.hold) ?? HOLD_MS
  const maxChanges = isFiniteNumber(config.maxVariantChanges) && config.maxVariantChanges >= 0 ? config.maxVariantChanges : MAX_VARIANT_CHANGES
  const budget = isFiniteNumber(config.budget) && config.budget >= 0 ? config.budget : DEFAULT_BUDGET
  const predicates = config.predicates ?? {}
  const halfLifeMs = config.halfLifeMs ?? attune.halfLifeMs
  const experiments = new Map<string, ExperimentConfig>()
  ;(Array.isArray(config.experiments) ? config.experiments : []).forEach((experiment: unknown, i) => {
    const problems = checkExperiment(experiment, `/experiments/${i}`)
    for (const [path, message] of problems) warn(`experiment at ${path}: ${message}; it is left out.`)
    if (!problems.length) experiments.set((experiment as ExperimentConfig).id, experiment as ExperimentConfig)
  })
  const listeners = new Set<(event: DecisionEvent) => void>()
  const warned = new Set<string>()
  /** Conversions emitted on this page, while their record waits to be committed. */
  const attributed = new Set<string>()
  const watchers = new Set<() => void>()

  let timer: ReturnType<typeof setTimeout> | undefined
  let dueAt = Infinity
  let rules: Rules = { segments: [], models: {} }
  let evaluator: SegmentEvaluator = createSegmentEvaluator(rules, { holdMs, halfLifeMs, predicates })
  let evaluated: Profile | null = null
  let evaluatedAt = -Infinity

  const profile = () => attune.getProfile()
  const state = (key: string) => (profile().state[key] as Record<string, Json> | undefined) ?? EMPTY_STATE
  const setState = (key: string, id: string, value: Json) => attune.record({ type: 'state', key, id, value })
  let forced: Overrides | null = null
  const emit = (event: DecisionEvent) => {
    // Nothing leaves the page without consent, nor from a forced visit.
    if (attune.getConsent() === 'granted' && !forced) listeners.forEach((listener) => listener(event))
  }
  const current = () => forced?.segments ?? evaluator.active()

  /** Brings the segments up to date with the profile and the clock; notifies watchers on change. */
  const refresh = () => {
    const current = profile()
    const now = attune.now()
    if (current === evaluated && now - evaluatedAt < TICK_MS && (evaluator.nextCheck() ?? Infinity) > now) return
    const changed = evaluator.update(current, evaluated, now)
    evaluated = current
    evaluatedAt = now
    if (changed) watchers.forEach((watcher) => watcher())
  }

  const setRules = (doc: unknown): ValidationResult => {
    const result = validateRules(doc, { predicates: Object.keys(predicates) })
    rules = result.rules
    evaluator = createSegmentEvaluator(rules, { holdMs, halfLifeMs, predicates })
    evaluated = null
    refresh()
    clearTimeout(timer)
    dueAt = Infinity
    schedule()
    return result
  }
  if (config.rules !== undefined) {
    const { errors } = setRules(config.rules)
    for (const { path, message } of errors) warn(`rules ${path || '/'}: ${message}`)
  }

  // Behavior changes: segments, conversions, propensity learning.
  attune.subscribe((next, previous) => {
    refresh()
    schedule()
    // A new visitor (forget()) or the stored one taking over (consent
    // granted, profiles merged) is not new behavior: nothing to learn or
    // attribute. Nor is a commit that touched no event (scrolling, dwell).
    if (next.visitor.id !== previous.visitor.id) return
    if (next.events === previous.events && next.visitor.sessionId === previous.visitor.sessionId) return
    learnFrom(next, previous)
    attribute(next, previous)
  })

  function learnFrom(next: Profile, previous: Profile) {
    for (const [name, model] of Object.entries(rules.models)) {
      if (model.type !== 'logistic') continue
      const converted = (next.events[model.event]?.count ?? 0) > (previous.events[model.event]?.count ?? 0)
      // A session that ended without the conversion is a negative example, with the behavior it ended on.
      const missed = next.visitor.sessionId !== previous.visitor.sessionId && (previous.events[model.event]?.last ?? 0) < previous.visitor.sessionStart
      if (!converted && !missed) continue
      const from = converted ? next : previous
      // Deferred, as this runs while subscribers hear of a commit; the step
      // starts from the weights as they are then, so no step is lost.
      queueMicrotask(() => {
        setState('models', name, learn(model, logisticState(model, profile(), name), from, converted ? 1 : 0) as unknown as Json)
        attune.flush()
      })
    }
  }

  /** Conversions: once per visitor, experiment and event, after the exposure. */
  function attribute(next: Profile, previous: Profile) {
    // Exposures from before this commit only: an event in the same batch as the exposure came first.
    const exposed = previous.state.exposed
    if (!isObject(exposed)) return
    const converted = state('converted')
    for (const [name, entry] of Object.entries(next.events)) {
      if (entry.count <= (previous.events[name]?.count ?? 0)) continue
      for (const [id, arm] of Object.entries(exposed)) {
        const experiment = experiments.get(id)
        const key = `${id}:${name}`
        if (typeof arm !== 'string' || !experiment || (experiment.conversions && !experiment.conversions.includes(name)) || converted[key] || attributed.has(key)) continue
        if (attune.getConsent() !== 'granted') continue
        attributed.add(key)
        queueMicrotask(() => setState('converted', key, true))
        emit({ type: 'conversion', experiment: id, arm, event: name, visitor: next.visitor.id, at: entry.last })
      }
    }
  }

  /**
   * While watched, re-checks time-dependent rules every tick, and held
   * segments when their hold ends. One timer, moved only when due earlier.
   */
  function schedule() {
    if (!watchers.size) return
    const now = attune.now()
    const hold = evaluator.nextCheck()
    const due = Math.min(evaluator.timeDependent() ? now + TICK_MS : Infinity, hold ?? Infinity)
    if (due >= dueAt || due === Infinity) return
    clearTimeout(timer)
    dueAt = due
    timer = setTimeout(() => {
      dueAt = Infinity
      refresh()
      schedule()
    }, Math.max(0, due - now))
  }

  // Arms by experiment, for the visitor they were computed for: hashing once per visitor, not per render.
  const arms = new Map<string, { visitor: string; arm: string | null }>()
  // The initial profile's segments, evaluated once per rules document, at
  // the profile's own time: the server and the browser agree on them.
  let initial: { rules: Rules; active: readonly string[] } | null = null
  const initialSegments = (start: Profile) => {
    if (initial?.rules !== rules) {
      const once = createSegmentEvaluator(rules, { holdMs, halfLifeMs, predicates })
      once.update(start, null, start.visitor.lastSeen)
      initial = { rules, active: once.active() }
    }
    return initial.active
  }
  const active = (options: Omit<DecideOptions, 'experiment'>) =>
    options.initial ? (attune.initialProfile ? initialSegments(attune.initialProfile) : NONE) : options.refresh === false ? current() : decisions.segments()
  const arm = (experimentId: string, options: Omit<DecideOptions, 'experiment'> = {}): string | null => {
    const experiment = experiments.get(experimentId)
    if (!experiment) return null
    const pinned = forced?.arms?.[experimentId]
    if (!options.initial && pinned !== undefined && Object.hasOwn(experiment.arms, pinned)) return pinned
    const start = attune.initialProfile
    if (options.initial && !start) return null
    if (experiment.segment !== undefined && !active(options).includes(experiment.segment)) return null
    const visitor = options.initial && start ? start.visitor.id : profile().visitor.id
    const known = arms.get(experimentId)
    if (known?.visitor === visitor) return known.arm
    const assigned = assignArm(experiment.id, experiment.arms, visitor)
    arms.set(experimentId, { visitor, arm: assigned })
    return assigned
  }

  // Shown before consent: logged once consent is granted.
  const unexposed = new Set<string>()
  const expose = (experimentId: string) => {
    if (forced || Object.hasOwn(state('exposed'), experimentId)) return
    const assigned = arm(experimentId)
    if (assigned === null) return
    if (attune.getConsent() !== 'granted') return void unexposed.add(experimentId)
    // Events recorded before the exposure commit first: they are not its conversions.
    attune.flush()
    setState('exposed', experimentId, assigned)
    attune.flush()
    emit({ type: 'exposure', experiment: experimentId, arm: assigned, visitor: profile().visitor.id, at: attune.now() })
  }

  const history = (id: string): NudgeHistory => readHistory(state('nudges')[id])
  const nudgeAction = (id: string, action: 'shown' | 'dismissed' | 'helpful' | 'not-helpful', update: (h: NudgeHistory) => NudgeHistory) => {
    setState('nudges', id, update(history(id)) as unknown as Json)
    attune.flush()
    emit({ type: 'nudge', nudge: id, action, visitor: profile().visitor.id, at: attune.now() })
  }

  const decisions: Decisions = {
    setRules,
    segments() {
      refresh()
      return current()
    },
    segment: () => decisions.segments()[0] ?? null,
    explain(segmentId) {
      refresh()
      return evaluator.statuses().filter((status) => segmentId === undefined || status.id === segmentId).map((status) => ({ ...status, trace: evaluator.trace(status.id, profile(), attune.now()) }))
    },
    decide<V>(componentId: string, variants: Variants<V>, options: DecideOptions = {}): Decision<V> {
      const problem = checkVariants(variants)
      if (problem) {
        // Once per component: decide runs on every render.
        if (!warned.has(componentId)) warn(`decide("${componentId}"): the variants ${problem}.`)
        warned.add(componentId)
        return { variant: (variants as { default?: V } | null)?.default as V, key: 'default', segment: null, arm: null }
      }
      const assigned = options.experiment === undefined ? null : arm(options.experiment, options)
      const kept = state('variants')[componentId]
      // After too many changes this session, the variant last shown stays.
      if (
        !options.initial &&
        !forced &&
        isObject(kept) &&
        kept.session === profile().visitor.sessionId &&
        isFiniteNumber(kept.changes) &&
        kept.changes >= maxChanges &&
        typeof kept.key === 'string' &&
        Object.hasOwn(variants, kept.key)
      ) {
        return { variant: variants[kept.key]!, key: kept.key, segment: typeof kept.segment === 'string' ? kept.segment : null, arm: assigned }
      }
      const { key, segment } = pickVariant(variants, active(options), assigned)
      return { variant: variants[key]!, key, segment, arm: assigned }
    },
    shown(componentId, decision, options = {}) {
      // A forced visit changes no variant history.
      if (forced) return
      const session = profile().visitor.sessionId
      const kept = state('variants')[componentId]
      const same = isObject(kept) && kept.session === session
      const locked = same && isFiniteNumber(kept.changes) && kept.changes >= maxChanges
      if (!locked && (!same || kept.key !== decision.key)) {
        const changes = same && isFiniteNumber(kept.changes) ? kept.changes + 1 : 0
        setState('variants', componentId, { key: decision.key, segment: decision.segment, session, changes })
      }
      if (options.experiment !== undefined && decision.arm !== null) expose(options.experiment)
    },
    arm,
    expose,
    nudgeStatus(id, caps) {
      const current = profile()
      const sessionStart = current.visitor.sessionStart
      const nudges = state('nudges')
      let sessionShown = 0
      const now = attune.now()
      for (const key of Object.keys(nudges)) sessionShown += countSince(readHistory(nudges[key]).shown, now - sessionStart, now)
      const given = Object.fromEntries(Object.entries(caps ?? {}).filter(([, value]) => value !== undefined))
      const reason = blockedBy(history(id), resolveCaps({ ...config.nudges?.[id], ...given }), now, sessionStart, sessionShown, budget)
      return { allowed: reason === null, reason }
    },
    nudgeShown: (id) => nudgeAction(id, 'shown', (h) => withShown(h, attune.now())),
    dismiss: (id) => nudgeAction(id, 'dismissed', (h) => ({ ...h, dismissed: h.dismissed + 1 })),
    feedback(id, value) {
      if (value !== 'helpful' && value !== 'not-helpful') {
        warn(`feedback("${id}") ignored ${JSON.stringify(value)}; expected 'helpful' or 'not-helpful'.`)
        return
      }
      nudgeAction(id, value, (h) => (value === 'helpful' ? { ...h, helpful: h.helpful + 1 } : { ...h, unhelpful: true }))
    },
    message(componentId, messages, values = {}) {
      const list = typeof messages === 'string' ? [messages] : messages
      const last = state('rotation')[componentId]
      const index = nextMessageIndex(list.length, isFiniteNumber(last) ? last : undefined)
      return { text: renderTemplate(list[index] ?? '', { ...profile().visitor.traits, ...values }), index }
    },
    messageShown(componentId, index) {
      if (state('rotation')[componentId] !== index) setState('rotation', componentId, index)
    },
    onDecision(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    activeSegments: current,
    override(overrides) {
      forced = overrides && { ...overrides, ...(overrides.segments ? { segments: [...overrides.segments] } : {}) }
      watchers.forEach((watcher) => watcher())
    },
    watchDecisions(listener) {
      const stopSegments = decisions.watchSegments(listener)
      const stopProfile = attune.subscribe(listener)
      return () => {
        stopSegments()
        stopProfile()
      }
    },
    watchSegments(listener) {
      watchers.add(listener)
      refresh()
      schedule()
      return () => {
        watchers.delete(listener)
        if (watchers.size) return
        clearTimeout(timer)
        dueAt = Infinity
      }
    },
  }

  return {
    ...attune,
    ...decisions,
    setConsent(consent) {
      attune.setConsent(consent)
      if (attune.getConsent() !== 'granted') return
      for (const id of unexposed) expose(id)
      unexposed.clear()
    },
  }
}
