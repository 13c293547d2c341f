import type { Attune } from '../core'
import { readScroll, subscribeScroll } from './sources'
import { refCounted } from './shared'

/**
 * Scroll samples recorded into an instance, once however many hooks ask for
 * them: every `useScrollDepth` shares it (depth and velocity alike).
 */
export const retainScrollRecording = refCounted<Attune>((attune) => {
  const sample = () => {
    const scroll = readScroll()
    if (scroll) attune.record({ type: 'scroll', ...scroll })
  }
  sample()
  const stopScroll = subscribeScroll((scroll) => attune.record({ type: 'scroll', ...scroll }))
  // A new page starts its depth at 0: measure it at once, since a page that
  // fits the viewport never scrolls, and hooks may run in any order.
  // Deferred: recording from inside a subscriber would commit while other
  // subscribers are still being told about the previous commit.
  // Pages change with page views, not with samples.
  const stopPages = attune.subscribe((profile, previous) => {
    if (profile.page !== previous.page) queueMicrotask(sample)
  }, () => false)
  return () => {
    stopScroll()
    stopPages()
  }
})
