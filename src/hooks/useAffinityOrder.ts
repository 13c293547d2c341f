import { useMemo } from 'react'
import type { Profile } from '../core'
import { orderByAffinity } from '../engine/affinity'
import { useAttune } from '../providers/AttuneContext'
import { useBehavior } from './useBehavior'
import type { FailSafe } from './useFailSafe'

export interface AffinityOrderOptions {
  /** Order at all; default true. False returns null (keep the given order) and follows nothing. */
  enabled?: boolean
  /** Given, an error while ordering keeps the given order (null), and is reported there once. */
  safe?: FailSafe
}

function sameOrder(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((id, i) => id === b[i]))
}

/**
 * The ids of `items` in the order of the visitor's affinities (decayed
 * dwell, hovers, clicks and events per category; see `orderByAffinity`), or
 * null to keep the given order. Re-renders only when the order changes.
 */
export function useAffinityOrder(items: readonly { id: string; category: string }[], { enabled = true, safe }: AffinityOrderOptions = {}): readonly string[] | null {
  const attune = useAttune('useAffinityOrder')
  // What the order depends on, as a string: the selector (and so the
  // subscription's work) changes only when an id or a category does, not
  // with every new `items` array.
  const key = JSON.stringify(items.map((item) => [item.id, item.category]))
  const selector = useMemo(() => {
    const list = (JSON.parse(key) as [string, string][]).map(([id, category]) => ({ id, category }))
    const order = (profile: Profile) => orderByAffinity(list, profile, { now: attune.now(), halfLife: attune.halfLifeMs }).map((item) => item.id)
    return (profile: Profile) => (!enabled ? null : safe ? safe.read(() => order(profile), null) : order(profile))
  }, [key, enabled, attune, safe])
  return useBehavior(selector, sameOrder)
}
