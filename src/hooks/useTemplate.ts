import { useCallback, useContext, useSyncExternalStore } from 'react'
import { EMPTY_PROFILE } from '../core'
import { renderTemplate } from '../engine/templates'
import { AttuneContext } from '../providers/AttuneContext'
import { watchTraits } from './shared-watch'

/** Fills a template such as `Welcome back, {{name | friend}}`: plain text, never markup. */
export type Fill = (template: string) => string

export interface TemplateOptions {
  /**
   * Fill from the visitor's traits too (under `values`); default true. False
   * fills from `values` alone and needs no provider: for a component's
   * fallback, shown when personalization is not there.
   */
  traits?: boolean
}

export type Traits = Readonly<Record<string, unknown>>
const NO_TRAITS: Traits = {}
const never = () => () => {}

/** `template` filled from `traits` and `values` (which win): plain text (no `{{`) is its own rendering, no values to merge for it. */
export const fill = (template: string, traits: Traits, values?: Record<string, unknown>) => (template.includes('{{') ? renderTemplate(template, { ...traits, ...values }) : template)

/**
 * A function that fills templates from the visitor's traits and `values`
 * (which win). Re-renders when the traits change; server rendering and
 * hydration read the traits of the instance's `initialProfile`.
 */
export function useTemplate(values: Record<string, unknown> | undefined, { traits = true }: TemplateOptions = {}): Fill {
  const context = useContext(AttuneContext)
  const attune = traits ? context : null
  const current = useSyncExternalStore(
    // Told of the commits that change the traits, not of every commit (see watchTraits).
    attune ? watchTraits(attune) : never,
    () => attune?.getProfile().visitor.traits ?? NO_TRAITS,
    () => (attune ? (attune.initialProfile ?? EMPTY_PROFILE).visitor.traits : NO_TRAITS),
  )
  return useCallback((template: string) => fill(template, current, values), [current, values])
}

