/**
 * How two entries of a keyed collection combine, field by field, as the
 * schema's merge rules say. One implementation for both places entries
 * meet: a stored profile merged with the live one (persistence.ts), and an
 * event folded into the entry it updates (aggregate.ts), where the event is
 * the entry it would be on its own: a pageview is `{ views: 1, dwellMs: 0,
 * last: t }`.
 */
import { isField, mergeOf, type EntrySchema, type FieldSpec, type FixedSchema, type MergeRule } from './profile-schema'
import type { Limits } from './profile'
import { decay } from './smoothing'

export type Entry = Record<string, unknown>
/** A part's fields with their specs (the groups of a fixed part left out). */
export type Fields = [name: string, spec: FieldSpec][]

export interface EntryMergeOptions {
  limits: Limits
  /** Half-life of decayed scores, in ms. */
  halfLifeMs: number
}

export const fieldsOf = (part: EntrySchema | FixedSchema): Fields => Object.entries(part).filter((field): field is [string, FieldSpec] => isField(field[1]))

/**
 * The field `name` of two entries, combined by its merge rule; a field only
 * one of them has is kept as it is. Scores decay to `last`, the later time.
 */
function mergeField(rule: MergeRule, name: string, a: Entry, b: Entry, last: number, options: EntryMergeOptions): unknown {
  const x = a[name]
  const y = b[name]
  if (x === undefined || y === undefined) return x === undefined ? y : x
  switch (rule) {
    case 'sum':
      return (x as number) + (y as number)
    case 'max':
      return Math.max(x as number, y as number)
    case 'ring':
      return [...(x as number[]), ...(y as number[])].sort((p, q) => p - q).slice(-options.limits.recent)
    case 'decay':
      return decay(x as number, last - (a.last as number), options.halfLifeMs) + decay(y as number, last - (b.last as number), options.halfLifeMs)
    case 'live':
      return y
  }
}

/** `a` and `b` (the later one) combined: a new entry with the fields both may have. */
export function mergeEntry(a: Entry, b: Entry, fields: Fields, options: EntryMergeOptions): Entry {
  const out: Entry = {}
  const last = Math.max(a.last as number, b.last as number)
  for (const [name, spec] of fields) {
    const value = mergeField(mergeOf(spec), name, a, b, last, options)
    if (value !== undefined) out[name] = value
  }
  return out
}
