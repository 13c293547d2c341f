/**
 * Durations. Every option that is a length of time (`hold`, `cooldown`,
 * `delay`, `interval`, …) takes a Duration: a number of milliseconds, or a
 * string such as `"500ms"`, `"30s"`, `"10m"`, `"2h"`, `"1d"`, `"1w"`.
 */

/** A length of time: milliseconds, or a string with its unit (`"30s"`). */
export type Duration = number | string

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/** The duration in ms, or null when `value` is not one (negative, not finite, unknown unit). */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null
  if (typeof value !== 'string') return null
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/.exec(value.trim())
  return match ? Number(match[1]) * UNITS[match[2]!]! : null
}

/** A duration in the largest unit that divides it: `600000` → `"10m"`. */
export function formatDuration(ms: number): string {
  const unit = Object.keys(UNITS).reverse().find((key) => ms % UNITS[key]! === 0 && ms >= UNITS[key]!) ?? 'ms'
  return `${ms / UNITS[unit]!}${unit}`
}
