import { useCallback, useEffect, useRef, useState } from 'react'
import type { NudgeCaps } from '../engine/fatigue'
import type { Profile } from '../core'
import { useDecisions } from '../providers/AttuneContext'

export interface NudgeOptions {
  /** The segment the visitor must be in. Without `trigger`, entering it opens the nudge. */
  when?: string
  /** A custom event (such as `exit_intent`) that opens the nudge when it is tracked. */
  trigger?: string
  /** Caps for this nudge, over the configured ones. */
  cap?: NudgeCaps
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
export function useNudge(id: string, { when, trigger, cap }: NudgeOptions = {}): Nudge {
  const attune = useDecisions('useNudge')
  const [open, setOpen] = useState(false)
  // Caps change as objects each render; their content is what matters.
  const caps = useRef(cap)
  useEffect(() => {
    caps.current = cap
  })

  const show = useCallback(() => {
    if (!attune.nudgeStatus(id, caps.current).allowed) return false
    setOpen(true)
    return true
  }, [attune, id])

  useEffect(() => {
    const inSegment = () => when === undefined || attune.activeSegments().includes(when)
    let entered = inSegment()
    let fired = eventCount(attune.getProfile(), trigger)
    const check = () => {
      const nowIn = inSegment()
      const count = eventCount(attune.getProfile(), trigger)
      const opened = trigger === undefined ? nowIn && !entered && when !== undefined : count > fired && nowIn
      entered = nowIn
      fired = count
      if (opened) show()
    }
    // A segment already entered at mount opens the nudge too.
    if (trigger === undefined && when !== undefined && entered) show()
    return attune.watchDecisions(check)
  }, [attune, when, trigger, show])

  // Shown means rendered open: count it once per opening.
  useEffect(() => {
    if (open) attune.nudgeShown(id)
  }, [attune, id, open])

  const dismiss = useCallback(() => {
    setOpen(false)
    attune.dismiss(id)
  }, [attune, id])
  const feedback = useCallback(
    (value: 'helpful' | 'not-helpful') => {
      setOpen(false)
      attune.feedback(id, value)
    },
    [attune, id],
  )
  const close = useCallback(() => setOpen(false), [])
  return { open, show, dismiss, feedback, close }
}
