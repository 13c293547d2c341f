import { useEffect } from 'react'
import { useAttune } from '../providers/AttuneContext'
import { retainScrollRecording } from '../dom/scroll-recording'

/**
 * Records how far down the current page the visitor has seen
 * (`scroll.depth`, 0–1). One passive scroll listener serves every caller;
 * never re-renders the component that calls it.
 */
export function useScrollDepth(): void {
  const attune = useAttune('useScrollDepth')
  useEffect(() => retainScrollRecording(attune), [attune])
}
