import type { RefObject } from 'react'
import { devWarn } from '../core/dev'

/**
 * What a hook tracks: a ref to an element that is always rendered, or the
 * element itself, for one that mounts later (keep it in state with a callback
 * ref: `const [el, setEl] = useState(null)` and `ref={setEl}`).
 */
export type Target = RefObject<Element | null> | Element | null

/** The element behind a target, when the effect runs. */
export function resolveTarget(target: Target, hook: string, id: string): Element | null {
  if (target === null || !('current' in target)) return target
  if (__DEV__ && !target.current) {
    devWarn(`${hook}('${id}'): the ref is not attached to an element, so nothing is tracked. If the element mounts later, pass the element itself (from a callback ref kept in state) instead of the ref.`)
  }
  return target.current
}
