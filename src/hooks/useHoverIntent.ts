import { useEffect } from 'react'
import type { Duration } from '../core/duration'
import { useAttune } from '../providers/AttuneContext'
import { useDuration } from './useDuration'
import { resolveTarget, type Target } from './target'

export interface HoverIntentOptions {
  /** The element's id in the profile (`hover[id]`). */
  id: string
  /** How long the pointer must stay for the hover to count (`500`, `"1s"`). Default 500 ms. */
  delay?: Duration
}

/**
 * Half a second: long enough that a pointer crossing an element on its way
 * elsewhere does not count, short enough to catch a visitor who stops to look.
 */
const HOVER_INTENT_MS = 500

/**
 * Records hovers that last past a threshold (`hover[id]`: count and time),
 * ignoring a pointer that only passes over, and touch (which has no hover).
 * Never re-renders the component that calls it.
 */
export function useHoverIntent(target: Target, { id, delay }: HoverIntentOptions): void {
  const attune = useAttune('useHoverIntent')
  const delayMs = useDuration(delay, HOVER_INTENT_MS, __DEV__ ? `useHoverIntent({ id: ${JSON.stringify(id)}, delay })` : '')
  useEffect(() => {
    const element = resolveTarget(target, 'useHoverIntent', id)
    if (!element) return
    let enteredAt: number | null = null
    const enter = (event: Event) => {
      if ((event as PointerEvent).pointerType !== 'touch') enteredAt = performance.now()
    }
    const leave = () => {
      if (enteredAt === null) return
      const ms = performance.now() - enteredAt
      enteredAt = null
      if (ms >= delayMs) attune.record({ type: 'hover', id, ms })
    }
    element.addEventListener('pointerenter', enter)
    element.addEventListener('pointerleave', leave)
    return () => {
      leave()
      element.removeEventListener('pointerenter', enter)
      element.removeEventListener('pointerleave', leave)
    }
  }, [attune, target, id, delayMs])
}
