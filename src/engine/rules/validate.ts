/**
 * The rule language, as JSON a product person can edit, and its validator.
 * `validateRules` checks a document and turns it into rule trees for the
 * compiler; every error names its JSON path and what was expected.
 */
import { parseDuration } from '../../core/duration'
import { isFiniteNumber as isNumber, isObject } from '../../core/guards'
import { resolveSignal, type Signal } from './signals'
import { didYouMean } from './suggest'
import { pointer, type Diagnostic } from '../diagnostics'

import { OPERATORS, type CheckedCentroidModel, type CheckedSegment, type Operator, type Primitive, type RuleNode, type Rules, type ValidateOptions, type ValidationResult } from './document'

/** Event counts and scores are numbers: these operators apply. */
const NUMERIC: readonly Operator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between']

/** Segment ids and arm names: letters, digits, `-` and `_`, starting with a letter or digit. */
export const ID = /^[A-Za-z0-9][\w-]*$/
/** References to unknown segments that get a "did you mean" (see validateRules). */
const SUGGESTED = 20
/** Deeper than this, a rule is surely a mistake, and recursion must stop before the stack does. */
const MAX_DEPTH = 32
/** What a condition can be, by its key. */
const KINDS = ['all', 'any', 'not', 'signal', 'event', 'segment', 'predicate', 'model']
/** How a value that is not a condition is reported, before what it is. */
const NOT_A_CONDITION = `expected a condition, an object with ${KINDS.join(', ')}; got `

/** A value, briefly, for a message. Never throws (a value nested too deep to print is described). */
const show = (value: unknown): string => {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = Array.isArray(value) ? 'an array' : typeof value
  }
  return text.length > 40 ? text.slice(0, 40) + '…' : text
}
const isPrimitive = (v: unknown): v is Primitive => v === null || ['string', 'number', 'boolean'].includes(typeof v)
const numbers = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every(isNumber)

/**
 * Checks a rules document. It never throws, whatever JSON value it is given:
 * each problem is an error with the JSON path of the value at fault and what
 * was expected. Segments with errors, or that refer to one, are left out of
 * `rules`; the rest are there, ready to compile.
 *
 * One closure past the house's 80 lines, on purpose: every check reports
 * into one list whose order (the document's) is part of the output, and the
 * nested checks (a condition, its operator, its operand) read the same
 * context (the segment ids, the valid models, the references found so far).
 * Cut into module functions, each would take that context and the list as
 * arguments, the shape the engine's parts showed costs bytes in every app
 * with rules. Its blocks are marked by comments: models, segments and
 * their conditions, then cycles and depth of references. Linear in the
 * size of the document (#11: ids are looked up, the duplicate check too).
 */
export function validateRules(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const errors: Diagnostic[] = []
  // A problem's path is `at`, or its member `key`: the pointer is built
  // when a problem is reported, not for every value checked (#11).
  const fail = (at: string, message: string, key?: string | number): null => {
    errors.push({ path: key === undefined ? at : pointer(at, key), message })
    return null
  }
  /** Checks `ok`; when false, reports `expected <what>, got <value>` at `at` (or its member `key`). */
  const expect = (ok: boolean, at: string, what: string, value: unknown, key?: string | number) => ok || !!fail(at, `expected ${what}, got ${show(value)}`, key)
  /** Reports every key of `raw` not in `allowed`. */
  const only = (raw: Record<string, unknown>, at: string, allowed: readonly string[]) =>
    Object.keys(raw).every((key) => allowed.includes(key) || !!fail(at, `unknown key "${key}"${didYouMean(key, allowed)}; expected ${allowed.join(', ')}`, key))

  const rules: Rules = { segments: [], models: {} }
  if (!expect(isObject(doc), '', 'a rules document such as { "segments": [] }', doc)) return { ok: false, rules, errors }
  const root = doc as Record<string, unknown>
  only(root, '', ['segments', 'models', 'version', '$schema'])

  // Models first: conditions refer to them.
  const models = isObject(root.models) ? root.models : {}
  if (root.models !== undefined) expect(isObject(root.models), '/models', 'an object of models by name', root.models)

  /** A model's feature: a numeric signal of the profile (a model's score cannot be one). */
  const numericSignal = (path: unknown, at: string): Signal | null => {
    if (typeof path === 'string' && path.startsWith('propensity.')) return fail(at, `a model's score cannot be a feature of a model`)
    const signal = resolveSignal(path)
    if (typeof signal === 'string') return fail(at, signal)
    return signal.kind === 'number' ? signal : fail(at, `a feature must be a number; "${String(path)}" holds a ${signal.kind}`)
  }

  for (const [name, raw] of Object.entries(models)) {
    const at = pointer('/models', name)
    const before = errors.length
    if (!expect(name !== '__proto__', at, 'a model name other than "__proto__"', name)) continue
    if (!expect(isObject(raw) && (raw.type === 'centroid' || raw.type === 'logistic'), at, 'a model with "type": "centroid" or "logistic"', raw)) continue
    const model = raw as Record<string, unknown>
    if (model.type === 'centroid') {
      only(model, at, ['type', 'features', 'centroids', 'mean', 'std'])
      const list = Array.isArray(model.features) ? (model.features as unknown[]) : []
      expect(list.length > 0, at, 'a non-empty array of numeric signals', model.features, 'features')
      const features = list.map((path, i) => numericSignal(path, pointer(pointer(at, 'features'), i)))
      const n = features.length
      const mean = model.mean ?? new Array<number>(n).fill(0)
      const std = model.std ?? new Array<number>(n).fill(1)
      expect(numbers(mean, n), at, `${n} numbers, one per feature`, mean, 'mean')
      expect(numbers(std, n) && std.every((x) => x > 0), at, `${n} positive numbers, one per feature`, std, 'std')
      const centroids = isObject(model.centroids) ? model.centroids : {}
      const names = Object.keys(centroids)
      expect(names.length > 1, at, 'at least two centroids, by class name', model.centroids, 'centroids')
      for (const name of names) expect(numbers(centroids[name], n), pointer(pointer(at, 'centroids'), name), `${n} numbers, one per feature`, centroids[name])
      if (errors.length > before) continue
      const m = mean as number[]
      const s = std as number[]
      const points = names.map((name) => (centroids[name] as number[]).map((x, f) => (x - m[f]!) / s[f]!))
      rules.models[name] = { type: 'centroid', features: features as Signal[], names, points, mean: m, std: s }
    } else {
      only(model, at, ['type', 'features', 'bias', 'learningRate', 'event'])
      const specs = isObject(model.features) ? Object.entries(model.features) : []
      expect(specs.length > 0, at, 'an object of signal → weight, such as { "scroll.depth": 1.5 }', model.features, 'features')
      const weights: number[] = []
      const scales: number[] = []
      // No propensity signals as features: a model cannot feed on a score.
      const features = specs.map(([path, spec]) => {
        const here = pointer(pointer(at, 'features'), path)
        const weight = isObject(spec) ? spec.weight : spec
        const scale = isObject(spec) && spec.scale !== undefined ? spec.scale : 1
        if (isObject(spec)) {
          only(spec, here, ['weight', 'scale'])
          expect(isNumber(weight), here, 'a number', weight, 'weight')
        } else expect(isNumber(weight), here, 'a weight, or { "weight": number, "scale": number }', spec)
        expect(isNumber(scale) && scale > 0, here, 'a number above 0', scale, 'scale')
        weights.push(weight as number)
        scales.push(scale as number)
        return numericSignal(path, here)
      })
      const { bias = 0, learningRate = 0.05, event } = model
      expect(isNumber(bias), at, 'a number', bias, 'bias')
      expect(isNumber(learningRate) && learningRate >= 0, at, 'a number ≥ 0', learningRate, 'learningRate')
      expect(typeof event === 'string' && event !== '', at, 'the name of the conversion event', event, 'event')
      if (errors.length > before) continue
      rules.models[name] = { type: 'logistic', features: features as Signal[], weights, scales, bias: bias as number, learningRate: learningRate as number, event: event as string }
    }
  }

  // Conditions may read the scores of the models that are valid.
  const logistic = Object.keys(rules.models).filter((name) => rules.models[name]!.type === 'logistic')
  if (!expect(Array.isArray(root.segments), '/segments', 'an array of segments', root.segments)) return { ok: false, rules, errors }
  const list = root.segments as unknown[]
  const ids = list.map((s) => (isObject(s) && typeof s.id === 'string' && ID.test(s.id) ? s.id : null))
  // Looked up, not searched: a document may hold thousands of segments. Each
  // id maps to the first segment that has it (a later one is a duplicate).
  // "Did you mean" measures every id, so only the first SUGGESTED references
  // to unknown segments get one: more (a generated document) would make the
  // search quadratic, and nobody reads a suggestion per line of thousands.
  const known = new Map<string, number>()
  ids.forEach((id, index) => id === null || known.has(id) || known.set(id, index))
  let suggested = 0
  const centroidModels = Object.keys(rules.models).filter((name) => rules.models[name]!.type === 'centroid')
  const broken = new Set<string>()
  /** A segment's references to others: the conditions `{ "segment": id }` it holds. */
  type Ref = { id: string; at: string }
  const refs = new Map<string, Ref[]>()
  const checked: CheckedSegment[] = []

  const condition = (raw: unknown, at: string, depth: number, out: Ref[]): RuleNode | null => {
    if (depth > MAX_DEPTH) return fail(at, `conditions are nested more than ${MAX_DEPTH} deep`)
    if (!isObject(raw)) return fail(at, NOT_A_CONDITION + show(raw))
    const kind = KINDS.find((key) => Object.hasOwn(raw, key))
    switch (kind) {
      case 'all':
      case 'any': {
        only(raw, at, [kind])
        const items = raw[kind]
        // Paths of the rule trees: keys the validator names and indexes need no escaping.
        const here = `${at}/${kind}`
        if (!expect(Array.isArray(items) && items.length > 0, here, 'a non-empty array of conditions', items)) return null
        const nodes = (items as unknown[]).map((item, i) => condition(item, `${here}/${i}`, depth + 1, out))
        return nodes.includes(null) ? null : { kind, at, nodes: nodes as RuleNode[] }
      }
      case 'not': {
        only(raw, at, ['not'])
        const node = condition(raw.not, at + '/not', depth + 1, out)
        return node && { kind, at, node }
      }
      case 'signal': {
        const signal = resolveSignal(raw.signal, logistic)
        if (typeof signal === 'string') fail(at, signal, 'signal')
        const op = operator(raw, at, OPERATORS, 'signal')
        if (typeof signal === 'string' || !op) return null
        const value = raw[op]
        if (!operand(op, value, at, signal.kind)) return null
        // The regex is added, not spread in: a spread in a literal is slow on Node 20's V8 (#11).
        const node: RuleNode = { kind, at, name: raw.signal as string, signal, op, value }
        if (op === 'matches') node.regex = new RegExp(value as string)
        return node
      }
      case 'event': {
        const measure = Object.hasOwn(raw, 'score') ? 'score' : 'count'
        only(raw, at, measure === 'count' ? ['event', 'count', 'within'] : ['event', 'score'])
        const { event, within } = raw
        const window = within === undefined ? null : parseDuration(within)
        let ok = expect(typeof event === 'string' && event !== '', at, 'an event name', event, 'event')
        ok = expect(within === undefined || window !== null, at, 'a window such as "30s", "10m", "2h", "1d" or a number of ms', within, 'within') && ok
        const test = raw[measure]
        if (!expect(isObject(test), at, `a comparison such as { "gte": 1 }`, test, measure)) return null
        const here = `${at}/${measure}`
        const op = operator(test as Record<string, unknown>, here, NUMERIC)
        if (!op || !operand(op, (test as Record<string, unknown>)[op], here, 'number') || !ok) return null
        const value = (test as Record<string, unknown>)[op]
        return measure === 'count' ? { kind: 'count', at, event: event as string, op, value, within: window } : { kind: 'score', at, event: event as string, op, value }
      }
      case 'segment': {
        only(raw, at, ['segment'])
        const id = raw.segment
        if (typeof id !== 'string' || !known.has(id)) return fail(at, `unknown segment ${show(id)}${typeof id === 'string' && suggested++ < SUGGESTED ? didYouMean(id, known.keys()) : ''}`, 'segment')
        // The node is the reference too: its problems are reported at `at` + "/segment".
        const node = { kind, at, id }
        out.push(node)
        return node
      }
      case 'predicate': {
        only(raw, at, ['predicate'])
        const name = raw.predicate
        if (!expect(typeof name === 'string' && name !== '', at, 'the name of a predicate registered in code', name, 'predicate')) return null
        const registered = options.predicates
        if (registered && !registered.includes(name as string)) return fail(at, `unknown predicate "${String(name)}"${didYouMean(name as string, registered)}; registered: ${registered.join(', ') || 'none'}`, 'predicate')
        return { kind, at, name: name as string }
      }
      case 'model': {
        only(raw, at, ['model', 'is'])
        const name = raw.model
        const model = typeof name === 'string' && centroidModels.includes(name) ? (rules.models[name] as CheckedCentroidModel) : null
        if (!model) return fail(at, `unknown centroid model ${show(name)}${typeof name === 'string' ? didYouMean(name, centroidModels) : ''}; defined: ${centroidModels.join(', ') || 'none'}`, 'model')
        if (!expect(typeof raw.is === 'string' && model.names.includes(raw.is), at, `one of the model's classes: ${model.names.join(', ')}`, raw.is, 'is')) return null
        return { kind, at, model: name as string, is: raw.is as string }
      }
      default: {
        const key = Object.keys(raw)[0]
        return fail(at, NOT_A_CONDITION + (key ? `"${key}"${didYouMean(key, KINDS)}` : '{}'))
      }
    }
  }

  /** The one operator of a comparison (its keys but `besides`), or null after reporting what is wrong. */
  const operator = (raw: Record<string, unknown>, at: string, allowed: readonly Operator[], besides?: string): Operator | null => {
    const keys = Object.keys(raw).filter((key) => key !== besides)
    for (const key of keys) {
      if (!(allowed as readonly string[]).includes(key)) fail(at, `unknown operator "${key}"${didYouMean(key, allowed)}; expected one of ${allowed.join(', ')}`, key)
    }
    if (keys.length === 1) return (allowed as readonly string[]).includes(keys[0]!) ? (keys[0] as Operator) : null
    return fail(at, keys.length ? `one operator per condition, got ${keys.join(' and ')}; combine conditions with "all"` : `missing operator: one of ${allowed.join(', ')}`)
  }

  /** Whether `value` suits operator `op` on a signal of `kind`; reports it at `at` + `/op` when not. */
  const operand = (op: Operator, value: unknown, at: string, kind: string): boolean => {
    const numeric = kind === 'number' || kind === 'any'
    const like = (v: unknown) => (kind === 'any' ? isPrimitive(v) : v === null || typeof v === kind)
    const a = kind === 'any' ? 'a string, number, boolean or null' : `a ${kind}`
    if (!numeric && ['gt', 'gte', 'lt', 'lte', 'between'].includes(op)) return !!fail(at, `"${op}" compares numbers, and this signal holds a ${kind}`, op)
    if (op === 'matches' && kind !== 'string' && kind !== 'any') return !!fail(at, `"matches" tests text, and this signal holds a ${kind}`, op)
    switch (op) {
      case 'eq':
      case 'ne':
        return expect(like(value), at, a, value, op)
      case 'in':
      case 'nin':
        return expect(Array.isArray(value) && value.length > 0 && value.every(like), at, `a non-empty array, each ${a}`, value, op)
      case 'between':
        return expect(numbers(value, 2) && value[0]! <= value[1]!, at, '[low, high]: two numbers, low first', value, op)
      case 'exists':
        return expect(typeof value === 'boolean', at, 'true or false', value, op)
      case 'matches':
        try {
          return expect(typeof value === 'string', at, 'a regular expression, as a string', value, op) && !!new RegExp(value as string)
        } catch (e) {
          return !!fail(at, `invalid regular expression: ${(e as Error).message}`, op)
        }
      default:
        return expect(isNumber(value), at, 'a number', value, op)
    }
  }

  list.forEach((raw, index) => {
    const at = `/segments/${index}`
    const id = ids[index] ?? null
    const before = errors.length
    if (!expect(isObject(raw), at, 'a segment such as { "id": "returning", "when": { … } }', raw)) return
    const segment = raw as Record<string, unknown>
    only(segment, at, ['id', 'priority', 'hold', 'description', 'when'])
    if (id === null) return void fail(at, `expected an id of letters, digits, "-" and "_", got ${show(segment.id)}`, 'id')
    // The first segment with an id stands; a later one is left out.
    const first = known.get(id)!
    if (first !== index) return void fail(at, `duplicate id "${id}": segment ${first} has it too`, 'id')
    const { priority = 0, hold } = segment
    expect(isNumber(priority), at, 'a number', priority, 'priority')
    const holdMs = hold === undefined ? null : parseDuration(hold)
    expect(hold === undefined || holdMs !== null, at, 'a duration such as "30s", "10m" or a number of ms', hold, 'hold')
    const out: Ref[] = []
    refs.set(id, out)
    const when = segment.when === undefined ? fail(at, 'missing: the condition under which the segment applies', 'when') : condition(segment.when, at + '/when', 0, out)
    if (errors.length > before || !when) broken.add(id)
    else checked.push({ id, priority: priority as number, hold: holdMs, when })
  })

  // References that go round in a circle, and chains of references too
  // long to evaluate: found without recursion (a document may hold
  // thousands of segments). Depth: the longest chain below each segment.
  // A segment measured from an earlier start is done (#11: a stack and a
  // set per segment were most of the garbage).
  const depth = new Map<string, number>()
  for (const start of refs.keys()) {
    if (depth.has(start)) continue
    const stack: [string, number][] = [[start, 0]]
    const onPath = new Set([start])
    while (stack.length) {
      const top = stack[stack.length - 1]!
      const [id, next] = top
      const out = refs.get(id) ?? []
      if (depth.has(id) || next >= out.length) {
        if (!depth.has(id)) depth.set(id, 1 + Math.max(0, ...out.map((ref) => depth.get(ref.id) ?? 0)))
        if ((depth.get(id) ?? 0) > MAX_DEPTH && !broken.has(id)) {
          fail(out[0]!.at, `segments refer to each other more than ${MAX_DEPTH} deep`, 'segment')
          broken.add(id)
        }
        onPath.delete(id)
        stack.pop()
        continue
      }
      top[1]++
      const ref = out[next]!
      if (onPath.has(ref.id)) {
        const trail = stack.map(([member]) => member)
        const loop = [...trail.slice(trail.indexOf(ref.id)), ref.id]
        fail(ref.at, `segments refer to each other in a circle: ${loop.join(' → ')}`, 'segment')
        loop.forEach((member) => broken.add(member))
      } else if (!depth.has(ref.id)) {
        onPath.add(ref.id)
        stack.push([ref.id, 0])
      }
    }
  }
  // A segment that refers to a broken one cannot be evaluated either.
  for (let spread = true; spread; ) {
    spread = false
    refs.forEach((out, id) => {
      const bad = broken.has(id) ? undefined : out.find((ref) => broken.has(ref.id))
      if (bad) {
        fail(bad.at, `refers to segment "${bad.id}", which has errors`, 'segment')
        spread = !!broken.add(id)
      }
    })
  }

  rules.segments = checked.filter((segment) => !broken.has(segment.id)).sort((a, b) => b.priority - a.priority)
  return errors.length ? { ok: false, rules, errors } : { ok: true, rules, errors: [] }
}
