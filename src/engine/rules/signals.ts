/**
 * Signals: the profile paths a rule can read (`"scroll.velocity"`,
 * `"pages./product.dwellMs"`), what each holds, and how to read one without
 * allocating.
 */
import { PROFILE_SCHEMA, isField, type FieldSpec, type FixedSchema, type ProfileSchema } from '../../core/profile-schema'
import { readOf, ruleOf, type SignalKind } from './field-reads'
import { didYouMean } from './suggest'

export type { SignalKind }

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

const list = (names: string[]) => names.join(', ')

/** The fields of `node` that rules may name, in the schema's order. */
const readable = (node: FixedSchema | Readonly<Record<string, FieldSpec>>): string[] =>
  Object.keys(node).filter((key) => {
    const child = node[key]!
    return !isField(child) || ruleOf(child) !== null
  })

/** A field of a keyed collection's entries: `pages./product.dwellMs`. */
function entrySignal(top: string, parts: string[], entry: Readonly<Record<string, FieldSpec>>): Signal | string {
  const fields = readable(entry)
  if (parts.length < 3) return `"${top}" signals name an id and a field, such as "${top}.<id>.${fields[0]}"`
  const field = parts[parts.length - 1]!
  if (!fields.includes(field)) return `unknown field "${field}" of ${top}${didYouMean(field, fields)}; expected ${list(fields)}`
  const spec = entry[field]!
  const { missing } = readOf(spec)
  return { path: [top, parts.slice(1, -1).join('.'), field], kind: ruleOf(spec)!, ...(missing === undefined ? {} : { missing }) }
}

/** A field of the fixed parts (`scroll.velocity`), or a key of a keyed field (`visitor.traits.plan`). */
function fixedSignal(text: string, parts: string[], schema: ProfileSchema): Signal | string {
  const tops = [...readable(schema.fixed), ...Object.keys(schema.entries), 'propensity']
  let node: FieldSpec | FixedSchema = schema.fixed
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!
    if (isField(node)) return `"${parts.slice(0, i).join('.')}" holds a value, not "${key}"`
    const known: string[] = i === 0 ? tops : readable(node)
    if (!known.includes(key) || !Object.hasOwn(node, key)) {
      return `unknown signal "${text}": no "${key}"${i ? ` in ${parts.slice(0, i).join('.')}` : ''}${didYouMean(key, known)}; expected ${list(known)}`
    }
    node = node[key]!
    const keyed = isField(node) ? readOf(node).keyed : undefined
    if (isField(node) && keyed !== undefined) {
      const at = parts.slice(0, i + 1)
      if (parts.length < i + 2) return `${key} are read one at a time, such as "${at.join('.')}.${keyed}"`
      return { path: [...at, parts.slice(i + 1).join('.')], kind: ruleOf(node)! }
    }
  }
  if (!isField(node)) {
    const group = node
    const values = readable(group).filter((key) => {
      const child = group[key]!
      return !isField(child) || readOf(child).keyed === undefined
    })
    return `"${text}" is a group; expected one of ${list(values.map((key) => `${text}.${key}`))}`
  }
  return { path: parts, kind: ruleOf(node)! }
}

/**
 * Resolves a signal path, or says what is wrong with it. `models` are the
 * names of the propensity models that `propensity.<model>` may name. The
 * paths and what they hold come from `schema`: a field added there is a
 * signal at once. Runs when rules are validated, never per evaluation.
 */
export function resolveSignal(text: unknown, models: readonly string[] = [], schema: ProfileSchema = PROFILE_SCHEMA): Signal | string {
  if (typeof text !== 'string' || !text) return 'expected a signal path such as "scroll.depth"'
  const parts = text.split('.')
  const top = parts[0]!
  if (Object.hasOwn(schema.entries, top)) return entrySignal(top, parts, schema.entries[top]!)
  if (top === 'propensity') {
    const model = parts.slice(1).join('.')
    if (!models.includes(model)) {
      return models.length ? `unknown propensity model "${model}"${didYouMean(model, models)}; expected ${list([...models])}` : `no propensity model is defined; "models" holds them`
    }
    return { path: [], kind: 'number', model }
  }
  return fixedSignal(text, parts, schema)
}

/** The value at `path` in `value`, through own properties only; undefined when absent. Allocation-free. */
export function readPath(value: unknown, path: readonly string[]): unknown {
  for (let i = 0; i < path.length; i++) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, path[i]!)) return undefined
    value = (value as Record<string, unknown>)[path[i]!]
  }
  return value
}
