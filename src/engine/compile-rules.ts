/**
 * Rules compiled for profiles one at a time, outside an instance: on a
 * server deciding from a stored profile, in a batch job over exported
 * profiles, in tests. The same compiled predicates as the live engine, with
 * no hold (each profile is a single look).
 */
import { parseDuration, type Duration } from '../core/duration'
import type { Profile } from '../core/profile'
import type { Diagnostic } from './diagnostics'
import { validateRules } from './rules/validate'
import { createSegmentEvaluator } from './segments'

/** What `compileRules` takes besides the document. */
export interface CompileRulesOptions {
  /** Custom predicates, by the name rules use in `{ "predicate": name }`. */
  predicates?: Record<string, (profile: Profile, now: number) => boolean>
  /** Half-life of event scores, such as `"1d"`. Default 1 day. */
  halfLife?: Duration
}

/** A rules document compiled by `compileRules`: its errors, and the evaluation of one profile. */
export interface CompiledRules {
  /** What was wrong with the document: the invalid parts are left out, the rest is compiled. */
  errors: Diagnostic[]
  /** The segments `profile` matches at `now` (default: its `visitor.lastSeen`), highest priority first. */
  segments: (profile: Profile, now?: number) => readonly string[]
  /** Whether `profile` matches segment `id` at `now` (default: its `visitor.lastSeen`); false for an unknown id. */
  matches: (id: string, profile: Profile, now?: number) => boolean
}

/** Validates and compiles a rules document once, for evaluating many profiles. */
export function compileRules(doc: unknown, options: CompileRulesOptions = {}): CompiledRules {
  const predicates = options.predicates ?? {}
  const { rules, errors } = validateRules(doc, { predicates: Object.keys(predicates) })
  const evaluator = createSegmentEvaluator(rules, { holdMs: 0, halfLifeMs: parseDuration(options.halfLife ?? 864e5) ?? 864e5, predicates, fresh: true })
  return {
    errors,
    segments: (profile, now = profile.visitor.lastSeen) => (evaluator.update(profile, null, now), evaluator.active()),
    matches: (id, profile, now = profile.visitor.lastSeen) => evaluator.matches(id, profile, now),
  }
}
