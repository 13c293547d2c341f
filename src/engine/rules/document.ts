/**
 * The rule language as a product person writes it (the JSON document) and
 * as validation hands it to the compiler (checked rule trees, with the JSON
 * pointer each came from).
 */
import type { Diagnostic } from '../diagnostics'
import type { Signal } from './signals'

export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between', 'exists', 'matches'] as const
export type Operator = (typeof OPERATORS)[number]

export type Primitive = string | number | boolean | null

/** A condition, as written in JSON. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ({ signal: string } & { [op in Operator]?: unknown })
  | { event: string; count: { [op in Operator]?: unknown }; within?: string | number }
  | { event: string; score: { [op in Operator]?: unknown } }
  | { segment: string }
  | { predicate: string }
  | { model: string; is: string }

export interface SegmentRule {
  /** Letters, digits, `-` and `_`. */
  id: string
  /** Higher wins when several segments match. Default 0. */
  priority?: number
  /** Least time the segment holds once entered or left (`"30s"`); default: the engine's. */
  hold?: string | number
  description?: string
  when: Condition
}

/** Nearest-centroid classification over behavior features. */
export interface CentroidModel {
  type: 'centroid'
  /** Numeric signal paths. */
  features: string[]
  /** One point per class, a value per feature, in the features' own units. */
  centroids: Record<string, number[]>
  /** Standardization: distances are measured on (value − mean) / std. Default 0 and 1. */
  mean?: number[]
  std?: number[]
}

/** An online logistic propensity score, readable as `propensity.<name>`. */
export interface LogisticModel {
  type: 'logistic'
  /** Signal path → weight, or `{ weight, scale }`: the feature is `value / scale`. */
  features: Record<string, number | { weight: number; scale?: number }>
  bias?: number
  /** Step size of the online updates; 0 freezes the model. Default 0.05. */
  learningRate?: number
  /** The conversion event: tracking it is a positive example. */
  event: string
}

export type Model = CentroidModel | LogisticModel

export interface RulesDocument {
  segments: SegmentRule[]
  models?: Record<string, Model>
}

/** A checked rule tree. `at` is the JSON pointer of the condition it came from. */
export type RuleNode =
  | { kind: 'all' | 'any'; at: string; nodes: RuleNode[] }
  | { kind: 'not'; at: string; node: RuleNode }
  | { kind: 'signal'; at: string; name: string; signal: Signal; op: Operator; value: unknown; regex?: RegExp }
  | { kind: 'count'; at: string; event: string; op: Operator; value: unknown; within: number | null }
  | { kind: 'score'; at: string; event: string; op: Operator; value: unknown }
  | { kind: 'segment'; at: string; id: string }
  | { kind: 'predicate'; at: string; name: string }
  | { kind: 'model'; at: string; model: string; is: string }

export interface CheckedSegment {
  id: string
  priority: number
  /** ms, or null for the engine's default. */
  hold: number | null
  when: RuleNode
}

export interface CheckedCentroidModel {
  type: 'centroid'
  features: Signal[]
  names: string[]
  /** Centroids in standardized units, one per name. */
  points: number[][]
  mean: number[]
  std: number[]
}

export interface CheckedLogisticModel {
  type: 'logistic'
  features: Signal[]
  weights: number[]
  scales: number[]
  bias: number
  learningRate: number
  event: string
}

export type CheckedModel = CheckedCentroidModel | CheckedLogisticModel

/** What validation keeps: the valid segments (by priority, then document order) and models. */
export interface Rules {
  segments: CheckedSegment[]
  models: Record<string, CheckedModel>
}

/** Each error is a {@link Diagnostic}: the JSON pointer of the value at fault, and what was expected. */
export type ValidationResult = { ok: true; rules: Rules; errors: [] } | { ok: false; rules: Rules; errors: Diagnostic[] }

export interface ValidateOptions {
  /** Names of the custom predicates registered in code. When given, other names are errors. */
  predicates?: readonly string[]
}
