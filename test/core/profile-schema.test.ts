import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  createAttune,
  DEFAULT_LIMITS,
  FIELD_KINDS,
  PROFILE_SCHEMA,
  type ClickStats,
  type Context,
  type EventStats,
  type FieldKindName,
  type FieldSpec,
  type FixedSchema,
  type HoverStats,
  type IdleState,
  type Limits,
  type PageStats,
  type Profile,
  type ProfileSchema,
  type ScrollStats,
  type SectionStats,
  type ValuesOf,
  type Visitor,
} from '../../src/core'
import { mergeProfiles, sanitizeProfile } from '../../src/core/persistence'
import { createProfile } from '../../src/core/profile'
import { isField, kindOf } from '../../src/core/profile-schema'
import { FIELD_READS, readOf, ruleOf } from '../../src/engine/rules/field-reads'
import { readPath, resolveSignal, type Signal } from '../../src/engine/rules/signals'
import { fakeClock } from '../support/fakes'

const T = Date.UTC(2026, 0, 15, 12)
const HOUR = 3_600_000
const merge = { limits: DEFAULT_LIMITS, halfLifeMs: HOUR, sessionTimeoutMs: 30 * 60_000 }

/** A profile with `entries` under `hover`, as stored data (a plain object). */
function storedWithHover(hover: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify({ ...createProfile(T), hover }))
}

describe('the profile schema: adding a stat is one edit', () => {
  // The one edit: hover entries gain the longest single hover, kind ms, merged by max.
  const schema = {
    ...PROFILE_SCHEMA,
    entries: { ...PROFILE_SCHEMA.entries, hover: { ...PROFILE_SCHEMA.entries.hover, maxMs: { kind: 'ms', merge: 'max' } } },
  } as const satisfies ProfileSchema
  type Hover = ValuesOf<typeof schema.entries.hover>

  it('gives the new field its type', () => {
    expectTypeOf<Hover>().toEqualTypeOf<{ count: number; dwellMs: number; last: number; maxMs: number }>()
  })

  it('the sanitizer keeps it, and checks it by its kind', () => {
    const raw = storedWithHover({
      good: { count: 2, dwellMs: 900, last: T, maxMs: 600 },
      negative: { count: 2, dwellMs: 900, last: T, maxMs: -1 },
      text: { count: 2, dwellMs: 900, last: T, maxMs: '600' },
      without: { count: 2, dwellMs: 900, last: T },
    })
    const clean = sanitizeProfile(raw, createProfile(T), DEFAULT_LIMITS, schema)!
    expect(clean.hover).toEqual({ good: { count: 2, dwellMs: 900, last: T, maxMs: 600 } })
    // The built-in schema has no such field: it is dropped, and the entries without it stay.
    const builtIn = sanitizeProfile(raw, createProfile(T), DEFAULT_LIMITS)!
    expect(builtIn.hover.good).toEqual({ count: 2, dwellMs: 900, last: T })
    expect(Object.keys(builtIn.hover).sort()).toEqual(['good', 'negative', 'text', 'without'])
  })

  it('mergeProfiles merges it by its rule (max), next to the sums', () => {
    const stored = { ...createProfile(T), hover: { a: { count: 2, dwellMs: 900, last: T, maxMs: 600 } } } as unknown as Profile
    const live = { ...createProfile(T + 1000), hover: { a: { count: 1, dwellMs: 400, last: T + 1000, maxMs: 400 } } } as unknown as Profile
    expect(mergeProfiles(stored, live, merge, schema).hover.a).toEqual({ count: 3, dwellMs: 1300, last: T + 1000, maxMs: 600 })
    // Under the built-in schema the unknown field is not merged at all.
    expect(mergeProfiles(stored, live, merge).hover.a).toEqual({ count: 3, dwellMs: 1300, last: T + 1000 })
  })

  it('rules may name it, read it, and read a missing entry as 0', () => {
    expect(resolveSignal('hover.buy.maxMs')).toBe('unknown field "maxMs" of hover; expected count, dwellMs, last')
    const signal = resolveSignal('hover.buy.maxMs', [], schema) as Signal
    expect(signal).toEqual({ path: ['hover', 'buy', 'maxMs'], kind: 'number', missing: 0 })
    const profile = { ...createProfile(T), hover: { buy: { count: 1, dwellMs: 700, last: T, maxMs: 700 } } }
    expect(readPath(profile, signal.path)).toBe(700)
    expect(resolveSignal('hover.buy.maxM', [], schema)).toBe('unknown field "maxM" of hover (did you mean "maxMs"?); expected count, dwellMs, last, maxMs')
  })
})

/** A value of each kind, and one that is not (undefined when the kind repairs bad values instead of refusing them). */
const SAMPLES: Record<FieldKindName, { good: unknown; bad: unknown }> = {
  count: { good: 3, bad: -1 },
  ms: { good: 1500, bad: NaN },
  unit: { good: 0.5, bad: 1.5 },
  time: { good: T, bad: 'yesterday' },
  times: { good: [T - 2, T - 1], bad: undefined },
  score: { good: 1.5, bad: Infinity },
  number: { good: -12.5, bad: null },
  text: { good: '', bad: 5 },
  key: { good: 'abc', bad: '' },
  bool: { good: true, bad: 'yes' },
  traits: { good: { plan: 'pro' }, bad: undefined },
}

type Collection = keyof typeof PROFILE_SCHEMA.entries
const collections = Object.keys(PROFILE_SCHEMA.entries) as Collection[]
const fieldsOf = (collection: Collection) => Object.entries(PROFILE_SCHEMA.entries[collection]) as [string, FieldSpec][]
const entryOfSamples = (collection: Collection) => Object.fromEntries(fieldsOf(collection).map(([name, spec]) => [name, SAMPLES[kindName(spec)].good]))
const kindName = (spec: FieldSpec): FieldKindName => (typeof spec === 'string' ? spec : spec.kind)

/** Every leaf of a fixed part, with its dotted path. */
function leaves(node: FixedSchema, prefix: string[] = []): [string[], FieldSpec][] {
  return Object.entries(node).flatMap(([key, child]) => (isField(child) ? [[[...prefix, key], child] as [string[], FieldSpec]] : leaves(child, [...prefix, key])))
}

describe('the profile schema covers every field', () => {
  it('has a sample for every kind (a new kind needs one here)', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(FIELD_KINDS).sort())
  })

  it('says, for every kind, how the store checks and merges it and what rules read it as', () => {
    expect(Object.keys(FIELD_READS).sort()).toEqual(Object.keys(FIELD_KINDS).sort())
    for (const [name, kind] of Object.entries(FIELD_KINDS)) {
      expect(typeof kind.check, name).toBe('function')
      expect(['sum', 'max', 'ring', 'decay', 'live'], name).toContain(kind.merge)
      expect(readOf(name as FieldKindName), name).toBe(FIELD_READS[name as FieldKindName])
    }
    expect(FIELD_READS.traits).toEqual({ rule: 'any', keyed: 'plan' })
    expect(FIELD_KINDS.times.repair!([1, 'x', 2], DEFAULT_LIMITS)).toEqual([1, 2])
  })

  it.each(collections)('the sanitizer keeps every field of %s, and refuses or repairs a bad one', (collection) => {
    const entry = entryOfSamples(collection)
    const live = createProfile(T)
    const base = JSON.parse(JSON.stringify(createProfile(T))) as Record<string, unknown>
    const clean = sanitizeProfile({ ...base, [collection]: { a: { ...entry, extra: 1 } } }, live, DEFAULT_LIMITS)!
    expect(clean[collection]).toEqual({ a: entry })
    for (const [name, spec] of fieldsOf(collection)) {
      const { bad } = SAMPLES[kindName(spec)]
      const damaged = sanitizeProfile({ ...base, [collection]: { a: { ...entry, [name]: bad } } }, live, DEFAULT_LIMITS)!
      if (kindOf(spec).repair) expect(Object.keys(damaged[collection]), `${collection}.${name}`).toEqual(['a'])
      else expect(damaged[collection], `${collection}.${name} = ${String(bad)}`).toEqual({})
    }
  })

  it('checks every field of the visitor by its kind', () => {
    const visitor = createProfile(T).visitor
    expect(sanitizeProfile({ visitor }, createProfile(T), DEFAULT_LIMITS)?.visitor).toEqual(visitor)
    for (const [[name], spec] of leaves(PROFILE_SCHEMA.fixed.visitor)) {
      const { bad } = SAMPLES[kindName(spec)]
      const result = sanitizeProfile({ visitor: { ...visitor, [name!]: bad } }, createProfile(T), DEFAULT_LIMITS)
      if (kindOf(spec).repair) expect(result, `visitor.${name}`).not.toBeNull()
      else expect(result, `visitor.${name} = ${String(bad)}`).toBeNull()
    }
  })

  it.each(collections)('every field of %s is a signal, or is refused, as its kind says', (collection) => {
    for (const [name, spec] of fieldsOf(collection)) {
      const signal = resolveSignal(`${collection}.some.id.${name}`)
      const read = readOf(spec)
      if (ruleOf(spec) === null) {
        expect(signal, `${collection}.${name}`).toMatch(new RegExp(`^unknown field "${name}" of ${collection}; expected `))
        continue
      }
      expect(signal, `${collection}.${name}`).toEqual({ path: [collection, 'some.id', name], kind: ruleOf(spec), ...(read.missing === undefined ? {} : { missing: read.missing }) })
    }
  })

  it('every field of the fixed parts is a signal, or is refused, as its kind says', () => {
    for (const [path, spec] of leaves(PROFILE_SCHEMA.fixed)) {
      const text = path.join('.')
      const signal = resolveSignal(text)
      if (ruleOf(spec) === null) expect(signal, text).toMatch(/^unknown signal /)
      else if (readOf(spec).keyed) expect(resolveSignal(`${text}.x`), text).toEqual({ path: [...path, 'x'], kind: ruleOf(spec) })
      else expect(signal, text).toEqual({ path, kind: ruleOf(spec) })
    }
  })

  it('the profile holds exactly the fields of the schema, and they survive a stored round trip', () => {
    const now = fakeClock(T)
    const attune = createAttune({ now, storage: 'memory', schedule: 'sync' })
    attune.record({ type: 'pageview', path: '/a' })
    attune.record({ type: 'page-dwell', path: '/a', ms: 10 })
    attune.record({ type: 'view', id: 's', ratio: 0.5 })
    attune.record({ type: 'dwell', id: 's', ms: 10 })
    attune.record({ type: 'scroll', y: 10, depth: 0.2 })
    attune.record({ type: 'hover', id: 'h', ms: 400 })
    attune.record({ type: 'click', id: 'c' })
    attune.record({ type: 'idle', idle: true })
    attune.track('e')
    attune.identify({ plan: 'pro' })
    const profile = attune.getProfile()
    for (const collection of collections) {
      const entries = Object.values(profile[collection] as Record<string, object>)
      expect(entries.length, collection).toBeGreaterThan(0)
      for (const entry of entries) expect(Object.keys(entry).sort(), collection).toEqual(Object.keys(PROFILE_SCHEMA.entries[collection]).sort())
    }
    // The fixed parts hold what the schema names (utm holds only the parameters the URL had).
    const fixedPaths = leaves(PROFILE_SCHEMA.fixed).map(([path]) => path.join('.'))
    const profilePaths = (node: object, prefix = ''): string[] =>
      Object.entries(node).flatMap(([key, value]) =>
        value !== null && typeof value === 'object' && key !== 'traits' ? profilePaths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
      )
    const held = profilePaths({ page: '/a', visitor: profile.visitor, context: { ...profile.context, utm: {} }, scroll: profile.scroll, idle: profile.idle })
    expect(held.sort()).toEqual(fixedPaths.filter((path) => !path.startsWith('context.utm.')).sort())
    const restored = sanitizeProfile(JSON.parse(JSON.stringify(profile)), profile, DEFAULT_LIMITS)
    expect(restored).toEqual(profile)
  })
})

describe('the profile types are the schema', () => {
  it('derives the stats and parts of the profile', () => {
    expectTypeOf<PageStats>().toEqualTypeOf<{ views: number; dwellMs: number; last: number }>()
    expectTypeOf<SectionStats>().toEqualTypeOf<{ views: number; dwellMs: number; maxRatio: number; last: number }>()
    expectTypeOf<HoverStats>().toEqualTypeOf<{ count: number; dwellMs: number; last: number }>()
    expectTypeOf<ClickStats>().toEqualTypeOf<{ count: number; last: number }>()
    expectTypeOf<EventStats>().toEqualTypeOf<{ count: number; last: number; recent: number[]; score: number }>()
    expectTypeOf<ScrollStats>().toEqualTypeOf<{ depth: number; velocity: number; y: number; at: number }>()
    expectTypeOf<IdleState>().toEqualTypeOf<{ idle: boolean; since: number; totalMs: number }>()
    expectTypeOf<Visitor>().toEqualTypeOf<{
      id: string
      firstSeen: number
      lastSeen: number
      visits: number
      sessionId: string
      sessionStart: number
      traits: Record<string, string | number | boolean | null>
    }>()
  })

  it('agrees with the interfaces written out: Context, Profile and Limits', () => {
    // Context narrows its kinds (a device class, not any string): same fields, each value one of its kind.
    type ContextOfSchema = ValuesOf<typeof PROFILE_SCHEMA.fixed.context>
    expectTypeOf<keyof Context>().toEqualTypeOf<keyof ContextOfSchema>()
    expectTypeOf<keyof Context['utm']>().toEqualTypeOf<keyof ContextOfSchema['utm']>()
    expectTypeOf<Omit<Context, 'utm'>>().toExtend<Omit<ContextOfSchema, 'utm'>>()
    expectTypeOf<Required<Context['utm']>>().toEqualTypeOf<ContextOfSchema['utm']>()
    // Every part of the schema is a part of the profile, and every collection has a bound.
    expectTypeOf<keyof typeof PROFILE_SCHEMA.fixed | Collection>().toExtend<keyof Profile>()
    expectTypeOf<Collection>().toExtend<keyof Limits>()
    expect(collections.every((collection) => Object.hasOwn(DEFAULT_LIMITS, collection))).toBe(true)
  })
})
