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

/** A comparison of a number with the rule's value: the same function for every rule, so it inlines. */
const NUMBER_TESTS: Record<string, (n: number, v: number, high: number) => boolean> = {
  eq: (n, v) => n === v,
  ne: (n, v) => n !== v,
  gt: (n, v) => n > v,
  gte: (n, v) => n >= v,
  lt: (n, v) => n < v,
  lte: (n, v) => n <= v,
  between: (n, low, high) => n >= low && n <= high,
}

/** A test of any value a signal may hold. */
function valueTest(op: Operator, value: unknown, regex: RegExp | undefined): (v: unknown) => boolean {
  switch (op) {
    case 'eq':
      return (v) => v === value
    case 'ne':
      return (v) => v !== value
    case 'in':
      return (v) => (value as unknown[]).includes(v)
    case 'nin':
      return (v) => !(value as unknown[]).includes(v)
    case 'exists':
      return (v) => (v !== undefined && v !== null) === value
    case 'matches':
      return (v) => typeof v === 'string' && regex!.test(v)
    default: {
      const test = NUMBER_TESTS[op]!
      const [low, high] = Array.isArray(value) ? (value as number[]) : [value as number, 0]
      return (v) => typeof v === 'number' && test(v, low!, high!)
    }
  }
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
      const tests = node.nodes.map((child) => compileNode(child, inputs, trace))
      const all = node.kind === 'all'
      if (trace) {
        return (p, c) => {
          // Every condition, for a complete explanation.
          const entry: Trace = { at, kind, pass: all }
          c.trace?.push(entry)
          for (const test of tests) entry.pass = all ? test(p, c) && entry.pass : test(p, c) || entry.pass
          return entry.pass
        }
      }
      return (p, c) => {
        for (let i = 0; i < tests.length; i++) if (tests[i]!(p, c) !== all) return !all
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
      const check = valueTest(op, node.value, node.regex)
      if (signal.model !== undefined) {
        const model = signal.model
        inputs.models.push(model)
        return leaf(text, (p, c) => c.model(model, p), check)
      }
      const path = signal.path
      inputs.paths.push(path)
      // A missing entry of a keyed collection reads as 0 ("no clicks" is 0
      // clicks), except to "exists", which asks whether it is there at all.
      const missing = op === 'exists' ? undefined : signal.missing
      return leaf(
        text,
        (p) => {
          const v = readPath(p, path)
          return v === undefined ? missing : v
        },
        check,
      )
    }
    case 'count':
    case 'score': {
      const path = ['events', node.event]
      inputs.paths.push(path)
      const test = NUMBER_TESTS[node.op]!
      const [low, high] = Array.isArray(node.value) ? (node.value as number[]) : [node.value as number, 0]
      const within = node.kind === 'count' ? node.within : null
      inputs.time ||= node.kind === 'score' || within !== null
      const text = `${node.kind} of "${node.event}"${within === null ? '' : ` within ${formatDuration(within)}`} ${node.op} ${show(node.value)}`
      // The number is computed and compared in one function: nothing to box.
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
      return trace ? leaf(text, value, (v) => test(v as number, low!, high!)) : (p, c) => test(value(p, c), low!, high!)
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

/** Whether any of `paths` reads a different value (or entry) in `next` than in `previous`. */
export function pathsChanged(paths: readonly (readonly string[])[], previous: Profile, next: Profile): boolean {
  for (let i = 0; i < paths.length; i++) if (readPath(previous, paths[i]!) !== readPath(next, paths[i]!)) return true
  return false
}
