/**
 * Bounded collections: keyed records that evict their least recently used
 * entry, and windowed counts over rings of recent timestamps (the rings are
 * joined by the schema's `ring` merge, entry-merge.ts).
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
