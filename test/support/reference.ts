/**
 * A plain reference interpreter of the rule language, written apart from the
 * validator and compiler: it reads the JSON conditions as they are. Property
 * tests check that compiled rules agree with it.
 */
import type { Profile } from '../../src/core'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Doc = { segments: { id: string; when: Json }[] }

const KEYED = ['pages', 'sections', 'hover', 'clicks', 'events']
const has = (o: unknown, k: string) => typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k)

export function readSignal(profile: Profile, path: string): unknown {
  const parts = path.split('.')
  const [top] = parts
  if (KEYED.includes(top!)) {
    const field = parts[parts.length - 1]!
    const key = parts.slice(1, -1).join('.')
    const collection = (profile as unknown as Record<string, Record<string, Record<string, unknown>>>)[top!]!
    if (!has(collection, key)) return field === 'last' ? undefined : 0
    return collection[key]![field]
  }
  if (top === 'visitor' && parts[1] === 'traits') {
    const key = parts.slice(2).join('.')
    return has(profile.visitor.traits, key) ? profile.visitor.traits[key] : undefined
  }
  let value: unknown = profile
  for (const part of parts) value = has(value, part) ? (value as Record<string, unknown>)[part] : undefined
  return value
}

function existsValue(profile: Profile, path: string): unknown {
  const parts = path.split('.')
  if (KEYED.includes(parts[0]!)) {
    const collection = (profile as unknown as Record<string, Record<string, unknown>>)[parts[0]!]!
    const key = parts.slice(1, -1).join('.')
    return has(collection, key) ? (collection[key] as Record<string, unknown>)[parts[parts.length - 1]!] : undefined
  }
  return readSignal(profile, path)
}

function compare(op: string, actual: unknown, expected: Json): boolean {
  switch (op) {
    case 'eq': return actual === expected
    case 'ne': return actual !== expected
    case 'gt': return typeof actual === 'number' && actual > (expected as number)
    case 'gte': return typeof actual === 'number' && actual >= (expected as number)
    case 'lt': return typeof actual === 'number' && actual < (expected as number)
    case 'lte': return typeof actual === 'number' && actual <= (expected as number)
    case 'between': { const [lo, hi] = expected as number[]; return typeof actual === 'number' && actual >= lo! && actual <= hi! }
    case 'in': return (expected as Json[]).some((x) => x === actual)
    case 'nin': return !(expected as Json[]).some((x) => x === actual)
    case 'exists': return (actual !== undefined && actual !== null) === expected
    case 'matches': return typeof actual === 'string' && new RegExp(expected as string).test(actual)
  }
  throw new Error(`reference: unknown operator ${op}`)
}

export interface ReferenceContext {
  now: number
  halfLifeMs: number
  doc: Doc
}

export function evaluate(condition: Json, profile: Profile, ctx: ReferenceContext): boolean {
  const c = condition as Record<string, Json>
  if ('all' in c) return (c.all as Json[]).every((x) => evaluate(x, profile, ctx))
  if ('any' in c) return (c.any as Json[]).some((x) => evaluate(x, profile, ctx))
  if ('not' in c) return !evaluate(c.not, profile, ctx)
  if ('segment' in c) return evaluate(ctx.doc.segments.find((s) => s.id === c.segment)!.when, profile, ctx)
  if ('signal' in c) {
    const op = Object.keys(c).find((k) => k !== 'signal')!
    const actual = op === 'exists' ? existsValue(profile, c.signal as string) : readSignal(profile, c.signal as string)
    return compare(op, actual, c[op]!)
  }
  if ('event' in c) {
    const entry = has(profile.events, c.event as string) ? profile.events[c.event as string] : undefined
    const measure = 'score' in c ? 'score' : 'count'
    const test = c[measure] as Record<string, Json>
    const op = Object.keys(test)[0]!
    let value = 0
    if (entry && measure === 'score') value = entry.score * Math.pow(0.5, Math.max(0, ctx.now - entry.last) / ctx.halfLifeMs)
    else if (entry && c.within === undefined) value = entry.count
    else if (entry) {
      const unit: Record<string, number> = { ms: 1, s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 }
      const [, n, u] = /^(\d+)(ms|s|m|h|d)$/.exec(c.within as string)!
      const window = Number(n) * unit[u!]!
      value = entry.recent.filter((t) => t >= ctx.now - window && t <= ctx.now).length
    }
    return compare(op, value, test[op]!)
  }
  throw new Error(`reference: unknown condition ${JSON.stringify(c)}`)
}
