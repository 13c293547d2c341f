/**
 * Motion presets: what each named animation does, in full and under reduced
 * motion. They animate `transform` and `opacity` only (composited, no
 * layout work), and none loops forever.
 */
import type { TargetAndTransition, Transition } from 'framer-motion'

import type { MotionPresetName } from './names'

export { MOTION_PRESETS, type MotionPresetName } from './names'

/** The values a preset moves between: transform parts and opacity, nothing else. */
export type PresetValues = Pick<TargetAndTransition, 'opacity' | 'scale' | 'x' | 'y'>

/** Props for an `m` component. */
export interface PresetProps {
  initial?: PresetValues | false
  animate?: PresetValues
  exit?: PresetValues
  transition?: Transition
  /** Animate changes of position (FLIP), as `reorder` does. */
  layout?: boolean
}

/**
 * Repeating presets play this many cycles, then stop: attention, not
 * distraction (WCAG 2.2.2 asks that motion lasting over 5 s can be stopped;
 * ours stops by itself, before that).
 */
export const MAX_CYCLES = 3

/**
 * A pulse cycle lasts 1.2 s plus a pause: under one change a second, far from
 * the three flashes a second WCAG 2.3.1 forbids.
 */
const PULSE = { duration: 1.2, repeatDelay: 0.4 }
/** A shimmer sweeps once every 2.5 s (1.5 s across, 1 s rest). */
const SHIMMER = { duration: 1.5, repeatDelay: 1 }
/** Entrances are short: 200 ms is felt as immediate, not waited for. */
const ENTER_S = 0.2

const fade: PresetProps = { initial: { opacity: 0 }, animate: { opacity: 1 }, exit: { opacity: 0 }, transition: { duration: ENTER_S } }

const FULL: Record<MotionPresetName, PresetProps> = {
  pulse: { animate: { scale: [1, 1.05, 1] }, transition: { ...PULSE, repeat: MAX_CYCLES - 1, ease: 'easeInOut' } },
  // For the sheen layer over an element (see AdaptiveButton): it crosses it from left to right.
  shimmer: { initial: { x: '-100%' }, animate: { x: '100%' }, transition: { ...SHIMMER, repeat: MAX_CYCLES - 1, ease: 'easeInOut' } },
  'slide-in': { initial: { opacity: 0, y: 16 }, animate: { opacity: 1, y: 0 }, exit: { opacity: 0, y: 16 }, transition: { duration: ENTER_S, ease: 'easeOut' } },
  pop: { initial: { opacity: 0, scale: 0.92 }, animate: { opacity: 1, scale: 1 }, exit: { opacity: 0, scale: 0.92 }, transition: { type: 'spring', stiffness: 500, damping: 30 } },
  fade,
  reorder: { layout: true, transition: { type: 'spring', stiffness: 400, damping: 40 } },
}

/**
 * Under reduced motion nothing moves: entrances fade, attention seekers
 * (pulse, shimmer) do nothing, a reorder is instant.
 */
const REDUCED: Record<MotionPresetName, PresetProps | null> = {
  pulse: null,
  shimmer: null,
  'slide-in': fade,
  pop: fade,
  fade,
  reorder: { layout: false },
}

/**
 * The props of a preset, or null when it does nothing (an unknown name,
 * `none`, or an attention seeker under reduced motion).
 */
export function motionPreset(name: string | undefined, reduced: boolean): PresetProps | null {
  if (name === undefined || !Object.hasOwn(FULL, name)) return null
  return (reduced ? REDUCED : FULL)[name as MotionPresetName]
}

/**
 * A preset's animation as keyframes from its initial values, so that it
 * plays again whenever its target label changes (a new variant), without
 * remounting the element (which would lose focus).
 */
export function asKeyframes(preset: PresetProps): PresetValues {
  const from = preset.initial || {}
  const keyframes: Record<string, unknown> = {}
  for (const [key, to] of Object.entries(preset.animate ?? {})) {
    const start: unknown = from[key as keyof PresetValues]
    keyframes[key] = Array.isArray(to) || start === undefined ? to : [start, to]
  }
  return keyframes
}
