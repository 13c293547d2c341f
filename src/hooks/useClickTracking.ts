import { useEffect, type RefObject } from 'react'
import { useAttune } from '../providers/AttuneContext'

export interface ClickTrackingOptions {
  /** The element's id in the profile (`clicks[id]`). */
  id: string
}

/**
 * Records clicks on an element (`clicks[id]`: count and last time), keyboard
 * activation of buttons and links included. Never re-renders the component
 * that calls it.
 */
export function useClickTracking(ref: RefObject<Element | null>, { id }: ClickTrackingOptions): void {
  const attune = useAttune('useClickTracking')
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const onClick = () => attune.record({ type: 'click', id })
    element.addEventListener('click', onClick)
    return () => element.removeEventListener('click', onClick)
  }, [attune, ref, id])
}
