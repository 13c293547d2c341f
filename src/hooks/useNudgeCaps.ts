import { useEffect, useMemo, useRef } from 'react'
import type { NudgeCaps } from '../engine/fatigue'
import { useDecisions } from '../providers/AttuneContext'
import type { FailSafe } from './useFailSafe'

/** The engine's side of something shown as a nudge (its caps, cooldowns and budget), for a component that opens it itself. */
export interface NudgeLedger {
  /** Whether it may show now; true when the caps cannot be read (reported), as without personalization. */
  allowed: () => boolean
  /** Counts a showing toward its caps. */
  shown: () => void
  /** Counts a dismissal: its cooldown doubles. */
  dismissed: () => void
}

/**
 * The caps of nudge `id` (as `useNudge` keeps them), for a component with
 * its own way of opening, such as a hint on hover. Every call runs through
 * `safe`: a failing engine leaves the component working, uncapped. Call
 * them from handlers and effects, not while rendering.
 */
export function useNudgeCaps(id: string, { cap, safe }: { cap?: NudgeCaps; safe: FailSafe }): NudgeLedger {
  const attune = useDecisions('useNudgeCaps')
  // Caps change as objects each render; their content, read when asked, is what matters.
  const caps = useRef(cap)
  useEffect(() => {
    caps.current = cap
  })
  return useMemo(
    () => ({
      allowed: () => safe.call(() => attune.nudgeStatus(id, caps.current).allowed, true),
      shown: () => safe.call(() => attune.nudgeShown(id), undefined),
      dismissed: () => safe.call(() => attune.dismiss(id), undefined),
    }),
    [attune, id, safe],
  )
}
