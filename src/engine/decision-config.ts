/**
 * The engine's configuration, and its checking: a bad value is reported
 * with a console warning naming its JSON pointer and what was expected (in
 * development builds; experiments in every build, as rules are), and the
 * default (or, for an experiment, nothing) takes its place.
 */
import { devWarn } from '../core/dev'
import { formatDuration, parseDuration, type Duration } from '../core/duration'
import { isFiniteNumber } from '../core/guards'
import type { Profile } from '../core/profile'
import { formatDiagnostic, pointer, type Diagnostic } from './diagnostics'
import { checkExperiment, type ExperimentConfig } from './experiments'
import { DEFAULT_BUDGET, type NudgeCaps } from './fatigue'

/** A segment entered or left holds for 10 s unless its rule says otherwise. */
const HOLD_MS = 10_000
/** A component's variant changes at most this often per session, by default. */
const MAX_VARIANT_CHANGES = 5

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
  /** Default hold of segments, such as `"10s"`. Default 10 s. */
  hold?: Duration
  /** How many times a component's variant may change per session. Default 5. */
  maxVariantChanges?: number
  /** Half-life of event scores in rules, such as `"1d"`; default the instance's. */
  halfLife?: Duration
}

/** The configuration as the engine's parts take it. */
export interface ResolvedConfig {
  holdMs: number
  halfLifeMs: number
  maxChanges: number
  budget: number
  predicates: Record<string, (profile: Profile, now: number) => boolean>
  /** The valid experiments, by id. */
  experiments: Map<string, ExperimentConfig>
  nudges: Record<string, NudgeCaps>
}

const DURATION = 'a duration such as "10s", "10m" or a number of ms'
/** A value, for a message: numbers as they print (NaN, Infinity), the rest as JSON. */
const show = (value: unknown) => (typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value))
const report = (problem: Diagnostic) => {
  if (__DEV__) devWarn(formatDiagnostic('withDecisions()', problem) + '.')
}

/** Checks `config`; `halfLifeMs` is the instance's, the default of `halfLife`. */
export function resolveConfig(config: DecisionConfig, halfLifeMs: number): ResolvedConfig {
  const duration = (key: 'hold' | 'halfLife', fallback: number) => {
    const value = config[key]
    const ms = value === undefined ? fallback : parseDuration(value)
    if (__DEV__ && ms === null) {
      report({ path: pointer('', key), message: `expected ${DURATION}, got ${show(value)}; using ${formatDuration(fallback)}` })
    }
    return ms ?? fallback
  }
  const count = (key: 'budget' | 'maxVariantChanges', fallback: number) => {
    const value = config[key]
    if (value === undefined || (isFiniteNumber(value) && value >= 0)) return value ?? fallback
    if (__DEV__) {
      report({ path: pointer('', key), message: `expected a number ≥ 0, got ${show(value)}; using ${fallback}` })
    }
    return fallback
  }
  const resolved: ResolvedConfig = {
    holdMs: duration('hold', HOLD_MS),
    halfLifeMs: duration('halfLife', halfLifeMs),
    maxChanges: count('maxVariantChanges', MAX_VARIANT_CHANGES),
    budget: count('budget', DEFAULT_BUDGET),
    predicates: config.predicates ?? {},
    experiments: checkedExperiments(config.experiments),
    nudges: config.nudges ?? {},
  }
  // Only development checks the cooldowns (fatigue falls back on its own): the whole loop folds away in production.
  if (__DEV__) {
    for (const [id, caps] of Object.entries(resolved.nudges)) {
      const cooldown = (caps as NudgeCaps | undefined)?.cooldown
      if (cooldown !== undefined && parseDuration(cooldown) === null) {
        report({ path: pointer(pointer('/nudges', id), 'cooldown'), message: `expected ${DURATION}, got ${show(cooldown)}; using the default` })
      }
    }
  }
  return resolved
}

/** The valid experiments by id; each invalid one is reported and left out. */
function checkedExperiments(list: unknown): Map<string, ExperimentConfig> {
  const experiments = new Map<string, ExperimentConfig>()
  ;(Array.isArray(list) ? list : []).forEach((experiment: unknown, i) => {
    const problems = checkExperiment(experiment, pointer('/experiments', i))
    if (__DEV__) for (const problem of problems) devWarn(formatDiagnostic('experiment at', problem) + '; it is left out.')
    if (!problems.length) experiments.set((experiment as ExperimentConfig).id, experiment as ExperimentConfig)
  })
  return experiments
}
