/**
 * Affinity: how much the visitor's recent behavior leans toward a category,
 * and the order of a list of items by it (SmartCarousel's personal order).
 *
 * Which profile entries count toward category `c`: those whose key is `c`
 * itself or starts with `c:`, in four collections:
 *
 * | collection       | weight                                          |
 * | ---------------- | ----------------------------------------------- |
 * | `sections[key]`  | visible dwell, one point per {@link DWELL_MS_PER_POINT} |
 * | `hover[key]`     | hover dwell, the same                           |
 * | `clicks[key]`    | {@link CLICK_POINTS} per click                  |
 * | `events[key]`    | the event's decayed score (each event adds 1)   |
 *
 * So `useDwellTime(ref, { id: 'shoes:hero' })`, a click recorded as
 * `shoes:running-42` and `track('shoes:add_to_cart')` all count toward
 * `shoes`. A key with more parts counts toward each prefix category given:
 * `shoes:running:42` counts toward both `shoes` and `shoes:running`.
 *
 * Each entry fades with time since it last changed (`last`), halving every
 * `halfLife` (pass the instance's, `attune.halfLifeMs`), so last week's
 * browsing weighs less than this morning's.
 */
import { parseDuration, type Duration } from '../core/duration'
import { isFiniteNumber, isObject } from '../core/guards'
import type { Profile } from '../core/profile'
import { decay } from '../core/smoothing'

/** Ten seconds of visible reading weigh as much as one click: reading is cheap, a click is a choice. */
export const DWELL_MS_PER_POINT = 10_000

/** What one click on a category's element is worth. */
export const CLICK_POINTS = 1

export interface AffinityOptions {
  /** The time to read the affinities at, epoch ms (the instance's `now()`). */
  now: number
  /**
   * Every entry's weight halves after this long since it last changed, such
   * as `"12h"` or `attune.halfLifeMs`. Default one day, as `createAttune`'s.
   * One that is not a duration above 0 weighs every entry without decay.
   */
  halfLife?: Duration
}

/** createAttune's default half-life. */
const ONE_DAY_MS = 86_400_000

/** What an item needs to be ordered by affinity. */
export interface Categorized {
  category: string
}

/** Whether a profile key counts toward `category`: it is the category, or `category:` followed by more. */
export function belongsTo(key: string, category: string): boolean {
  return category !== '' && (key === category || (key.length > category.length + 1 && key.startsWith(category) && key[category.length] === ':'))
}

/**
 * The collections that count: the field of an entry that weighs, and how
 * much of it makes one point (one weighing for all four, see the module's
 * table; CLICK_POINTS is 1, so a click's point is its count, exactly).
 */
const SOURCES: readonly (readonly ['sections' | 'hover' | 'clicks' | 'events', string, number])[] = [
  ['sections', 'dwellMs', DWELL_MS_PER_POINT],
  ['hover', 'dwellMs', DWELL_MS_PER_POINT],
  ['clicks', 'count', 1 / CLICK_POINTS],
  ['events', 'score', 1],
]

/**
 * The affinity of each category, as of `options.now`: the decayed points of
 * every entry that belongs to it (see the module's table). 0 for a category
 * nothing points to; never negative, never NaN, whatever the profile holds.
 */
export function categoryAffinities(profile: Profile, categories: Iterable<string>, options: AffinityOptions): Map<string, number> {
  const result = new Map<string, number>()
  for (const category of categories) result.set(category, 0)
  // A half-life that is not a positive duration would turn every weight into NaN or 0: no decay instead.
  const ms = options.halfLife === undefined ? ONE_DAY_MS : parseDuration(options.halfLife)
  const halfLifeMs = ms !== null && ms > 0 ? ms : Infinity
  for (const [name, field, perPoint] of SOURCES) {
    const collection: unknown = profile[name]
    if (!isObject(collection)) continue
    for (const [key, entry] of Object.entries(collection)) {
      if (!isObject(entry)) continue
      const amount = entry[field]
      if (!isFiniteNumber(amount) || !(amount > 0)) continue
      const points = amount / perPoint
      const last = isFiniteNumber(entry.last) ? entry.last : options.now
      const value = decay(points, options.now - last, halfLifeMs)
      if (!(value > 0) || !Number.isFinite(value)) continue
      for (const [category, sum] of result) if (belongsTo(key, category)) result.set(category, sum + value)
    }
  }
  return result
}

/** The affinity of one category; see {@link categoryAffinities}. */
export function categoryAffinity(profile: Profile, category: string, options: AffinityOptions): number {
  return categoryAffinities(profile, [category], options).get(category) ?? 0
}

/**
 * The items, highest affinity first. The order is stable: items of equal
 * affinity (those of one category, or of categories nothing points to) keep
 * the order given, so with no behavior at all the given order stays. Returns
 * a new array; the input is not changed.
 */
export function orderByAffinity<T extends Categorized>(items: readonly T[], profile: Profile, options: AffinityOptions): T[] {
  const affinity = categoryAffinities(
    profile,
    items.map((item) => item.category),
    options,
  )
  return items
    .map((item, index) => ({ item, index, weight: affinity.get(item.category) ?? 0 }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ item }) => item)
}
