/**
 * Bounded collections: keyed records that evict their least recently used
 * entry, and rings of recent timestamps for windowed counts.
 */

/**
 * The entry under `key`, if the record has one of its own. Ids come from the
 * page: `constructor` or `toString` must not find what the prototype holds.
 */
export function entryOf<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/**
 * Deletes the least recently used entries (smallest `last`) of `record` until
 * at most `limit` remain. Mutates `record`, which must be the caller's own copy.
 */
export function evictLeastRecent(record: Record<string, { last: number }>, limit: number): void {
  const keys = Object.keys(record)
  let excess = keys.length - limit
  if (excess <= 0) return
  if (excess === 1) {
    // The common case (one new key into a full collection): one linear pass.
    let oldest = keys[0]!
    for (const key of keys) if (record[key]!.last < record[oldest]!.last) oldest = key
    delete record[oldest]
    return
  }
  keys.sort((a, b) => record[a]!.last - record[b]!.last)
  for (const key of keys) {
    if (excess-- <= 0) break
    delete record[key]
  }
}

/** A new ring with `time` appended, keeping the newest `limit` timestamps (oldest first). */
export function pushRecent(recent: readonly number[], time: number, limit: number): number[] {
  const start = recent.length + 1 > limit ? recent.length + 1 - limit : 0
  const next = recent.slice(start)
  next.push(time)
  return next
}

/**
 * How many timestamps of the ring fall within the last `windowMs` before
 * `now` (inclusive). Allocation-free. Saturates at the ring's length.
 */
export function countSince(recent: readonly number[], windowMs: number, now: number): number {
  const from = now - windowMs
  let count = 0
  for (let i = recent.length - 1; i >= 0 && recent[i]! >= from; i--) if (recent[i]! <= now) count++
  return count
}
