/**
 * Lazy, shared DOM subscriptions: a listener is installed for the first
 * subscriber and removed after the last, however many hooks use it.
 */

/**
 * Reference counting per key: `start(key)` runs for the first holder of a key
 * and the cleanup it returns after the last holder releases it. Releasing
 * twice is harmless.
 */
export function refCounted<K>(start: (key: K) => () => void): (key: K) => () => void {
  const held = new Map<K, { count: number; stop: () => void }>()
  return (key) => {
    let entry = held.get(key)
    if (!entry) held.set(key, (entry = { count: 0, stop: start(key) }))
    entry.count++
    const holder = entry
    let released = false
    return () => {
      if (released) return
      released = true
      if (--holder.count === 0) {
        held.delete(key)
        holder.stop()
      }
    }
  }
}

/**
 * A broadcast source over one DOM listener: `install(emit)` runs when the
 * first listener subscribes; its cleanup runs when the last unsubscribes.
 */
export function sharedSource<T = void>(install: (emit: (value: T) => void) => () => void): (listener: (value: T) => void) => () => void {
  const listeners = new Set<(value: T) => void>()
  const retain = refCounted<null>(() => install((value) => listeners.forEach((listener) => listener(value))))
  return (listener) => {
    listeners.add(listener)
    const release = retain(null)
    return () => {
      listeners.delete(listener)
      release()
    }
  }
}
