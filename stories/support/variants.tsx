/**
 * Variant tuning for the workshop: Controls for each variant's fields, the
 * JSON a developer pastes into code ("Export variants"), the same JSON loaded
 * back, and a matrix of every variant in both motion modes.
 */
import type { ArgTypes } from '@storybook/react-vite'
import { useId, useState, type ReactNode } from 'react'
import { useArgs } from 'storybook/preview-api'
import { expect, within, type UserEventObject } from 'storybook/test'
import { createAttune, PersonalizationProvider, withDecisions, type MotionSetting, type Variants } from '../../src'

/**
 * How a field is edited: free text, one of a list, a number, or on/off.
 * Every kind can also be left unset (the component's default applies): an
 * empty text, the list's `(not set)` option, or a number or switch the panel
 * was never given.
 */
export type FieldControl = 'text' | readonly string[] | { number: { min: number; max?: number; step: number } } | 'boolean'

/** The list option that leaves the field out. A list may hold `none` as a value of its own (an animation of none). */
export const UNSET = '(not set)'

type Args = Record<string, unknown>

const argName = (key: string, field: string) => `${key}.${field}`

// Array.isArray does not narrow a readonly array.
const isList = (control: FieldControl): control is readonly string[] => Array.isArray(control)

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
      if (control === 'text') {
        args[name] = typeof value === 'string' ? value : ''
        argTypes[name] = { control: 'text', table }
      } else if (isList(control)) {
        args[name] = typeof value === 'string' ? value : UNSET
        argTypes[name] = { control: 'select', options: [UNSET, ...control], table }
      } else {
        // Left out of args when unset: the panel offers to set it.
        if (value !== undefined) args[name] = value
        argTypes[name] = control === 'boolean' ? { control: 'boolean', table } : { control: { type: 'number', ...control.number }, table }
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

const changedSince = (before: Args, now: Args): Args => Object.fromEntries(Object.entries(now).filter(([name, value]) => before[name] !== value))

/**
 * The variants the Controls describe, and `load`, which replaces them with
 * pasted ones. A control changed after a load applies on top of what was
 * loaded. `updateArgs` makes the Controls show what was loaded (Storybook's
 * manager listens to it; in the story tests nothing does, hence the state).
 */
function useTuned<V extends object>(initial: Variants<V>, fields: Record<string, FieldControl>, args: Args, updateArgs: (args: Args) => void) {
  const [loaded, setLoaded] = useState<{ variants: Variants<V>; args: Args } | null>(null)
  const variants = loaded ? fromArgs(loaded.variants, changedSince(loaded.args, args), fields) : fromArgs(initial, args, fields)
  const load = (next: Variants<V>) => {
    setLoaded({ variants: next, args })
    const tuned = tuneArgs(next, fields).args
    // A number or switch the loaded variants leave out is reset too.
    updateArgs({ ...Object.fromEntries(Object.keys(args).map((name) => [name, undefined])), ...tuned })
  }
  return [variants, load] as const
}

interface TuneOptions<V extends object> {
  /** The variants the story starts from. */
  variants: Variants<V>
  /** The fields a designer tunes, and how. Fields not named here are edited in the JSON. */
  fields: Record<string, FieldControl>
  /** The component's own variant check: "Load variants" refuses what it refuses. */
  check: (variant: unknown) => string | null
  /** The component, showing the tuned variants. */
  render: (variants: Variants<V>) => ReactNode
}

function Tuner<V extends object>({ options, args, updateArgs }: { options: TuneOptions<V>; args: Args; updateArgs: (args: Args) => void }) {
  const [variants, load] = useTuned(options.variants, options.fields, args, updateArgs)
  return (
    <>
      {options.render(variants)}
      <VariantJson variants={variants} check={options.check} onLoad={load} />
    </>
  )
}

/**
 * A component's Tune story: Controls for each variant's fields, the
 * component showing the result for the toolbar's segment and arm, "Export
 * variants" for the JSON to paste into code and "Load variants" to take JSON
 * back (the Controls follow what was loaded).
 */
export function tuneStory<V extends object>(options: TuneOptions<V>) {
  const { args, argTypes } = tuneArgs(options.variants, options.fields)
  return {
    args,
    argTypes,
    parameters: { controls: { include: Object.keys(argTypes) } },
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      // Nothing is changed here: a designer finds the variants as they are.
      const panel = within(within(canvasElement).getByRole('region', { name: 'Variants as JSON' }))
      await expect(panel.getByRole('button', { name: 'Export variants' })).toBeEnabled()
      await expect(panel.getByRole('button', { name: 'Load variants' })).toBeEnabled()
    },
    render: function Render(storyArgs: Args) {
      // A Storybook hook: in the story function itself, not in a component below it.
      const [, updateArgs] = useArgs()
      return <Tuner options={options} args={storyArgs} updateArgs={updateArgs} />
    },
  }
}

/**
 * Drives the "Variants as JSON" panel from a play function, as a designer
 * would: export and read the JSON, paste JSON and load it, read the verdict.
 */
export function variantJsonPanel(canvasElement: HTMLElement, user: UserEventObject) {
  const panel = within(within(canvasElement).getByRole('region', { name: 'Variants as JSON' }))
  const input = panel.getByRole('textbox', { name: 'Variants JSON to load' })
  return {
    /** Clicks "Export variants" and returns the JSON shown, parsed. */
    async exported(): Promise<unknown> {
      await user.click(panel.getByRole('button', { name: 'Export variants' }))
      return JSON.parse(panel.getByRole<HTMLTextAreaElement>('textbox', { name: 'Exported variants (paste them into your code)' }).value)
    },
    /** Pastes `text` into the load box and clicks "Load variants". */
    async load(text: string): Promise<void> {
      await user.clear(input)
      await user.click(input)
      await user.paste(text)
      await user.click(panel.getByRole('button', { name: 'Load variants' }))
    },
    /** The verdict of the last load: what was wrong, or how many variants loaded. */
    status: () => panel.getByRole('status'),
  }
}

/** Variants as JSON, ready to paste into code: functions and elements (icons) are left out. */
export function variantsJson(variants: object): string {
  return JSON.stringify(variants, (_, value: unknown) => (typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value) ? undefined : value), 2)
}

/** Reads pasted variants: the object, or what is wrong with it (parse error, no default, a variant the check refuses). */
export function parseVariants<V>(text: string, check: (variant: unknown) => string | null): { variants: Variants<V> } | { error: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { error: `Not JSON: ${(error as Error).message}` }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'Expected an object of variants by key, such as { "default": { … } }' }
  if (!Object.hasOwn(parsed, 'default')) return { error: 'The variants need a "default": shown when no segment or arm has its own' }
  for (const [key, variant] of Object.entries(parsed)) {
    const problem = check(variant)
    if (problem) return { error: `Variant "${key}" ${problem}` }
  }
  return { variants: parsed as Variants<V> }
}

/**
 * "Export variants" gives the JSON to copy; "Load variants" takes it back
 * (or any edited copy), checked with the component's own variant check.
 */
export function VariantJson<V>({ variants, check, onLoad }: { variants: Variants<V>; check: (variant: unknown) => string | null; onLoad: (variants: Variants<V>) => void }) {
  const id = useId()
  const [shown, setShown] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  return (
    <section aria-label="Variants as JSON" style={{ marginTop: 24, display: 'grid', gap: 8, maxWidth: 560 }}>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" data-attune="button" data-tone="neutral" onClick={() => setShown(variantsJson(variants))}>
          Export variants
        </button>
        {shown !== null && (
          <button type="button" data-attune="button" data-tone="neutral" onClick={() => void navigator.clipboard?.writeText(shown).catch(() => {})}>
            Copy JSON
          </button>
        )}
      </div>
      {shown !== null && (
        <>
          <label htmlFor={`${id}-out`}>Exported variants (paste them into your code)</label>
          <textarea id={`${id}-out`} readOnly rows={10} value={shown} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        </>
      )}
      <label htmlFor={`${id}-in`}>Variants JSON to load</label>
      <textarea id={`${id}-in`} rows={6} value={draft} onChange={(event) => setDraft(event.target.value)} style={{ fontFamily: 'monospace', fontSize: 12 }} />
      <div>
        <button
          type="button"
          data-attune="button"
          data-tone="neutral"
          onClick={() => {
            const result = parseVariants<V>(draft, check)
            if ('error' in result) return setStatus({ ok: false, text: result.error })
            onLoad(result.variants)
            setStatus({ ok: true, text: `Loaded ${Object.keys(result.variants).length} variants` })
          }}
        >
          Load variants
        </button>
      </div>
      <p role="status" style={{ margin: 0, minHeight: '1.4em' }}>
        {status?.text}
      </p>
    </section>
  )
}

const MOTIONS: MotionSetting[] = ['full', 'reduce']

/**
 * Every variant side by side, in full and in reduced motion: each cell is its
 * own visitor, whose `default` is that variant.
 */
export function VariantMatrix<V>({ variants, render }: { variants: Variants<V>; render: (variant: Variants<V>, key: string) => ReactNode }) {
  return (
    <table style={{ borderCollapse: 'separate', borderSpacing: 16 }}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>Every variant, in full and in reduced motion</caption>
      <thead>
        <tr>
          <th scope="col">Variant</th>
          {MOTIONS.map((motion) => (
            <th key={motion} scope="col">
              {motion === 'full' ? 'Full motion' : 'Reduced motion'}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Object.entries(variants).map(([key, variant]) => (
          <tr key={key}>
            <th scope="row" style={{ textAlign: 'left', verticalAlign: 'top' }}>
              {key}
            </th>
            {MOTIONS.map((motion) => (
              <td key={motion} style={{ verticalAlign: 'top' }}>
                <Cell motion={motion}>{render({ default: variant }, key)}</Cell>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Cell({ motion, children }: { motion: MotionSetting; children: ReactNode }) {
  const [attune] = useState(() => withDecisions(createAttune({ storage: 'memory', schedule: 'sync' }), { budget: 1000 }))
  return (
    <PersonalizationProvider attune={attune} motion={motion}>
      {children}
    </PersonalizationProvider>
  )
}
