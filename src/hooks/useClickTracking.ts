import { useEffect } from 'react'
import { useAttune } from '../providers/AttuneContext'
import { resolveTarget, type Target } from './target'

export interface ClickTrackingOptions {
  /** The element's id in the profile (`clicks[id]`). */
  id: string
}

/**
 * Records clicks on an element (`clicks[id]`: count and last time), keyboard
 * activation of buttons and links included. Never re-renders the component
 * that calls it.
 */
export function useClickTracking(target: Target, { id }: ClickTrackingOptions): void {
  const attune = useAttune('useClickTracking')
  useEffect(() => {
    const element = resolveTarget(target, 'useClickTracking', id)
    if (!element) return
    const onClick = () => attune.record({ type: 'click', id })
    element.addEventListener('click', onClick)
    return () => element.removeEventListener('click', onClick)
  }, [attune, target, id])
}
