/**
 * Variant tuning for the workshop: Controls for each variant's fields, the
 * JSON a developer pastes into code ("Export variants"), the same JSON loaded
 * back, and a matrix of every variant in both motion modes.
 */
import { useId, useState, type ReactNode } from 'react'
import type { ArgTypes } from '@storybook/react-vite'
import { createAttune, PersonalizationProvider, withDecisions, type MotionSetting, type Variants } from '../../src'

/** How a field is edited: free text, or one of a list. */
export type FieldControl = 'text' | readonly string[]

/**
 * Flattens variants into Controls: `shopper.label`, `shopper.tone`… One
 * control per field of each variant, so a designer edits copy, tone and
 * animation without touching JSON.
 */
export function tuneArgs<V extends object>(variants: Variants<V>, fields: Record<string, FieldControl>): { args: Record<string, unknown>; argTypes: ArgTypes } {
  const args: Record<string, unknown> = {}
  const argTypes: ArgTypes = {}
  for (const [key, variant] of Object.entries(variants)) {
    for (const [field, control] of Object.entries(fields)) {
      const name = `${key}.${field}`
      const value = (variant as Record<string, unknown>)[field]
      args[name] = typeof value === 'string' ? value : control === 'text' ? '' : 'none'
      argTypes[name] = control === 'text' ? { control: 'text', table: { category: key } } : { control: 'select', options: ['none', ...control], table: { category: key } }
    }
  }
  return { args, argTypes }
}

/** The variants the Controls describe: `base` with each field the Controls set ('' and 'none' leave it out). */
export function fromArgs<V extends object>(base: Variants<V>, args: Record<string, unknown>, fields: Record<string, FieldControl>): Variants<V> {
  const out: Record<string, Record<string, unknown>> = {}
  for (const [key, variant] of Object.entries(base)) {
    const next: Record<string, unknown> = { ...(variant as Record<string, unknown>) }
    for (const field of Object.keys(fields)) {
      const value = args[`${key}.${field}`]
      if (value === undefined) continue
      if (value === '' || (value === 'none' && fields[field] !== 'text' && field !== 'animation')) delete next[field]
      else next[field] = value
    }
    out[key] = next
  }
  return out as Variants<V>
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
