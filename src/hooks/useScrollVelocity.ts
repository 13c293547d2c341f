import { useEffect } from 'react'
import { useAttune } from '../providers/AttuneContext'
import { retainScrollRecording } from '../dom/scroll-recording'

/**
 * Records how fast the visitor scrolls (`scroll.velocity`, px/s, smoothed
 * over each scroll gesture). Shares its listener and samples with
 * `useScrollDepth`; never re-renders the component that calls it.
 */
export function useScrollVelocity(): void {
  const attune = useAttune('useScrollVelocity')
  useEffect(() => retainScrollRecording(attune), [attune])
}
