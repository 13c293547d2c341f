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

/**
 * Ratios at which the shared observer reports besides the section's own
 * threshold: coming into sight, and being seen whole (the most a section
 * shorter than the viewport can show, for `maxRatio`). Every other ratio is
 * measured when it is reported. Eleven steps (0, 0.1, … 1) made scrolling
 * past 100 sections cost about 20 observer callbacks a section, the largest
 * self time of a scroll; these make it 6.
 */
const STEPS = [0, 1]

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
    /** The section's visible share and height now, from its box (what the observer reports, between its thresholds). */
    const visibleNow = (): [ratio: number, height: number] | null => {
      const rect = element.getBoundingClientRect()
      if (!(rect.height > 0)) return null
      const height = Math.max(0, Math.min(rect.bottom, window.innerHeight) - Math.max(rect.top, 0))
      return [height / rect.height, height]
    }
    const clock = createDwellClock((ms) => {
      // Still in view: the share seen now, for the profile's maxRatio.
      if (visible) ratio = visibleNow()?.[0] ?? ratio
      attune.record({ type: 'dwell', id, ms, ratio })
    })
    const update = (nextRatio: number, visibleHeight: number) => {
      ratio = nextRatio
      const coverage = visibleHeight / window.innerHeight
      const inView = nextRatio > 0 && (nextRatio >= min || coverage >= min)
      if (inView && !visible) attune.record({ type: 'view', id, ratio })
      visible = inView
      clock.setActive(inView)
    }
    const measure = () => {
      const now = visibleNow()
      update(now?.[0] ?? 0, now?.[1] ?? 0)
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
