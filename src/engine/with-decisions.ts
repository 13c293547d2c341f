/**
 * The decision engine: `withDecisions(attune, config)` adds segments,
 * experiments, nudges and variants to an Attune instance. It wires small
 * parts, each in its own file: the segment clock, the experiment arms and
 * log, the nudge ledger, the variant history, message rotation and model
 * learning. They keep their data in `profile.state` through
 * `attune.writeState`, so storage, consent and `forget()` cover it too.
 */
import type { Attune, ProfileListener } from '../core/attune'
import { devWarn } from '../core/dev'
import { resolveConfig, type DecisionConfig } from './decision-config'
import { createDecisionChannel, type DecisionEvent } from './decision-events'
import { formatDiagnostic } from './diagnostics'
import { createExperimentArms } from './experiment-arms'
import { createExperimentLog, type ExperimentLog } from './experiment-log'
import { createMessageRotation } from './message-rotation'
import { learnFrom } from './model-learning'
import { createNudgeLedger, type NudgeStatus } from './nudge-ledger'
import type { NudgeCaps } from './fatigue'
import type { Trace } from './rules/compile'
import type { ValidationResult } from './rules/document'
import { validateRules } from './rules/validate'
import { createSegmentClock, type SegmentClock } from './segment-clock'
import type { SegmentStatus } from './segments'
import { createVariantHistory } from './variant-history'
import { createVariantChoice, type DecideOptions, type ReadOptions } from './variant-choice'
import type { Decision, Variants } from './variants'

export type { DecisionConfig } from './decision-config'
export type { DecisionEvent } from './decision-events'
export type { NudgeStatus } from './nudge-ledger'
export type { DecideOptions } from './variant-choice'

export interface SegmentExplanation extends SegmentStatus {
  /** Every condition of its rule, in document order, with the value read and the outcome. */
  trace: Trace[]
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

const NONE: readonly string[] = []

/**
 * Adds the decision engine to an instance. Configuration problems are
 * reported with console warnings naming the path and left out; nothing here
 * throws for bad input.
 */
export function withDecisions(attune: Attune, config: DecisionConfig = {}): DecisionAttune {
  const settings = resolveConfig(config, attune.halfLifeMs)
  const profile = () => attune.getProfile()
  // The engine's one switch: a forced visit (QA, previews) is not data.
  let forced: Overrides | null = null
  const channel = createDecisionChannel(() => attune.getConsent() === 'granted' && !forced)
  const clock = createSegmentClock({ ...settings, now: attune.now, profile })
  const current = () => forced?.segments ?? clock.active()
  const segments = () => {
    clock.refresh()
    return current()
  }
  const active = (options: ReadOptions) => (options.initial ? (attune.initialProfile ? clock.initial(attune.initialProfile) : NONE) : options.refresh === false ? current() : segments())
  const arms = createExperimentArms(settings.experiments)
  const arm = (experimentId: string, options: ReadOptions = {}): string | null => {
    const start = options.initial ? attune.initialProfile : null
    if (options.initial && !start) return null
    return arms.arm(experimentId, { visitor: (start ?? profile()).visitor.id, segments: () => active(options), pinned: start ? undefined : forced?.arms?.[experimentId] })
  }
  const log = createExperimentLog({ attune, experiments: settings.experiments, arm, forced: () => forced !== null, emit: channel.emit })
  const nudges = createNudgeLedger({ attune, caps: settings.nudges, budget: settings.budget, emit: channel.emit })
  const history = createVariantHistory({ attune, maxChanges: settings.maxChanges })
  const rotation = createMessageRotation(attune)

  const setRules = (doc: unknown): ValidationResult => {
    const result = validateRules(doc, { predicates: Object.keys(settings.predicates) })
    clock.load(result.rules)
    return result
  }
  const { errors } = config.rules === undefined ? { errors: [] } : setRules(config.rules)
  if (__DEV__) for (const error of errors) devWarn(formatDiagnostic('rules', error))
  attune.subscribe(afterCommit(attune, clock, log), clock.needs)

  const decisions: Decisions = {
    setRules,
    segments,
    segment: () => segments()[0] ?? null,
    explain: clock.explain,
    decide: createVariantChoice({ history, forced: () => forced !== null, arm, segments: active }),
    shown(componentId, decision, options = {}) {
      // A forced visit changes no variant history.
      if (forced) return
      history.shown(componentId, decision)
      if (options.experiment !== undefined && decision.arm !== null) log.expose(options.experiment)
    },
    arm,
    expose: log.expose,
    nudgeStatus: nudges.status,
    nudgeShown: (id) => nudges.record(id, 'shown'),
    dismiss: (id) => nudges.record(id, 'dismissed'),
    feedback(id, value) {
      if (value !== 'helpful' && value !== 'not-helpful') return void (__DEV__ && devWarn(`feedback("${id}") ignored ${JSON.stringify(value)}; expected 'helpful' or 'not-helpful'.`))
      nudges.record(id, value)
    },
    message: rotation.message,
    messageShown: rotation.shown,
    onDecision: channel.listen,
    activeSegments: current,
    override(overrides) {
      forced = overrides && { ...overrides, ...(overrides.segments ? { segments: [...overrides.segments] } : {}) }
      clock.notify()
    },
    // Decisions change with the segments (the clock's watch), not with samples.
    watchDecisions: (listener) => watchBoth(clock.watch(listener), attune.subscribe(listener, () => false)),
    watchSegments: clock.watch,
  }

  return {
    ...attune,
    ...decisions,
    setConsent(consent) {
      attune.setConsent(consent)
      if (attune.getConsent() === 'granted') log.consentGranted()
    },
  }
}

/** What the engine does after each commit: segments first, then propensity learning and conversions. */
function afterCommit(attune: Attune, clock: SegmentClock, log: ExperimentLog): ProfileListener {
  return (next, previous) => {
    clock.committed()
    // A new visitor (forget()) or the stored one taking over (consent
    // granted, profiles merged) is not new behavior: nothing to learn or
    // attribute. Nor is a commit that touched no event (scrolling, dwell,
    // the engine's own writes).
    if (next.visitor.id !== previous.visitor.id) return
    if (next.events === previous.events && next.visitor.sessionId === previous.visitor.sessionId) return
    learnFrom(attune, clock.rules(), next, previous)
    log.attribute(next, previous)
  }
}

const watchBoth = (a: () => void, b: () => void) => () => {
  a()
  b()
}
