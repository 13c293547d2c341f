/**
 * The components' animations (a toast's or a hint's entrance, the
 * carousel's slide and reorder), through framer-motion's WAAPI-only
 * `animate` (framer-motion/dom/mini, a few KB, as the button's play.ts).
 * Loaded on the first animation (loadAnimations): a page that mounts the
 * components but animates nothing fetches none of it.
 */
import { spring, type Transition } from 'framer-motion'
import { animate } from 'framer-motion/dom/mini'
import type { PresetProps } from './presets'
import { entranceStyles } from './style'

/** A running animation: stop it (it stays where it is), or wait for its end. */
export interface Running {
  stop: () => void
  finished: Promise<unknown>
}

type Animated = HTMLElement | SVGElement

/**
 * A preset's transition as mini `animate` takes it: a spring is framer-motion's
 * `spring` generator (played by WAAPI as a `linear()` easing, with the
 * spring's own duration), not the string `'spring'`; `type: 'tween'` is the default.
 */
function timing(transition: Transition | undefined) {
  const { type, ...rest } = (transition ?? {}) as Transition & { type?: unknown }
  return type === 'spring' ? { ...rest, type: spring } : rest
}

/** Puts back the inline styles an animation left (its last frame), so the element is as it renders. */
const release = (element: Animated, properties: readonly string[]) => {
  for (const property of properties) element.style.removeProperty(property)
}

/**
 * Plays a preset's entrance, from its `initial` values (already on the
 * element: see useEntrance) to its `animate` values; the inline styles go
 * when it ends.
 */
export function enter(element: Animated, preset: PresetProps): Running | null {
  const styles = entranceStyles(preset.initial || {}, preset.animate ?? {})
  const properties = Object.keys(styles)
  if (!properties.length) return null
  const running = animate(element, styles, timing(preset.transition))
  void running.finished.then(() => release(element, properties))
  return running
}

/**
 * Moves an element's transform from `from` to `to` (the carousel's track
 * to another slide, a reordered slide back from where it was); with
 * `release`, the inline transform goes when it ends.
 */
export function move(element: Animated, from: string, to: string, transition: Transition | undefined, done?: 'release'): Running {
  const running = animate(element, { transform: [from, to] }, timing(transition))
  if (done === 'release') void running.finished.then(() => release(element, ['transform']))
  return running
}
