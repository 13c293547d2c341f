import { useEffect } from 'react'
import { useAttune } from '../providers/AttuneContext'
import { retainScrollRecording } from '../dom/scroll-recording'

/**
 * Records how the visitor scrolls the current page: how far down they have
 * seen (`scroll.depth`, 0–1) and how fast they go (`scroll.velocity`, px/s,
 * smoothed over each scroll gesture). One passive scroll listener serves
 * every caller; never re-renders the component that calls it.
 */
export function useScrollDepth(): void {
  const attune = useAttune('useScrollDepth')
  useEffect(() => retainScrollRecording(attune), [attune])
}
