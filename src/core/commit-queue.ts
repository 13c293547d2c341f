/**
 * Store updates, one at a time. An update asked for while the store's
 * listeners hear of another (a listener that writes, say) waits until every
 * listener has heard of the first, then runs. So every listener hears of
 * every change, in the order they were made, each with the profile before
 * and after it; nothing recurses, and no listener is told of an older
 * profile after a newer one.
 */
export type CommitQueue = (update: () => void) => void

export function createCommitQueue(): CommitQueue {
  const queue: (() => void)[] = []
  let running = false
  return (update) => {
    queue.push(update)
    if (running) return
    running = true
    let failure: { error: unknown } | null = null
    // A listener that throws stops its own update's notifications (as the
    // store does), not the updates queued behind it; nothing escapes the
    // loop, so `running` is always reset.
    while (queue.length) {
      try {
        queue.shift()!()
      } catch (error) {
        failure ??= { error }
      }
    }
    running = false
    if (failure) throw failure.error
  }
}
