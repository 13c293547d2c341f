/**
 * Counts the DOM listeners currently installed on window and document, by
 * patching EventTarget, so a test can check that nothing is left behind.
 */
export function trackListeners() {
  const live = new Map<string, number>()
  const passive = new Map<string, boolean>()
  const original = { add: EventTarget.prototype.addEventListener, remove: EventTarget.prototype.removeEventListener }
  // jsdom's window does not take these from EventTarget.prototype: patch it too.
  const windowOriginal = { add: window.addEventListener, remove: window.removeEventListener }
  const keyOf = (target: EventTarget, type: string) =>
    `${target === window ? 'window' : target === document ? 'document' : target instanceof Element ? target.tagName.toLowerCase() : 'other'}:${type}`
  const seen = new WeakMap<EventTarget, Set<unknown>>()
  const id = (type: string, listener: unknown, options: unknown) =>
    `${type}|${typeof options === 'boolean' ? options : Boolean((options as AddEventListenerOptions | undefined)?.capture)}|${String(listenerId(listener))}`
  const ids = new WeakMap<object, number>()
  let next = 0
  const listenerId = (listener: unknown) => {
    if (typeof listener !== 'object' && typeof listener !== 'function') return 'none'
    if (!ids.has(listener!)) ids.set(listener!, next++)
    return ids.get(listener!)
  }
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    const set = seen.get(this) ?? new Set()
    seen.set(this, set)
    const key = id(type, listener, options)
    if (!set.has(key)) {
      set.add(key)
      live.set(keyOf(this, type), (live.get(keyOf(this, type)) ?? 0) + 1)
      passive.set(keyOf(this, type), typeof options === 'object' && options.passive === true)
    }
    return (this === window ? windowOriginal : original).add.call(this, type, listener, options)
  }
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const key = id(type, listener, options)
    if (seen.get(this)?.delete(key)) live.set(keyOf(this, type), (live.get(keyOf(this, type)) ?? 0) - 1)
    return (this === window ? windowOriginal : original).remove.call(this, type, listener, options)
  }
  window.addEventListener = EventTarget.prototype.addEventListener
  window.removeEventListener = EventTarget.prototype.removeEventListener
  return {
    /** Whether the last listener added for `target:type` was passive. */
    isPassive: (key: string) => passive.get(key),
    /** Listeners installed now, by `target:type`, leaving out the zeros. */
    snapshot: () => Object.fromEntries([...live].filter(([, n]) => n !== 0)),
    restore: () => {
      EventTarget.prototype.addEventListener = original.add
      EventTarget.prototype.removeEventListener = original.remove
      window.addEventListener = windowOriginal.add
      window.removeEventListener = windowOriginal.remove
    },
  }
}
