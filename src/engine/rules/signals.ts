/**
 * Signals: the profile paths a rule can read (`"scroll.velocity"`,
 * `"pages./product.dwellMs"`), what each holds, and how to read one without
 * allocating.
 */
import { didYouMean } from './suggest'

export type SignalKind = 'number' | 'string' | 'boolean' | 'any'

/** A signal path, resolved. */
export interface Signal {
  /** The keys to walk from the profile. */
  path: readonly string[]
  kind: SignalKind
  /** What a missing entry of a keyed collection reads as: 0 for counts and times spent. */
  missing?: number
  /** For `propensity.<model>`: the model whose score this is. */
  model?: string
}

const N = 'number'
const S = 'string'
const B = 'boolean'

/** Fields of the entries of each keyed collection, as rules see them. */
const ENTRY_FIELDS: Record<string, Record<string, SignalKind>> = {
  pages: { views: N, dwellMs: N, last: N },
  sections: { views: N, dwellMs: N, maxRatio: N, last: N },
  hover: { count: N, dwellMs: N, last: N },
  clicks: { count: N, last: N },
  events: { count: N, last: N },
}

type Tree = { [key: string]: SignalKind | Tree }

const FIXED: Tree = {
  page: S,
  visitor: { id: S, firstSeen: N, lastSeen: N, visits: N, sessionId: S, sessionStart: N },
  context: {
    device: S,
    viewport: { width: N, height: N },
    locale: S,
    timeZone: S,
    hour: N,
    timeOfDay: S,
    referrer: S,
    utm: { source: S, medium: S, campaign: S, term: S, content: S },
  },
  scroll: { depth: N, velocity: N },
  idle: { idle: B, since: N, totalMs: N },
}

const TOPS = [...Object.keys(FIXED), ...Object.keys(ENTRY_FIELDS), 'propensity']

const list = (names: string[]) => names.join(', ')

/**
 * Resolves a signal path, or says what is wrong with it. `models` are the
 * names of the propensity models that `propensity.<model>` may name.
 */
export function resolveSignal(text: unknown, models: readonly string[] = []): Signal | string {
  if (typeof text !== 'string' || !text) return 'expected a signal path such as "scroll.depth"'
  const parts = text.split('.')
  const top = parts[0]!
  const entry = Object.hasOwn(ENTRY_FIELDS, top) ? ENTRY_FIELDS[top]! : undefined
  if (entry) {
    const fields = Object.keys(entry)
    if (parts.length < 3) return `"${top}" signals name an id and a field, such as "${top}.<id>.${fields[0]}"`
    const field = parts[parts.length - 1]!
    if (!Object.hasOwn(entry, field)) return `unknown field "${field}" of ${top}${didYouMean(field, fields)}; expected ${list(fields)}`
    return { path: [top, parts.slice(1, -1).join('.'), field], kind: entry[field]!, ...(field === 'last' ? {} : { missing: 0 }) }
  }
  if (top === 'propensity') {
    const model = parts.slice(1).join('.')
    if (!models.includes(model)) {
      return models.length ? `unknown propensity model "${model}"${didYouMean(model, models)}; expected ${list([...models])}` : `no propensity model is defined; "models" holds them`
    }
    return { path: [], kind: N, model }
  }
  if (top === 'visitor' && parts[1] === 'traits') {
    if (parts.length < 3) return 'traits are read one at a time, such as "visitor.traits.plan"'
    return { path: ['visitor', 'traits', parts.slice(2).join('.')], kind: 'any' }
  }
  let node: SignalKind | Tree = FIXED
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!
    if (typeof node === 'string') return `"${parts.slice(0, i).join('.')}" holds a value, not "${key}"`
    if (!Object.hasOwn(node, key)) {
      const known = i === 0 ? TOPS : Object.keys(node).concat(i === 1 && top === 'visitor' ? ['traits'] : [])
      return `unknown signal "${text}": no "${key}"${i ? ` in ${parts.slice(0, i).join('.')}` : ''}${didYouMean(key, known)}; expected ${list(known)}`
    }
    node = node[key]!
  }
  if (typeof node !== 'string') return `"${text}" is a group; expected one of ${list(Object.keys(node).map((key) => `${text}.${key}`))}`
  return { path: parts, kind: node }
}

/** The value at `path` in `value`, through own properties only; undefined when absent. Allocation-free. */
export function readPath(value: unknown, path: readonly string[]): unknown {
  for (let i = 0; i < path.length; i++) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, path[i]!)) return undefined
    value = (value as Record<string, unknown>)[path[i]!]
  }
  return value
}
