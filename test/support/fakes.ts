/** A clock the test moves by hand. Starts at 2026-01-15 12:00 UTC. */
export function fakeClock(start = Date.UTC(2026, 0, 15, 12)) {
  let time = start
  const now = () => time
  now.advance = (ms: number) => {
    time += ms
    return time
  }
  now.set = (value: number) => {
    time = value
  }
  return now
}

/** A Web Storage stand-in that records every call. */
export function spyStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial))
  const calls: string[] = []
  return {
    calls,
    map,
    getItem(key: string) {
      calls.push(`get ${key}`)
      return map.get(key) ?? null
    },
    setItem(key: string, value: string) {
      calls.push(`set ${key}`)
      map.set(key, value)
    },
    removeItem(key: string) {
      calls.push(`remove ${key}`)
      map.delete(key)
    },
    key(index: number) {
      return [...map.keys()][index] ?? null
    },
    get length() {
      return map.size
    },
  }
}

/** What Attune wrote under `key`, parsed. */
export function readStored(storage: { map: Map<string, string> }, key = 'attune:profile') {
  const raw = storage.map.get(key)
  if (raw === undefined) throw new Error(`nothing stored under ${key}`)
  return JSON.parse(raw) as { version: number; state: { profile: import('../../src/core').Profile } }
}

/**
 * Waits for the end of the current task: the state writes it made
 * (`writeState`, the engine's records) are committed then, once for all.
 */
export const endOfTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
