import { refCounted } from './shared'

type Callback = (entry: IntersectionObserverEntry) => void

const callbacks = new Map<string, Map<Element, Set<Callback>>>()
const observers = new Map<string, IntersectionObserver>()

/** One observer per set of thresholds, created for its first target and disconnected after its last. */
const retainObserver = refCounted<string>((key) => {
  const targets = new Map<Element, Set<Callback>>()
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) targets.get(entry.target)?.forEach((callback) => callback(entry))
    },
    { threshold: key.split(',').map(Number) },
  )
  callbacks.set(key, targets)
  observers.set(key, observer)
  return () => {
    observer.disconnect()
    callbacks.delete(key)
    observers.delete(key)
  }
})

/** Calls `callback` with every intersection change of `element`; returns the function that stops it. */
export function observeIntersection(element: Element, thresholds: readonly number[], callback: Callback): () => void {
  // Checked when called: no observer here (an old browser, a test environment without one), nothing to see.
  if (typeof IntersectionObserver !== 'function') return () => {}
  const key = [...new Set(thresholds)].sort((a, b) => a - b).join(',')
  const release = retainObserver(key)
  const targets = callbacks.get(key)!
  const observer = observers.get(key)!
  let set = targets.get(element)
  if (!set) {
    targets.set(element, (set = new Set()))
    observer.observe(element)
  }
  set.add(callback)
  return () => {
    set.delete(callback)
    if (set.size === 0) {
      targets.delete(element)
      observer.unobserve(element)
    }
    release()
  }
}
