/**
 * Variant tuning for the workshop: Controls for each variant's fields, the
 * JSON a developer pastes into code ("Export variants"), the same JSON loaded
 * back, and a matrix of every variant in both motion modes.
 */
import type { ArgTypes, StoryObj } from '@storybook/react-vite'
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
const argNames = (variants: object, fields: Record<string, FieldControl>) => Object.keys(variants).flatMap((key) => Object.keys(fields).map((field) => argName(key, field)))

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

interface Tuned<V> {
  /** The variants shown and exported. */
  variants: Variants<V>
  /** The args they were last brought up to date with. */
  args: Args
  /** What the last load sent to the Controls: its echo, when it comes back as args, is not an edit. */
  echo: Args
}

/**
 * The variants the Controls describe, and `load`, which replaces them with
 * pasted ones. Each Control edit applies to the variants as they are now, a
 * loaded set included; fields only the JSON holds (an action, a list of
 * messages) stay. `updateArgs` makes the Controls show what was loaded;
 * their echo, when it comes back as args, is not taken for an edit.
 * (In the story tests no manager listens to `updateArgs`.)
 */
export function useTuned<V extends object>(initial: Variants<V>, fields: Record<string, FieldControl>, args: Args, updateArgs: (args: Args) => void) {
  const names = argNames(initial, fields)
  const [tuned, setTuned] = useState<Tuned<V>>(() => ({ variants: fromArgs(initial, args, fields), args, echo: {} }))
  let current = tuned
  // New args: apply what changed, during render (React's pattern for state that follows props).
  if (args !== tuned.args) {
    const edits: Args = {}
    const echo = { ...tuned.echo }
    for (const name of names) {
      if (Object.is(args[name], tuned.args[name])) continue
      if (Object.hasOwn(echo, name) && Object.is(echo[name], args[name])) {
        delete echo[name]
        continue
      }
      edits[name] = args[name]
    }
    current = { variants: Object.keys(edits).length ? fromArgs(tuned.variants, edits, fields) : tuned.variants, args, echo }
    setTuned(current)
  }
  const load = (next: Variants<V>) => {
    // Every Control is set: to the loaded value it can show, or to unset.
    const shown = tuneArgs(next, fields).args
    const sent = Object.fromEntries(names.map((name) => [name, shown[name]]))
    const echo = Object.fromEntries(Object.entries(sent).filter(([name, value]) => !Object.is(args[name], value)))
    setTuned({ variants: next, args, echo })
    updateArgs(sent)
  }
  return [current.variants, load] as const
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
    play: async ({ canvasElement, args: storyArgs }: { canvasElement: HTMLElement; args: Args }) => {
      // Nothing is changed here: a designer finds the variants as they are,
      // and the Controls describe them exactly.
      await expect(fromArgs(options.variants, storyArgs, options.fields)).toEqual(options.variants)
      const panel = within(within(canvasElement).getByRole('region', { name: 'Variants as JSON' }))
      await expect(panel.getByRole('button', { name: 'Export variants' })).toHaveAttribute('aria-expanded', 'false')
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
    /** The verdict of the last action: what was wrong, or how many variants loaded. */
    status: () => panel.getByRole('status'),
    /** The box JSON is pasted into. */
    input,
  }
}

/** What a play function receives. */
type PlayContext = Parameters<NonNullable<StoryObj['play']>>[0]

interface RoundTripOptions<V extends object> {
  /** The variants the Tune story starts from. */
  variants: Variants<V>
  /** JSON with a variant the component's check refuses, and the words of the reason it gives. */
  refused: { json: string; reason: string }
  /** The key of the variant this visitor is shown (it depends on the toolbar, and on the hashed arm). */
  shownKey: (context: PlayContext) => string | Promise<string>
  /** The variants to load: the shown one edited. */
  edit: (key: string) => Variants<V>
  /** Checks that the component shows the edited variant. */
  shows: (context: PlayContext, key: string) => Promise<void>
}

/**
 * Tune's round trip, as a test: the export is the variants the Controls
 * describe; bad JSON is refused with the reason, and changes nothing; edited
 * JSON loads into the component and into the next export. Spread after the
 * Tune story; hidden from the sidebar (`!dev`), as a designer opens Tune,
 * which starts from the variants as they are.
 */
export function roundTripStory<V extends object>(options: RoundTripOptions<V>) {
  return {
    name: 'Tune: export and load',
    tags: ['!dev'],
    play: async (context: PlayContext) => {
      const { canvasElement, userEvent, step } = context
      const json = variantJsonPanel(canvasElement, userEvent)
      await step('Export gives the variants the Controls describe, as JSON', async () => {
        await expect(await json.exported()).toEqual(options.variants)
      })
      const key = await options.shownKey(context)
      await step('Load refuses what is not JSON, and a variant the component cannot show, and says why', async () => {
        await json.load('{ "default": ')
        await expect(json.status()).toHaveTextContent(/^Error: Not JSON: /)
        await expect(json.input).toHaveAttribute('aria-invalid', 'true')
        await json.load(options.refused.json)
        await expect(json.status()).toHaveTextContent(options.refused.reason)
        // Nothing was loaded.
        await expect(await json.exported()).toEqual(options.variants)
      })
      const edited = options.edit(key)
      await step('Load takes edited JSON into the component', async () => {
        await json.load(JSON.stringify(edited, null, 2))
        await expect(json.status()).toHaveTextContent(`Loaded ${Object.keys(edited).length} variants`)
        await expect(json.input).not.toHaveAttribute('aria-invalid')
        await options.shows(context, key)
      })
      await step('Export now gives the loaded variants', async () => {
        await expect(await json.exported()).toEqual(edited)
      })
    },
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
 * "Export variants" shows the JSON to copy, kept up to date as the Controls
 * change; "Copy JSON" puts it on the clipboard. "Load variants" takes JSON
 * back (or any edited copy), checked with the component's own variant check.
 * One status line (a polite live region) says how each action went; a load
 * that fails marks the box invalid and points to the reason.
 */
export function VariantJson<V>({ variants, check, onLoad }: { variants: Variants<V>; check: (variant: unknown) => string | null; onLoad: (variants: Variants<V>) => void }) {
  const id = useId()
  const [exported, setExported] = useState(false)
  const [draft, setDraft] = useState('')
  const [status, setStatus] = useState<{ ok: boolean; text: string; of: 'copy' | 'load' } | null>(null)
  const json = exported ? variantsJson(variants) : ''
  const invalid = status?.of === 'load' && !status.ok
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard here')
      await navigator.clipboard.writeText(json)
      setStatus({ ok: true, text: 'Copied the JSON', of: 'copy' })
    } catch {
      // Browsers refuse the clipboard to pages without focus or permission (an embedded preview, a test).
      setStatus({ ok: false, text: 'Could not copy: select the exported JSON and copy it by hand', of: 'copy' })
    }
  }
  const load = () => {
    const result = parseVariants<V>(draft, check)
    if ('error' in result) return setStatus({ ok: false, text: result.error, of: 'load' })
    onLoad(result.variants)
    setStatus({ ok: true, text: `Loaded ${Object.keys(result.variants).length} variants`, of: 'load' })
  }
  const mono = { fontFamily: 'monospace', fontSize: 12 }
  return (
    <section aria-label="Variants as JSON" style={{ marginTop: 24, display: 'grid', gap: 8, maxWidth: 560 }}>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" data-attune="button" data-tone="neutral" aria-expanded={exported} aria-controls={`${id}-out`} onClick={() => setExported(true)}>
          Export variants
        </button>
        {exported && (
          <button type="button" data-attune="button" data-tone="neutral" onClick={() => void copy()}>
            Copy JSON
          </button>
        )}
      </div>
      {exported && (
        <>
          <label htmlFor={`${id}-out`}>Exported variants (paste them into your code)</label>
          <textarea id={`${id}-out`} readOnly rows={10} value={json} style={mono} />
        </>
      )}
      <label htmlFor={`${id}-in`}>Variants JSON to load</label>
      <textarea
        id={`${id}-in`}
        rows={6}
        value={draft}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-status` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        style={{ ...mono, ...(invalid ? { outline: '2px solid var(--attune-danger-bg)' } : {}) }}
      />
      <div>
        <button type="button" data-attune="button" data-tone="neutral" onClick={load}>
          Load variants
        </button>
      </div>
      <p id={`${id}-status`} role="status" data-state={status ? (status.ok ? 'ok' : 'error') : undefined} style={{ margin: 0, minHeight: '1.4em', fontWeight: status && !status.ok ? 600 : undefined }}>
        {status && (status.ok ? '' : 'Error: ')}
        {status?.text}
      </p>
    </section>
  )
}

/** The two columns of the matrix. */
export const MATRIX_MOTIONS = ['full', 'reduced'] as const
export type MatrixMotion = (typeof MATRIX_MOTIONS)[number]

/** The name of a matrix cell, such as "shopper, reduced motion": landmarks and controls in the cells must be told apart. */
export const cellLabel = (key: string, motion: MatrixMotion) => `${key}, ${motion} motion`

/** What a matrix cell renders with: its variant key, its motion, and its name. */
export interface MatrixCell {
  key: string
  motion: MatrixMotion
  label: string
}

/**
 * Every variant side by side, in full and in reduced motion: each cell is its
 * own visitor, whose `default` is that variant.
 */
export function VariantMatrix<V>({ variants, render }: { variants: Variants<V>; render: (variants: Variants<V>, cell: MatrixCell) => ReactNode }) {
  return (
    <table style={{ borderCollapse: 'separate', borderSpacing: 16 }}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>Every variant, in full and in reduced motion</caption>
      <thead>
        <tr>
          <th scope="col">Variant</th>
          {MATRIX_MOTIONS.map((motion) => (
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
            {MATRIX_MOTIONS.map((motion) => (
              <td key={motion} style={{ verticalAlign: 'top' }}>
                <Cell motion={motion === 'full' ? 'full' : 'reduce'}>{render({ default: variant }, { key, motion, label: cellLabel(key, motion) })}</Cell>
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
