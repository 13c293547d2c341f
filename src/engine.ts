/**
 * `attune/engine`: the decision engine, framework-free. Add it to an
 * instance with `withDecisions(createAttune(), { rules, experiments })`.
 */
export { withDecisions } from './core/engine'
export type { DecideOptions, DecisionAttune, DecisionConfig, DecisionEvent, Decisions, NudgeStatus, Overrides, SegmentExplanation } from './core/engine'
export { validateRules, OPERATORS } from './core/rules'
export type {
  CentroidModel,
  Condition,
  LogisticModel,
  Model,
  Operator,
  RuleError,
  RulesDocument,
  SegmentRule,
  ValidateOptions,
  ValidationResult,
} from './core/rules'
export type { Trace } from './core/compile'
export type { SegmentStatus } from './core/segments'
export { assignArm } from './core/experiments'
export type { ExperimentConfig } from './core/experiments'
export { murmur3 } from './core/hash'
export type { NudgeCaps } from './core/fatigue'
export { renderTemplate } from './core/templates'
export { checkVariants, pickVariant } from './core/variants'
export type { Decision, Variants } from './core/variants'
export { parseDuration } from './core/duration'
