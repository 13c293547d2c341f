/**
 * A preset's values as CSS: the start of an entrance is written on the
 * element before its first paint, so it never flashes at rest while the
 * animation code loads; the animation then starts from there.
 */
import type { PresetValues } from './presets'

type Single = number | string

const single = (value: unknown): Single | undefined => {
  const first: unknown = Array.isArray(value) ? value[0] : value
  return typeof first === 'number' || typeof first === 'string' ? first : undefined
}
const px = (value: Single) => (typeof value === 'number' ? `${value}px` : value)

/** The transform of a preset's x, y and scale; `none` when it has none of them. */
export function transformOf(values: PresetValues): string {
  const x = single(values.x)
  const y = single(values.y)
  const scale = single(values.scale)
  const parts: string[] = []
  if (x !== undefined) parts.push(`translateX(${px(x)})`)
  if (y !== undefined) parts.push(`translateY(${px(y)})`)
  if (scale !== undefined) parts.push(`scale(${scale})`)
  return parts.length ? parts.join(' ') : 'none'
}

/** The CSS properties an entrance moves between `from` and `to`: opacity, and transform only when either moves (under reduced motion, none does). */
export function entranceStyles(from: PresetValues, to: PresetValues): { opacity?: [string, string]; transform?: [string, string] } {
  const styles: { opacity?: [string, string]; transform?: [string, string] } = {}
  const start = single(from.opacity)
  if (start !== undefined) styles.opacity = [String(start), String(single(to.opacity) ?? 1)]
  const moves = [from.x, from.y, from.scale].some((value) => value !== undefined)
  if (moves) styles.transform = [transformOf(from), transformOf(to)]
  return styles
}
