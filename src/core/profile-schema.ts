/**
 * The profile declared once: every field the profile holds, with its kind.
 * A kind says what a value is (a count, a duration in ms, a share 0–1, a
 * time, …) and so how stored data is checked and how a stored entry merges
 * with the live one. The sanitizer and merge (persistence.ts), the
 * aggregator's updates (aggregate.ts), the event checks (events.ts), the
 * rule signals (engine/rules/signals.ts, with what rules read each kind as
 * in engine/rules/field-reads.ts) and the TypeScript types of the profile
 * (profile.ts) all derive from this file: adding a stat is one edit here.
 */
import { isFiniteNumber, isObject } from './guards'
import type { Limits, Trait } from './profile'

/** Ids, names and paths longer than this are refused: they are keys, not data. */
export const MAX_KEY_LENGTH = 200

/** Keys become property names in the profile; `__proto__` would replace an object's prototype. */
export const isKey = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_KEY_LENGTH && v !== '__proto__'

/** A trait value: a string, a finite number, a boolean or null. */
export const isTrait = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean' || isFiniteNumber(v)

const isCount = (v: unknown): boolean => isFiniteNumber(v) && v >= 0
const isTimes = (v: unknown): boolean => Array.isArray(v) && v.every(isFiniteNumber)
const isTraits = (v: unknown): boolean => isObject(v) && Object.entries(v).every(([key, value]) => isKey(key) && isTrait(value))

/**
 * How a stored value and the live one combine (mergeProfiles): added up, the
 * larger kept, rings of times joined (newest kept), decayed scores added as
 * of the later time, or the live value kept.
 */
export type MergeRule = 'sum' | 'max' | 'ring' | 'decay' | 'live'

/**
 * What one kind of field means to the store: how a value is checked and
 * merged. What rules read a kind as is the rule language's business
 * (engine/rules/field-reads.ts): the core does not ship it.
 */
export interface FieldKind {
  /** Whether a value is of this kind: stored data and recorded events are checked with it. */
  check: (value: unknown) => boolean
  /**
   * Makes a stored value usable instead of refusing its entry: a ring keeps
   * its finite times, newest `limits.recent`. Kinds without it refuse a bad value.
   */
  repair?: (value: unknown, limits: Limits) => unknown
  /** How it merges, unless the field says otherwise. */
  merge: MergeRule
}

/**
 * How the store checks and merges each kind. `count`, `ms`, `unit`, `time`,
 * `times` and `score` are the stats of the keyed collections; the others
 * describe the fixed parts.
 */
export const FIELD_KINDS: { readonly [K in FieldKindName]: FieldKind } = {
  /** How many times something happened. */
  count: { check: isCount, merge: 'sum' },
  /** A length of time, in ms. */
  ms: { check: isCount, merge: 'sum' },
  /** A share, 0–1. */
  unit: { check: (v) => typeof v === 'number' && v >= 0 && v <= 1, merge: 'max' },
  /** A moment, in epoch ms. */
  time: { check: isFiniteNumber, merge: 'max' },
  /** The most recent times, oldest first, at most `limits.recent`: rules count them with `{ event, count, within }`. */
  times: {
    check: isTimes,
    repair: (v, limits) => (Array.isArray(v) ? v.filter(isFiniteNumber) : []).slice(-limits.recent),
    merge: 'ring',
  },
  /** A score that halves every half-life, as of the entry's `last`: rules read it with `{ event, score }`. */
  score: { check: isCount, merge: 'decay' },
  /** Any finite number (a speed, a position, an hour). */
  number: { check: isFiniteNumber, merge: 'live' },
  /** Any string. */
  text: { check: (v) => typeof v === 'string', merge: 'live' },
  /** An id or a name: a non-empty string, not too long, never `__proto__`. */
  key: { check: isKey, merge: 'live' },
  bool: { check: (v) => typeof v === 'boolean', merge: 'live' },
  /** Traits by name; stored ones keep what is valid, up to `limits.traits`. */
  traits: {
    check: isTraits,
    repair: (v, limits) => (isObject(v) ? Object.fromEntries(Object.entries(v).slice(0, limits.traits).filter(([key, value]) => isKey(key) && isTrait(value))) : {}),
    merge: 'live',
  },
}

/** The names of the kinds: those of KindValues, so a kind has a type of values and (FIELD_KINDS says so) a check and a merge. */
export type FieldKindName = keyof KindValues

/**
 * What a value of `kind` must be, for development messages. A function, not
 * a field of FIELD_KINDS: only development branches call it, so an app's
 * production build drops these texts with it.
 */
export function expectedOf(kind: FieldKindName): string {
  const count = 'a finite number ≥ 0'
  const texts: Record<FieldKindName, string> = {
    count,
    ms: count,
    unit: 'a number from 0 to 1',
    time: 'a finite number',
    times: 'an array of finite numbers',
    score: count,
    number: 'a finite number',
    text: 'a string',
    key: `a non-empty string of at most ${MAX_KEY_LENGTH} characters, not "__proto__"`,
    bool: 'a boolean',
    traits: 'an object of strings, finite numbers, booleans or null, keyed by non-empty names',
  }
  return texts[kind]
}

/** The TypeScript type of each kind's values. */
export interface KindValues {
  count: number
  ms: number
  unit: number
  time: number
  times: number[]
  score: number
  number: number
  text: string
  key: string
  bool: boolean
  traits: Record<string, Trait>
}

/** A field: its kind, or its kind with a merge of its own, or hidden from rules. */
export type FieldSpec = FieldKindName | { readonly kind: FieldKindName; readonly merge?: MergeRule; readonly rules?: boolean }

/** The fields of a keyed collection's entries. Every entry has a `last` time: the least recently used is evicted. */
export type EntrySchema = { readonly last: FieldSpec } & { readonly [field: string]: FieldSpec }

/** A fixed part of the profile: fields, and groups of fields (a group is told from a field by having no `kind` of its own). */
export type FixedSchema = { readonly [field: string]: FieldSpec | FixedSchema }

/**
 * The profile's schema. Its `entries` are the keyed collections (each
 * bounded by the limit of the same name); `fixed` the parts with one value
 * each, as rules see them.
 */
export interface ProfileSchema {
  readonly entries: { readonly [collection: string]: EntrySchema }
  readonly fixed: FixedSchema
}

/** The built-in schema. Docs on its fields are the docs of the profile's types. */
export const PROFILE_SCHEMA = {
  entries: {
    pages: {
      /** Times the page was opened. */
      views: 'count',
      /** Visible time on the page (tab in front), in ms. */
      dwellMs: 'ms',
      /** When the page was last opened or dwelt on. */
      last: 'time',
    },
    sections: {
      /** Times the section came into view. */
      views: 'count',
      /** Visible time, in ms; only while the tab is in front. */
      dwellMs: 'ms',
      /** Largest share of the section seen at once, 0–1. */
      maxRatio: 'unit',
      /** When the section was last seen. */
      last: 'time',
    },
    hover: {
      /** Hovers that lasted past the intent threshold. */
      count: 'count',
      /** Total time of those hovers, in ms. */
      dwellMs: 'ms',
      /** When the last of them was recorded. */
      last: 'time',
    },
    clicks: {
      /** Clicks so far. */
      count: 'count',
      /** When the last click was. */
      last: 'time',
    },
    events: {
      /** Times the event happened. */
      count: 'count',
      /** When it last happened. */
      last: 'time',
      /** The most recent timestamps, oldest first, at most `limits.recent` of them. */
      recent: 'times',
      /** Decayed score as of `last`: each event adds 1, and the score halves every half-life. */
      score: 'score',
    },
  },
  fixed: {
    /** Path of the current page. */
    page: 'text',
    visitor: {
      /** Anonymous random id, stable while the profile is stored. */
      id: 'key',
      /** Time of the first event of the first visit. */
      firstSeen: 'time',
      /** Time of the most recent event; a session ends after a gap longer than the session timeout. */
      lastSeen: 'time',
      /** Number of sessions so far, this one included. */
      visits: 'count',
      /** Random id of the current session. */
      sessionId: 'text',
      /** When the current session began. */
      sessionStart: 'time',
      /** Traits set through `identify()`, read one at a time: `visitor.traits.plan`. */
      traits: 'traits',
    },
    context: {
      device: 'text',
      viewport: { width: 'number', height: 'number' },
      locale: 'text',
      timeZone: 'text',
      hour: 'number',
      timeOfDay: 'text',
      referrer: 'text',
      utm: { source: 'text', medium: 'text', campaign: 'text', term: 'text', content: 'text' },
    },
    scroll: {
      /** Deepest point seen on the current page: (scrollTop + viewport) / page height, 0–1. */
      depth: 'unit',
      /** Scrolling speed in px/s, smoothed (EMA) over scroll gestures. */
      velocity: 'number',
      /** Last sampled scroll position, px (for the velocity). */
      y: { kind: 'number', rules: false },
      /** Time of the last scroll sample (0 before the first). */
      at: { kind: 'time', rules: false },
    },
    idle: {
      /** Whether the visitor is idle now. */
      idle: 'bool',
      /** When `idle` last changed (0 before the first change). */
      since: 'time',
      /** Idle time in completed idle periods of this session, in ms. */
      totalMs: 'ms',
    },
  },
} as const satisfies ProfileSchema

/** The kind of a field. */
export const kindOf = (spec: FieldSpec): FieldKind => FIELD_KINDS[typeof spec === 'string' ? spec : spec.kind]

/** How a field merges: its own rule, or its kind's. */
export const mergeOf = (spec: FieldSpec): MergeRule => (typeof spec !== 'string' && spec.merge) || kindOf(spec).merge

/** Whether a node of a fixed part is a field (a group is an object without `kind`). */
export const isField = (node: FieldSpec | FixedSchema): node is FieldSpec => typeof node === 'string' || typeof node.kind === 'string'

type KindNameOf<F> = F extends FieldKindName ? F : F extends { readonly kind: infer K extends FieldKindName } ? K : never

/** The TypeScript type of a part of the schema: an entry, or a fixed part. */
export type ValuesOf<S> = { -readonly [K in keyof S]: S[K] extends FieldSpec ? KindValues[KindNameOf<S[K]>] : ValuesOf<S[K]> }

/** The keyed collections of the built-in schema. */
export type KeyedCollection = keyof typeof PROFILE_SCHEMA.entries
