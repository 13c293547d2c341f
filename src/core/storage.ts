/**
 * Where the profile is kept: the Web Storage interface, an in-memory stand-in,
 * and a wrapper that falls back to memory when the real storage fails.
 */

/** The part of the Web Storage API Attune uses; `localStorage` satisfies it. */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  /** Optional enumeration, used by `forget()` to find every key Attune wrote. */
  key?(index: number): string | null
  readonly length?: number
}

/** `'local'` (the default), `'session'`, `'memory'`, or your own storage. */
export type StorageOption = 'local' | 'session' | 'memory' | StorageLike

/** A storage that lives as long as the page; nothing survives a reload. */
export function memoryStorage(): StorageLike {
  const map = new Map<string, string>()
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size
    },
  }
}

/**
 * The storage an option names. Browsers can refuse access to Web Storage
 * altogether (cookies blocked: a SecurityError on access), and servers must
 * not share one between visitors: both get memory.
 */
export function resolveStorage(option: StorageOption | undefined): StorageLike {
  if (typeof option === 'object') return option
  // No window: a server, where a global storage would be shared by every request.
  if (option === 'memory' || typeof window === 'undefined') return memoryStorage()
  try {
    const storage = option === 'session' ? globalThis.sessionStorage : globalThis.localStorage
    if (storage) return storage
  } catch {
    // Access denied: fall through to memory.
  }
  return memoryStorage()
}

/**
 * Wraps a storage so that no call ever throws: the first failure (private
 * mode, quota exceeded, storage disabled mid-session) switches to memory
 * for the rest of the page's life and reports once through `onFallback`.
 */
export function failSafeStorage(backend: StorageLike, onFallback: (error: unknown) => void): StorageLike {
  let current = backend
  let failed = false
  const run = <T>(operation: (storage: StorageLike) => T, fallback: T): T => {
    try {
      return operation(current)
    } catch (error) {
      if (failed) return fallback
      failed = true
      current = memoryStorage()
      onFallback(error)
      // Retry once in memory, so the write that failed is not lost.
      return operation(current)
    }
  }
  return {
    getItem: (key) => run((s) => s.getItem(key), null),
    setItem: (key, value) => run((s) => s.setItem(key, value), undefined),
    removeItem: (key) => run((s) => s.removeItem(key), undefined),
    key: (index) => run((s) => (s.key ? s.key(index) : null), null),
    get length() {
      return run((s) => s.length ?? 0, 0)
    },
  }
}

/** Every key of `storage` that starts with `prefix` (empty when it cannot enumerate). */
export function keysWithPrefix(storage: StorageLike, prefix: string): string[] {
  const keys: string[] = []
  const length = storage.length ?? 0
  for (let i = 0; i < length; i++) {
    const key = storage.key?.(i)
    if (key != null && key.startsWith(prefix)) keys.push(key)
  }
  return keys
}
