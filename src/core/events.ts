import { isObject } from './guards'
import { FIELD_KINDS, expectedOf, type FieldKindName } from './profile-schema'
import type { Trait } from './profile'

/** What the tracker accepts through `record()`. Times are taken when recorded. */
export type BehaviorEvent =
  /** The visitor opened a page (a route change counts). */
  | { type: 'pageview'; path: string }
  /** Visible time spent on a page, in ms. */
  | { type: 'page-dwell'; path: string; ms: number }
  /** A section came into view; `ratio` is the share of it visible (0–1). */
  | { type: 'view'; id: string; ratio?: number }
  /** Visible time on a section, in ms. */
  | { type: 'dwell'; id: string; ms: number; ratio?: number }
  /** A scroll sample: position in px and depth seen (0–1). */
  | { type: 'scroll'; y: number; depth: number }
  /** A hover that lasted past the intent threshold, `ms` long. */
  | { type: 'hover'; id: string; ms: number }
  | { type: 'click'; id: string }
  /** A custom event; `props` travel with the event, the profile keeps only counts. */
  | { type: 'track'; name: string; props?: Record<string, unknown> }
  | { type: 'identify'; traits: Record<string, Trait> }
  | { type: 'idle'; idle: boolean }

export type BehaviorEventType = BehaviorEvent['type']

/** Each event type's fields: `name:kind`, with `?` for an optional field. */
const FIELDS: Record<BehaviorEventType, string> = {
  pageview: 'path:key',
  'page-dwell': 'path:key ms:ms',
  view: 'id:key ratio?:unit',
  dwell: 'id:key ms:ms ratio?:unit',
  scroll: 'y:ms depth:unit',
  hover: 'id:key ms:ms',
  click: 'id:key',
  track: 'name:key props?:object',
  identify: 'traits:traits',
  idle: 'idle:bool',
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value)
  return Array.isArray(value) ? 'an array' : typeof value
}

/**
 * The first field of `event` that is wrong, as `[type, field, kind]`;
 * `[type]` for an unknown type, `[]` when `event` is not an object, and
 * null when the event is valid.
 */
function firstProblem(event: unknown): string[] | null {
  if (!isObject(event)) return []
  const type = event.type as BehaviorEventType
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) return [type]
  // Parsed as read, not into a table at load: a few short strings per event.
  for (const field of FIELDS[type].split(' ')) {
    const [spec = '', kind = ''] = field.split(':')
    const name = spec.replace('?', '')
    const value = event[name]
    // The kinds the profile holds are the schema's, so an event is checked the way the stat it feeds is; \`object\` is what only events carry.
    const check = kind === 'object' ? isObject : FIELD_KINDS[kind as FieldKindName].check
    if (!(name !== spec && value === undefined) && !check(value)) return [type, name, kind]
  }
  return null
}

export function isValidEvent(event: unknown): event is BehaviorEvent {
  return firstProblem(event) === null
}

/**
 * Why an event cannot be recorded, or null when it can: the field, what it
 * expects and what it got. For development messages.
 */
export function describeInvalidEvent(event: unknown): string | null {
  const problem = firstProblem(event)
  if (!problem) return null
  const [type, name, kind] = problem
  const value = isObject(event) ? event[name ?? 'type'] : event
  if (!problem.length) return `an event must be an object such as { type: 'click', id: 'buy' }, got ${show(event)}`
  if (!name) return `unknown event type ${show(value)}; expected one of ${Object.keys(FIELDS).join(', ')}`
  return `"${type}" event: "${name}" must be ${kind === 'object' ? 'a plain object' : expectedOf(kind as FieldKindName)}, got ${show(value)}`
}
