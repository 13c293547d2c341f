import { useEffect } from 'react'
import type { Attune } from '../core'
import { subscribePageLeaveTop, subscribeScroll } from '../dom/sources'
import { useAttune } from '../providers/AttuneContext'

/** The custom event recorded on exit intent: use it in rules as `{ "event": "exit_intent" }`. */
export const EXIT_INTENT_EVENT = 'exit_intent'

/** One exit intent at most this often: a mouse hovering at the top edge would fire it over and over. */
const EXIT_INTENT_COOLDOWN_MS = 5000
/** On touch screens, scrolling up this fast (px/s) reads as reaching for the address bar. */
const EXIT_SCROLL_SPEED = 1500
/** Samples further apart than this are separate gestures, not one fast scroll. */
const MAX_SAMPLE_GAP_MS = 100
/** When each instance last recorded exit intent: the cooldown holds across every caller. */
const lastExits = new WeakMap<Attune, number>()

/**
 * Records exit intent as the custom event `exit_intent`: on desktop, the
 * mouse leaving the page toward the top of the viewport; on touch screens, a
 * fast upward scroll. Never re-renders the component that calls it.
 */
export function useExitIntent(): void {
  const attune = useAttune('useExitIntent')
  useEffect(() => {
    const fire = () => {
      const now = performance.now()
      if (now - (lastExits.get(attune) ?? -Infinity) < EXIT_INTENT_COOLDOWN_MS) return
      lastExits.set(attune, now)
      attune.track(EXIT_INTENT_EVENT)
    }
    const stopMouse = subscribePageLeaveTop(fire)
    if (typeof matchMedia !== 'function' || !matchMedia('(pointer: coarse)').matches) return stopMouse

    let previous: { y: number; at: number } | null = null
    const stopScroll = subscribeScroll(({ y }) => {
      const at = performance.now()
      if (previous && at - previous.at <= MAX_SAMPLE_GAP_MS && ((previous.y - y) / (at - previous.at)) * 1000 >= EXIT_SCROLL_SPEED) fire()
      previous = { y, at }
    })
    return () => {
      stopMouse()
      stopScroll()
    }
  }, [attune])
}
