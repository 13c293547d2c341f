import { useEffect } from 'react'
import { devWarn } from '../core/dev'
import { createDwellClock } from '../dom/dwell-clock'
import { observeIntersection } from '../dom/intersection'
import { subscribeScroll } from '../dom/sources'
import { useAttune } from '../providers/AttuneContext'
import { resolveTarget, type Target } from './target'

export interface DwellTimeOptions {
  /** The section's id in the profile (`sections[id]`). */
  id: string
  /**
   * Share of the section, or of the viewport for sections taller than it,
   * that must be visible for time to count, 0–1. Default 0.5.
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
export function useDwellTime(target: Target, { id, threshold = 0.5 }: DwellTimeOptions): void {
  const attune = useAttune('useDwellTime')
  useEffect(() => {
    const element = resolveTarget(target, 'useDwellTime', id)
    if (!element) return
    if (typeof IntersectionObserver !== 'function') {
      if (__DEV__) devWarn(`useDwellTime('${id}'): this browser has no IntersectionObserver; visible time is not tracked.`)
      return
    }
    const min = Math.min(1, Math.max(0, threshold))
    if (__DEV__ && min !== threshold) devWarn(`useDwellTime('${id}'): threshold must be from 0 to 1, got ${threshold}; using ${min}.`)

    let visible = false
    let ratio = 0
    let stopMeasuring: (() => void) | null = null
    const clock = createDwellClock((ms) => attune.record({ type: 'dwell', id, ms, ratio }))
    const update = (nextRatio: number, visibleHeight: number) => {
      ratio = nextRatio
      const coverage = visibleHeight / window.innerHeight
      const inView = nextRatio > 0 && (nextRatio >= min || coverage >= min)
      if (inView && !visible) attune.record({ type: 'view', id, ratio })
      visible = inView
      clock.setActive(inView)
    }
    const measure = () => {
      const rect = element.getBoundingClientRect()
      const height = Math.max(0, Math.min(rect.bottom, window.innerHeight) - Math.max(rect.top, 0))
      update(rect.height > 0 ? height / rect.height : 0, height)
    }
    const stopObserving = observeIntersection(element, [...STEPS, min], (entry) => {
      update(entry.isIntersecting ? entry.intersectionRatio : 0, entry.isIntersecting ? entry.intersectionRect.height : 0)
      // The observer reports changes of the section's own visible ratio; for
      // a section taller than the viewport, how much of the viewport it fills
      // changes in between, so it is measured on scroll while it is in sight.
      if (entry.isIntersecting && entry.boundingClientRect.height > window.innerHeight) stopMeasuring ??= subscribeScroll(measure)
      else {
        stopMeasuring?.()
        stopMeasuring = null
      }
    })
    return () => {
      stopObserving()
      stopMeasuring?.()
      clock.dispose()
    }
  }, [attune, target, id, threshold])
}
