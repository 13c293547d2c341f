import { useCallback, useEffect, useRef, useState } from 'react'
import type { NudgeCaps } from '../engine/fatigue'
import type { Profile } from '../core'
import { useDecisions } from '../providers/AttuneContext'
import { unguarded, type FailSafe } from './useFailSafe'

export interface NudgeOptions {
  /** The id of the segment the visitor must be in. Without `trigger`, entering it opens the nudge. */
  segment?: string
  /** A custom event (such as `exit_intent`) that opens the nudge when it is tracked. */
  trigger?: string
  /** Caps for this nudge, over the configured ones. */
  cap?: NudgeCaps
  /**
   * Given (from `useFailSafe`), an error of the engine does not throw: the
   * nudge stays closed (or closes), and the fail-safe reports the error once.
   */
  safe?: FailSafe
}

export interface Nudge {
  /** Whether the nudge is showing. */
  open: boolean
  /** Opens it now, if the caps allow; returns whether it opened. */
  show: () => boolean
  /** Closes it as dismissed: its cooldown doubles. */
  dismiss: () => void
  /** Closes it with the visitor's feedback; "not-helpful" suppresses it for good. */
  feedback: (value: 'helpful' | 'not-helpful') => void
  /** Closes it without recording anything: the visitor took its action, or it timed out. */
  close: () => void
}

const eventCount = (profile: Profile, name: string | undefined) => (name === undefined ? 0 : (profile.events[name]?.count ?? 0))


/**
 * A capped nudge: opens when its trigger fires (or its segment is entered)
 * and fatigue allows, and counts toward its caps once shown. Re-renders only
 * when it opens or closes.
 */
export function useNudge(id: string, { segment, trigger, cap, safe }: NudgeOptions = {}): Nudge {
  const attune = useDecisions('useNudge')
  const guard = safe ?? unguarded
  const [open, setOpen] = useState(false)
  // Caps change as objects each render; their content is what matters.
  const caps = useRef(cap)
  useEffect(() => {
    caps.current = cap
  })

  const show = useCallback(() => {
    if (!guard.call(() => attune.nudgeStatus(id, caps.current).allowed, false)) return false
    setOpen(true)
    return true
  }, [attune, id, guard])

  useEffect(() => {
    const inSegment = () => segment === undefined || attune.activeSegments().includes(segment)
    const start = guard.call(() => ({ entered: inSegment(), fired: eventCount(attune.getProfile(), trigger) }), null)
    if (!start) return
    let { entered, fired } = start
    const check = () => {
      const nowIn = inSegment()
      const count = eventCount(attune.getProfile(), trigger)
      const opened = trigger === undefined ? nowIn && !entered && segment !== undefined : count > fired && nowIn
      entered = nowIn
      fired = count
      if (opened) show()
    }
    // A segment already entered at mount opens the nudge too.
    if (trigger === undefined && segment !== undefined && entered) show()
    return attune.watchDecisions(() => guard.call(check, undefined))
  }, [attune, segment, trigger, show, guard])

  // Shown means rendered open: count it once per opening.
  useEffect(() => {
    if (open) guard.call(() => attune.nudgeShown(id), undefined)
  }, [attune, id, open, guard])

  const dismiss = useCallback(() => {
    setOpen(false)
    guard.call(() => attune.dismiss(id), undefined)
  }, [attune, id, guard])
  const feedback = useCallback(
    (value: 'helpful' | 'not-helpful') => {
      setOpen(false)
      guard.call(() => attune.feedback(id, value), undefined)
    },
    [attune, id, guard],
  )
  const close = useCallback(() => setOpen(false), [])
  return { open, show, dismiss, feedback, close }
}
