/**
 * What rules read each kind of profile field as. The core declares the
 * fields and how the store checks and merges them (core/profile-schema.ts);
 * what a rule may name and what a missing entry reads as is the rule
 * language's business, so it lives here and the core does not ship it.
 */
import type { FieldKindName, FieldSpec } from '../../core/profile-schema'

/** What a rule reads a field as. */
export type SignalKind = 'number' | 'string' | 'boolean' | 'any'

/** What one kind of field means to rules. */
export interface FieldRead {
  /** What rules read it as; null when rules cannot name it (they reach it through a condition of its own). */
  rule: SignalKind | null
  /** What a rule reads when the entry is missing: "no clicks" is 0 clicks, but there is no time of a click that never happened. */
  missing?: number
  /** Read one key at a time (`visitor.traits.plan`): the example key of messages. */
  keyed?: string
}

/** What rules read each kind as: every kind of FIELD_KINDS has its entry (the type says so). */
export const FIELD_READS: { readonly [K in FieldKindName]: FieldRead } = {
  count: { rule: 'number', missing: 0 },
  ms: { rule: 'number', missing: 0 },
  unit: { rule: 'number', missing: 0 },
  time: { rule: 'number' },
  times: { rule: null },
  score: { rule: null },
  number: { rule: 'number' },
  text: { rule: 'string' },
  key: { rule: 'string' },
  bool: { rule: 'boolean' },
  traits: { rule: 'any', keyed: 'plan' },
}

/** What rules read a field's kind as. */
export const readOf = (spec: FieldSpec): FieldRead => FIELD_READS[typeof spec === 'string' ? spec : spec.kind]

/** What rules read a field as, or null when they may not read it. */
export const ruleOf = (spec: FieldSpec): SignalKind | null => (typeof spec !== 'string' && spec.rules === false ? null : readOf(spec).rule)
