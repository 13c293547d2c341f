/**
 * Rule trees compiled to predicates: closures over precomputed paths, so
 * that evaluating one allocates nothing, and the list of profile parts each
 * reads, so that only rules whose inputs changed are evaluated again.
 */
import { countSince } from './bounded'
import type { EventStats, Profile } from './profile'
import type { Operator, RuleNode } from './rules'
import { readPath } from './signals'
import { decay } from './smoothing'

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
  /**
   * When set, every condition evaluated appends its outcome here, and
   * combinators evaluate all their conditions (for `explain`).
   */
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

/** A test of a number, for an operator and the value from the rule. */
function numberTest(op: Operator, value: unknown): (n: number) => boolean {
  const v = value as number
  switch (op) {
    case 'eq':
      return (n) => n === v
    case 'ne':
      return (n) => n !== v
    case 'gt':
      return (n) => n > v
    case 'gte':
      return (n) => n >= v
    case 'lt':
      return (n) => n < v
    case 'lte':
      return (n) => n <= v
    default: {
      const [low, high] = value as [number, number]
      return (n) => n >= low && n <= high
    }
  }
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
      const test = numberTest(op, value)
      return (v) => typeof v === 'number' && test(v)
    }
  }
}

/** Compiles a rule tree; `inputs` collects what it reads. */
export function compileRule(node: RuleNode, inputs: Inputs = emptyInputs()): { test: Predicate; inputs: Inputs } {
  return { test: compileNode(node, inputs), inputs }
}

/** A leaf: reads a value, tests it, and reports both when tracing. */
function leaf(node: RuleNode, test: string, read: (p: Profile, c: EvalContext) => unknown, check: (v: unknown) => boolean): Predicate {
  const { at, kind } = node
  return (p, c) => {
    const value = read(p, c)
    const pass = check(value)
    if (c.trace) c.trace.push({ at, kind, pass, test, value })
    return pass
  }
}

const show = (value: unknown) => JSON.stringify(value)

function compileNode(node: RuleNode, inputs: Inputs): Predicate {
  switch (node.kind) {
    case 'all':
    case 'any': {
      const { at, kind } = node
      const tests = node.nodes.map((child) => compileNode(child, inputs))
      const all = kind === 'all'
      return (p, c) => {
        if (c.trace) {
          // Tracing: every condition, for a complete explanation.
          const entry: Trace = { at, kind, pass: all }
          c.trace.push(entry)
          for (let i = 0; i < tests.length; i++) entry.pass = all ? tests[i]!(p, c) && entry.pass : tests[i]!(p, c) || entry.pass
          return entry.pass
        }
        for (let i = 0; i < tests.length; i++) if (tests[i]!(p, c) !== all) return !all
        return all
      }
    }
    case 'not': {
      const { at, kind } = node
      const test = compileNode(node.node, inputs)
      return (p, c) => {
        const entry: Trace | null = c.trace && { at, kind, pass: false }
        if (entry) c.trace!.push(entry)
        const pass = !test(p, c)
        if (entry) entry.pass = pass
        return pass
      }
    }
    case 'signal': {
      const { signal, op } = node
      const text = `${node.name} ${op} ${show(node.value)}`
      const check = valueTest(op, node.value, node.regex)
      if (signal.model !== undefined) {
        const model = signal.model
        inputs.models.push(model)
        return leaf(node, text, (p, c) => c.model(model, p), check)
      }
      const path = signal.path
      inputs.paths.push(path)
      // A missing entry of a keyed collection reads as 0 ("no clicks" is 0
      // clicks), except to "exists", which asks whether it is there at all.
      const missing = op === 'exists' ? undefined : signal.missing
      return leaf(
        node,
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
      const check = numberTest(node.op, node.value)
      const within = node.kind === 'count' ? node.within : null
      inputs.time ||= node.kind === 'score' || within !== null
      const text = `${node.kind} of "${node.event}"${within === null ? '' : ` within ${within} ms`} ${node.op} ${show(node.value)}`
      const read =
        node.kind === 'score'
          ? (p: Profile, c: EvalContext) => {
              const entry = readPath(p, path) as EventStats | undefined
              return entry ? decay(entry.score, c.now - entry.last, c.halfLifeMs) : 0
            }
          : within === null
            ? (p: Profile) => (readPath(p, path) as EventStats | undefined)?.count ?? 0
            : (p: Profile, c: EvalContext) => {
                const entry = readPath(p, path) as EventStats | undefined
                return entry ? countSince(entry.recent, within, c.now) : 0
              }
      return leaf(node, text, read, check as (v: unknown) => boolean)
    }
    case 'segment': {
      const id = node.id
      inputs.segments.push(id)
      return leaf(node, `segment "${id}" matches`, (_p, c) => c.segment(id), (v) => v === true)
    }
    case 'predicate': {
      const name = node.name
      inputs.opaque = true
      return leaf(node, `predicate "${name}"`, (p, c) => c.predicate(name, p), (v) => v === true)
    }
    case 'model': {
      const { model, is } = node
      inputs.models.push(model)
      return leaf(node, `model "${model}" is ${show(is)}`, (p, c) => c.model(model, p), (v) => v === is)
    }
  }
}

/** Whether any of `paths` reads a different value (or entry) in `next` than in `previous`. */
export function pathsChanged(paths: readonly (readonly string[])[], previous: Profile, next: Profile): boolean {
  for (let i = 0; i < paths.length; i++) if (readPath(previous, paths[i]!) !== readPath(next, paths[i]!)) return true
  return false
}
