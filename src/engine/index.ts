/**
 * `attune/engine`: the decision engine, framework-free. Add it to an
 * instance with `withDecisions(createAttune(), { rules, experiments })`.
 */
export { withDecisions } from './with-decisions'
export type { DecideOptions, DecisionAttune, DecisionConfig, DecisionEvent, Decisions, NudgeStatus, Overrides, SegmentExplanation } from './with-decisions'
export { validateRules } from './rules/validate'
export type { Diagnostic } from './diagnostics'
export { OPERATORS } from './rules/document'
export type {
  CentroidModel,
  Condition,
  LogisticModel,
  Model,
  Operator,
  RulesDocument,
  SegmentRule,
  ValidateOptions,
  ValidationResult,
} from './rules/document'
export type { Trace } from './rules/compile'
export type { SegmentStatus } from './segments'
export { assignArm } from './experiments'
export type { ExperimentConfig } from './experiments'
export { murmur3 } from './hash'
export type { NudgeCaps } from './fatigue'
export { renderTemplate } from './templates'
export { checkVariants, pickVariant } from './variants'
export type { Decision, Variants } from './variants'
export { belongsTo, categoryAffinities, categoryAffinity, CLICK_POINTS, DWELL_MS_PER_POINT, orderByAffinity } from './affinity'
export type { AffinityOptions, Categorized } from './affinity'
export { compileRules } from './compile-rules'
export type { CompileRulesOptions, CompiledRules } from './compile-rules'
