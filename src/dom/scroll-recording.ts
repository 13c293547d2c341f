import type { Attune } from '../core'
import { readScroll, subscribeScroll } from './sources'
import { refCounted } from './shared'

/**
 * Scroll samples recorded into an instance, once however many hooks ask for
 * them: `useScrollDepth` and `useScrollVelocity` share it.
 */
export const retainScrollRecording = refCounted<Attune>((attune) => {
  attune.record({ type: 'scroll', ...readScroll() })
  return subscribeScroll((sample) => attune.record({ type: 'scroll', ...sample }))
})
