/**
 * Variants as JSON: the export a developer pastes into code, and the same
 * JSON (or an edited copy) read back and checked with the component's own
 * variant check.
 */
import { useId, useState } from 'react'
import type { Variants } from '../../src'

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
