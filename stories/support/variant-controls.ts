/**
 * The Controls of a Tune story: each variant's fields flattened into args
 * (`shopper.label`, `shopper.tone`…) with the control that edits them, and
 * the variants read back from those args.
 */
import type { ArgTypes } from '@storybook/react-vite'
import type { Variants } from '../../src'

/**
 * How a field is edited: free text, one of a list, a number, or on/off.
 * Every kind can also be left unset (the component's default applies): an
 * empty text, the list's `(not set)` option, or a number or switch the panel
 * was never given.
 */
export type FieldControl = 'text' | readonly string[] | { number: { min: number; max?: number; step: number } } | 'boolean'

/** The list option that leaves the field out. A list may hold `none` as a value of its own (an animation of none). */
export const UNSET = '(not set)'

export type Args = Record<string, unknown>

const argName = (key: string, field: string) => `${key}.${field}`

// Array.isArray does not narrow a readonly array.
const isList = (control: FieldControl): control is readonly string[] => Array.isArray(control)

/** Whether a control can show `value` as it is. */
function shows(control: FieldControl, value: unknown): boolean {
  if (control === 'text') return typeof value === 'string'
  if (control === 'boolean') return typeof value === 'boolean'
  if (isList(control)) return typeof value === 'string' && control.includes(value)
  return typeof value === 'number'
}

function controlOf(control: FieldControl, table: { category: string }): ArgTypes[string] {
  if (control === 'text') return { control: 'text', table }
  if (control === 'boolean') return { control: 'boolean', table }
  if (isList(control)) return { control: 'select', options: [UNSET, ...control], table }
  return { control: { type: 'number', ...control.number }, table }
}

/** The Controls' arg names: one per field of each variant. */
export const argNames = (variants: object, fields: Record<string, FieldControl>) => Object.keys(variants).flatMap((key) => Object.keys(fields).map((field) => argName(key, field)))

/**
 * Flattens variants into Controls: `shopper.label`, `shopper.tone`… One
 * control per field of each variant, grouped by variant, so a designer edits
 * copy, tone and animation without touching JSON.
 */
export function tuneArgs<V extends object>(variants: Variants<V>, fields: Record<string, FieldControl>): { args: Args; argTypes: ArgTypes } {
  const args: Args = {}
  const argTypes: ArgTypes = {}
  for (const [key, variant] of Object.entries(variants)) {
    for (const [field, control] of Object.entries(fields)) {
      const name = argName(key, field)
      const value = (variant as Record<string, unknown>)[field]
      const table = { category: key }
      argTypes[name] = controlOf(control, table)
      // A value the control cannot show (a list of messages in a text box, an
      // element as an icon) gets no arg: it stays as it is, edited in the JSON.
      if (value === undefined) {
        if (control === 'text') args[name] = ''
        else if (isList(control)) args[name] = UNSET
        // An unset number or switch is left out of args: the panel offers to set it.
      } else if (shows(control, value)) {
        args[name] = value
      }
    }
  }
  return { args, argTypes }
}

/** The variants the Controls describe: `base`, with each field set as its control says, or left out where the control is unset. */
export function fromArgs<V extends object>(base: Variants<V>, args: Args, fields: Record<string, FieldControl>): Variants<V> {
  const out: Record<string, Record<string, unknown>> = {}
  for (const [key, variant] of Object.entries(base)) {
    const next: Record<string, unknown> = { ...(variant as Record<string, unknown>) }
    for (const [field, control] of Object.entries(fields)) {
      const name = argName(key, field)
      if (!Object.hasOwn(args, name)) continue
      const value = args[name]
      const unset = value === undefined || value === null || (control === 'text' ? value === '' : value === UNSET)
      if (unset) delete next[field]
      else next[field] = value
    }
    out[key] = next
  }
  return out as Variants<V>
}
