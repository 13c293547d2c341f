import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type PointerEvent } from 'react'

/**
 * The hover intent threshold (as `useHoverIntent`): a pointer that rests
 * this long is hesitating, not passing by, and may want the hint.
 */
export const HINT_DELAY_MS = 500

/**
 * How long the hint waits after the pointer leaves the target (or the hint)
 * before it hides: time to cross the gap between them, so the pointer can
 * move onto the hint (WCAG 1.4.13, hoverable).
 */
export const HINT_LEAVE_GRACE_MS = 200

/** Hidden; shown after hover hesitation; shown at once on keyboard focus (as Radix Tooltip names them). */
export type HintState = 'closed' | 'delayed-open' | 'instant-open'

export interface HintOptions {
  /** How long the pointer rests on the target before the hint shows, in ms (parsed by the component). Default `HINT_DELAY_MS`. */
  delay?: number
  /** Whether the hint may show now (its caps); default always. */
  canShow?: () => boolean
  /** Called once each time the hint is shown (rendered open). */
  onShown?: () => void
  /** Called when the visitor closes the hint with Escape. */
  onDismiss?: () => void
}

export interface HintTargetProps {
  onPointerEnter: (event: PointerEvent<HTMLElement>) => void
  onPointerLeave: (event: PointerEvent<HTMLElement>) => void
  onPointerDown: (event: PointerEvent<HTMLElement>) => void
  onFocus: (event: FocusEvent<HTMLElement>) => void
  onBlur: (event: FocusEvent<HTMLElement>) => void
  /** The hint's id while it is shown: the target's description. */
  'aria-describedby': string | undefined
}

export interface HintElementProps {
  id: string
  role: 'tooltip'
  onPointerEnter: (event: PointerEvent<HTMLElement>) => void
  onPointerLeave: (event: PointerEvent<HTMLElement>) => void
}

export interface Hint {
  /** Whether the hint is shown, and how it opened. */
  state: HintState
  /** For the target: pointer and focus handlers, and `aria-describedby` while the hint is shown. */
  targetProps: HintTargetProps
  /** For the hint element: its id, `role="tooltip"`, and the handlers that keep it open under the pointer. */
  hintProps: HintElementProps
}

type Timer = ReturnType<typeof setTimeout> | undefined

/**
 * The behavior of a hint, after the WAI-ARIA APG tooltip pattern and WCAG
 * 1.4.13 (content on hover or focus): it shows when the pointer rests on the
 * target (not when it passes over) and at once when the target gets keyboard
 * focus; it stays while the pointer is on the target or the hint, or focus is
 * on the target; Escape hides it without moving focus. Touch has no hover:
 * a tap neither starts the delay nor opens it through the focus it gives.
 *
 * One hook past the house's 80 lines, on purpose: what holds the hint open
 * (pointer on the target or the hint, focus, a press) is one state machine
 * that every handler reads and writes. Issue 13 changes when a hint may
 * open (never capped on focus, a way to open it by touch).
 */
export function useHint({ delay = HINT_DELAY_MS, canShow, onShown, onDismiss }: HintOptions = {}): Hint {
  const id = useId()
  const [state, setState] = useState<HintState>('closed')
  const latest = useRef({ canShow, onShown, onDismiss })
  useEffect(() => {
    latest.current = { canShow, onShown, onDismiss }
  })
  // What holds the hint open, read by event handlers (not by rendering).
  const open = useRef(false)
  const pointerInside = useRef(false)
  const focused = useRef(false)
  // A pointer press gives focus too: that focus is not a keyboard user's.
  const pressing = useRef(false)
  // Ends the press (its listeners on the page); set while a press lasts.
  const release = useRef<(() => void) | null>(null)
  const showTimer = useRef<Timer>(undefined)
  const hideTimer = useRef<Timer>(undefined)

  const clearTimers = useCallback(() => {
    clearTimeout(showTimer.current)
    clearTimeout(hideTimer.current)
    showTimer.current = hideTimer.current = undefined
  }, [])
  const show = useCallback((how: Exclude<HintState, 'closed'>) => {
    if (open.current || !(latest.current.canShow?.() ?? true)) return
    open.current = true
    setState(how)
  }, [])
  const hide = useCallback(() => {
    clearTimers()
    if (!open.current) return
    open.current = false
    setState('closed')
  }, [clearTimers])

  const enter = useCallback((event: PointerEvent<HTMLElement>) => {
    if (event.pointerType === 'touch') return
    pointerInside.current = true
    clearTimeout(hideTimer.current)
  }, [])
  const leave = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      if (event.pointerType === 'touch') return
      pointerInside.current = false
      clearTimeout(showTimer.current)
      if (open.current && !focused.current) hideTimer.current = setTimeout(hide, HINT_LEAVE_GRACE_MS)
    },
    [hide],
  )

  const shown = state !== 'closed'
  // Shown means rendered open: counted once per opening, after the commit.
  useEffect(() => {
    if (shown) latest.current.onShown?.()
  }, [shown])

  // Escape anywhere closes it: the pointer may rest on the target while focus
  // is elsewhere, and focus stays where it is (WCAG 1.4.13, dismissible).
  useEffect(() => {
    if (!shown) return
    // Captured first, and consumed: the hint is the topmost layer, so one
    // Escape closes it and not also the dialog or toast it sits in (as in
    // Radix's layered dismissal). An Escape already handled is left alone.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      event.stopPropagation()
      hide()
      latest.current.onDismiss?.()
    }
    document.addEventListener('keydown', onKeyDown, true)
    return () => document.removeEventListener('keydown', onKeyDown, true)
  }, [shown, hide])

  useEffect(
    () => () => {
      clearTimers()
      release.current?.()
    },
    [clearTimers],
  )

  return {
    state,
    targetProps: {
      onPointerEnter(event) {
        enter(event)
        if (event.pointerType === 'touch' || open.current) return
        clearTimeout(showTimer.current)
        showTimer.current = setTimeout(() => show('delayed-open'), delay)
      },
      onPointerLeave: leave,
      onPointerDown() {
        // Pressing the target acts on it: the hint has done its job (as Radix Tooltip closes on pointer down).
        // One press at a time, and none outlives the hint (unmounted mid-press).
        release.current?.()
        pressing.current = true
        const end = () => {
          pressing.current = false
          document.removeEventListener('pointerup', end)
          document.removeEventListener('pointercancel', end)
          release.current = null
        }
        document.addEventListener('pointerup', end)
        document.addEventListener('pointercancel', end)
        release.current = end
        hide()
      },
      onFocus() {
        focused.current = true
        // Keyboard users have no hover: focus shows the hint at once.
        if (!pressing.current) show('instant-open')
      },
      onBlur(event) {
        // Focus moving within the target (a composite target) keeps it.
        if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return
        focused.current = false
        if (!pointerInside.current) hide()
      },
      'aria-describedby': shown ? id : undefined,
    },
    hintProps: { id, role: 'tooltip', onPointerEnter: enter, onPointerLeave: leave },
  }
}
