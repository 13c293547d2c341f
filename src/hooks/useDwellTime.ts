import { useEffect, type RefObject } from 'react'
import { createDwellClock } from '../dom/dwell-clock'
import { observeIntersection } from '../dom/intersection'
import { useAttune } from '../providers/AttuneContext'

export interface DwellTimeOptions {
  /** The section's id in the profile (`sections[id]`). */
  id: string
  /**
   * Share of the section, or of the viewport for sections taller than it,
   * that must be visible for time to count. Default 0.5.
   */
  threshold?: number
}

/** Ratios at which the shared observer reports, so the visible share stays current. */
const STEPS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]

/**
 * Records the time a section is visible (`sections[id].dwellMs`) and the
 * times it comes into view. Time counts only while the tab is in front.
 * Never re-renders the component that calls it.
 */
export function useDwellTime(ref: RefObject<Element | null>, { id, threshold = 0.5 }: DwellTimeOptions): void {
  const attune = useAttune('useDwellTime')
  useEffect(() => {
    const element = ref.current
    if (!element) return
    let visible = false
    let ratio = 0
    const clock = createDwellClock((ms) => attune.record({ type: 'dwell', id, ms, ratio }))
    const stop = observeIntersection(element, [...STEPS, threshold], (entry) => {
      ratio = entry.intersectionRatio
      const viewport = entry.rootBounds?.height || window.innerHeight
      // A section taller than the viewport can never be half visible: then
      // filling half the viewport counts as well.
      const coverage = viewport > 0 ? entry.intersectionRect.height / viewport : 0
      const inView = entry.isIntersecting && (ratio >= threshold || coverage >= threshold)
      if (inView && !visible) attune.record({ type: 'view', id, ratio })
      visible = inView
      clock.setActive(inView)
    })
    return () => {
      stop()
      clock.dispose()
    }
  }, [attune, ref, id, threshold])
}
