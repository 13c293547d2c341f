/**
 * Lazy, shared DOM subscriptions: a listener is installed for the first
 * subscriber and removed after the last, however many hooks use it.
 */

/** The page's window, or undefined where there is none (the server, a torn-down test environment). */
export const pageWindow = (): Window | undefined => (typeof window !== 'undefined' ? window : undefined)

/** The page's document, or undefined where there is none. */
export const pageDocument = (): Document | undefined => (typeof document !== 'undefined' ? document : undefined)

/**
 * Adds a DOM listener to `target` if it can take one, and returns what
 * removes it. Checked when it runs, both ways: a hook's effect or cleanup may
 * run where the page's globals are gone, and must not throw there.
 */
export function listenTo(
  target: EventTarget | undefined,
  type: string,
  listener: EventListener,
  options?: boolean | AddEventListenerOptions,
): () => void {
  if (typeof target?.addEventListener !== 'function') return () => {}
  target.addEventListener(type, listener, options)
  return () => {
    if (typeof target.removeEventListener === 'function') target.removeEventListener(type, listener, options)
  }
}

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
