/**
 * Rule trees compiled to predicates: closures over precomputed paths, so
 * that evaluating one allocates nothing, and the list of profile parts each
 * reads, so that only rules whose inputs changed are evaluated again.
 */
import { countSince } from '../../core/bounded'
import { formatDuration } from '../../core/duration'
import type { EventStats, Profile } from '../../core/profile'
import type { Operator, RuleNode } from './document'
import { readPath } from './signals'
import { decay } from '../../core/smoothing'

/**
 * What a predicate reads besides the profile. The engine keeps one of these
 * and updates it in place before each evaluation pass.
 */
export interface EvalContext {
  /** The time rules are evaluated at, in epoch ms. */
  now: number
  /** Half-life of event scores, in ms. */
  halfLifeMs: number
  /** Whether another segment's rule matches. */
  segment(id: string): boolean
  /** A custom predicate registered in code. */
  predicate(name: string, profile: Profile): boolean
  /** A centroid model's class, or a logistic model's score. */
  model(name: string, profile: Profile): string | number
  /** Where a predicate compiled with `trace` appends each condition's outcome (for `explain`). */
  trace: Trace[] | null
}

/** One condition's outcome, as `explain` reports it. */
export interface Trace {
  /** JSON pointer of the condition in the rules document. */
  at: string
  kind: RuleNode['kind']
  pass: boolean
  /** The comparison, in words: `scroll.velocity lt 50`. Leaves only. */
  test?: string
  /** The value read: a signal's value, an event count or score, a segment's match, a model's class or score. Leaves only. */
  value?: unknown
}

export type Predicate = (profile: Profile, context: EvalContext) => boolean

/** What a compiled rule reads. */
export interface Inputs {
  /** Profile paths; the rule is stale when the value (or entry) at one of them changed. */
  paths: (readonly string[])[]
  /** Segments it refers to. */
  segments: string[]
  /** Models it asks. */
  models: string[]
  /** It reads the clock (event windows, decayed scores): stale as time passes. */
  time: boolean
  /** It calls custom predicates, whose inputs are unknown: stale on every change. */
  opaque: boolean
}

const emptyInputs = (): Inputs => ({ paths: [], segments: [], models: [], time: false, opaque: false })

/**
 * The test of an operator and the rule's value: a range open or closed at
 * each end (gt, gte, lt, lte, between), membership (in, nin; eq is in
 * [value], ne nin [value]), a pattern (a substring when it has no special
 * characters) or presence. One function literal for every test, so that the
 * predicates' calls to it inline.
 */
function valueTest(op: Operator, value: unknown, regex?: RegExp): (v: unknown) => boolean {
  const list = Array.isArray(value) ? (value as unknown[]) : [value]
  const [first, last] = list as [number, number]
  const mode = op === 'exists' ? 3 : op === 'matches' ? 2 : op === 'eq' || op === 'ne' || op === 'in' || op === 'nin' ? 1 : 0
  const lo = op === 'lt' || op === 'lte' ? -Infinity : first
  const hi = op === 'gt' || op === 'gte' ? Infinity : (last ?? first)
  const loIn = op !== 'gt'
  const hiIn = op !== 'lt'
  const single = list.length === 1
  const want = op !== 'ne' && op !== 'nin'
  const pattern = regex && /[\\^$.*+?()[\]{}|]/.test(value as string) ? regex : null
  return (v) =>
    mode === 0
      ? typeof v === 'number' && (loIn ? v >= lo : v > lo) && (hiIn ? v <= hi : v < hi)
      : mode === 1
        ? (single ? v === first : list.includes(v)) === want
        : mode === 2
          ? typeof v === 'string' && (pattern ? pattern.test(v) : v.includes(first as unknown as string))
          : (v !== undefined && v !== null) === value
}

/**
 * Compiles a rule tree; `inputs` collects what it reads. With `trace`, the
 * predicate also appends every condition's outcome to `context.trace` and
 * evaluates every branch (for explain); without, it does nothing else.
 */
export function compileRule(node: RuleNode, trace = false, inputs: Inputs = emptyInputs()): { test: Predicate; inputs: Inputs } {
  return { test: compileNode(node, inputs, trace), inputs }
}

const show = (value: unknown) => JSON.stringify(value)

/**
 * One checked node to its predicate. Longer than the house's 80 lines on
 * purpose: one `switch` over the node kinds, each case a short closure built
 * once per rule, so the predicates the engine keeps carry no dispatch.
 */
function compileNode(node: RuleNode, inputs: Inputs, trace: boolean): Predicate {
  const { at, kind } = node
  /** A leaf that reads a value and checks it; traced, it reports both. */
  const leaf = (text: string, read: (p: Profile, c: EvalContext) => unknown, check: (v: unknown) => boolean): Predicate =>
    trace
      ? (p, c) => {
          const value = read(p, c)
          const pass = check(value)
          c.trace?.push({ at, kind, pass, test: text, value })
          return pass
        }
      : (p, c) => check(read(p, c))
  switch (node.kind) {
    case 'all':
    case 'any': {
      const all = node.kind === 'all'
      if (trace) {
        const tests = node.nodes.map((child) => compileNode(child, inputs, trace))
        return (p, c) => {
          // Every condition, for a complete explanation.
          const entry: Trace = { at, kind, pass: all }
          c.trace?.push(entry)
          for (const test of tests) entry.pass = all ? test(p, c) && entry.pass : test(p, c) || entry.pass
          return entry.pass
        }
      }
      // Signal conditions as data, read and tested in the loop: no call each.
      const parts = node.nodes.map((child) => (child.kind === 'signal' && child.signal.model === undefined ? signalPart(child, inputs) : partOf(compileNode(child, inputs, trace))))
      return (p, c) => {
        for (let i = 0; i < parts.length; i++) {
          const part = parts[i]!
          if ((part.fn ? part.fn(p, c) : signalTest(part, p)) !== all) return !all
        }
        return all
      }
    }
    case 'not': {
      const test = compileNode(node.node, inputs, trace)
      if (!trace) return (p, c) => !test(p, c)
      return (p, c) => {
        const entry: Trace = { at, kind, pass: false }
        c.trace?.push(entry)
        return (entry.pass = !test(p, c))
      }
    }
    case 'signal': {
      const { signal, op } = node
      const text = `${node.name} ${op} ${show(node.value)}`
      if (signal.model !== undefined) {
        const check = valueTest(op, node.value, node.regex)
        const model = signal.model
        inputs.models.push(model)
        return leaf(text, (p, c) => c.model(model, p), check)
      }
      const part = signalPart(node, inputs)
      return trace ? leaf(text, (p) => signalRead(part, p), part.check) : (p) => signalTest(part, p)
    }
    case 'count':
    case 'score': {
      const path = ['events', node.event]
      inputs.paths.push(path)
      const check = valueTest(node.op, node.value)
      const within = node.kind === 'count' ? node.within : null
      inputs.time ||= node.kind === 'score' || within !== null
      const text = `${node.kind} of "${node.event}"${within === null ? '' : ` within ${formatDuration(within)}`} ${node.op} ${show(node.value)}`
      // What is counted, read in one function per kind of count.
      const measure =
        node.kind === 'score'
          ? (entry: EventStats, c: EvalContext) => decay(entry.score, c.now - entry.last, c.halfLifeMs)
          : within === null
            ? (entry: EventStats) => entry.count
            : (entry: EventStats, c: EvalContext) => countSince(entry.recent, within, c.now)
      const value = (p: Profile, c: EvalContext) => {
        const entry = readPath(p, path) as EventStats | undefined
        return entry ? measure(entry, c) : 0
      }
      return trace ? leaf(text, value, check) : (p, c) => check(value(p, c))
    }
    case 'segment': {
      const id = node.id
      inputs.segments.push(id)
      return leaf(`segment "${id}" matches`, (_p, c) => c.segment(id), (v) => v === true)
    }
    case 'predicate': {
      const name = node.name
      inputs.opaque = true
      return leaf(`predicate "${name}"`, (p, c) => c.predicate(name, p), (v) => v === true)
    }
    case 'model': {
      const { model, is } = node
      inputs.models.push(model)
      return leaf(`model "${model}" is ${show(is)}`, (p, c) => c.model(model, p), (v) => v === is)
    }
  }
}

/** A condition of an all or any: a signal's read and test as data, or a predicate. */
interface Part {
  fn: Predicate | null
  check: (v: unknown) => boolean
  n: number
  a: string
  b: string
  c: string
  k: number
  path: readonly string[]
  missing: number | undefined
}

const partOf = (fn: Predicate | null, path: readonly string[] = [], check: Part['check'] = Boolean, missing?: number): Part => {
  const [n, a, b, c, k] = keysOf(path)
  return { fn, check, n, a, b, c, k, path, missing }
}

/** A signal condition (not a model's) as data. */
function signalPart(node: Extract<RuleNode, { kind: 'signal' }>, inputs: Inputs): Part {
  const path = node.signal.path
  inputs.paths.push(path)
  // A missing entry of a keyed collection reads as 0 ("no clicks" is 0
  // clicks), except to "exists", which asks whether it is there at all.
  return partOf(null, path, valueTest(node.op, node.value, node.regex), node.op === 'exists' ? undefined : node.signal.missing)
}

/** The value a signal part reads. */
function signalRead(x: Part, p: Profile): unknown {
  const v = readKeys(p, x.n, x.a, x.b, x.c, x.k, x.path)
  return v === undefined ? x.missing : v
}

const signalTest = (x: Part, p: Profile): boolean => x.check(signalRead(x, p))

/**
 * How a predicate reads `path`: up to three keys that no object inherits
 * are read with plain property access (the profile's objects are plain, so
 * that reads only own properties, and fast); any other path with readPath.
 * The last key's index in NAMED, or -1.
 */
function keysOf(path: readonly string[]): [n: number, a: string, b: string, c: string, k: number] {
  const plain = path.length <= 3 && !path.some((key) => key in Object.prototype)
  return [plain ? path.length : 0, path[0] ?? '', path[1] ?? '', path[2] ?? '', NAMED.indexOf(path[path.length - 1]!)]
}

/**
 * The fields rules read most, each read by a load of its own name (one
 * shape, so fast) where a key held in a variable is a lookup by key, slow
 * across the profile's parts. Any other field is read by key.
 */
const NAMED = ['views', 'dwellMs', 'count', 'device', 'referrer', 'hour', 'source', 'depth', 'velocity', 'visits']

/** The value at `path` as keysOf says to read it: one function for every read, so it inlines. */
function readKeys(p: unknown, n: number, a: string, b: string, c: string, k: number, path: readonly string[]): unknown {
  const o = p as Profile & Record<string, Record<string, Record<string, unknown> | undefined> | undefined>
  // The part by name where rules read most: a load of a known name, not a lookup by key.
  const part = (a === 'pages' ? o.pages : a === 'context' ? o.context : a === 'scroll' ? o.scroll : a === 'visitor' ? o.visitor : o[a]) as Record<string, Record<string, unknown> | undefined> | undefined
  if (n < 2) return n ? part : readPath(p, path)
  // An entry by its id (pages by path, events by name), or a group (context.utm).
  const v = n === 3 ? (a === 'pages' ? (o.pages?.[b] as Record<string, unknown> | undefined) : part?.[b]) : part
  const key = n === 3 ? c : b
  if (v === undefined || v === null) return undefined
  return k === 0 ? v.views : k === 1 ? v.dwellMs : k === 2 ? v.count : k === 3 ? v.device : k === 4 ? v.referrer : k === 5 ? v.hour : k === 6 ? v.source : k === 7 ? v.depth : k === 8 ? v.velocity : k === 9 ? v.visits : v[key]
}

/** Whether any of `paths` reads a different value (or entry) in `next` than in `previous`. */
export function pathsChanged(paths: readonly (readonly string[])[], previous: Profile, next: Profile): boolean {
  for (let i = 0; i < paths.length; i++) if (readPath(previous, paths[i]!) !== readPath(next, paths[i]!)) return true
  return false
}
