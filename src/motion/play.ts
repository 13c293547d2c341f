/**
 * Plays a preset once on an element, through framer-motion's WAAPI-only
 * `animate` (framer-motion/dom/mini, a few KB rather than the full
 * animation engine). Loaded on first use (see usePlay), with the presets: a
 * component that only sometimes animates carries neither in its first load.
 */
import { animate } from 'framer-motion/dom/mini'
import { asKeyframes, motionPreset } from './presets'

type Frame = number | string

const list = (value: unknown): Frame[] => (Array.isArray(value) ? (value as Frame[]) : [value as Frame])
const unit = (value: Frame) => (typeof value === 'number' ? `${value}px` : value)

/** WAAPI has no springs: a spring becomes this ease-out tween. */
const SPRING_AS_TWEEN = { duration: 0.3, ease: 'easeOut' } as const

interface Timing {
  duration?: number
  repeat?: number
  repeatDelay?: number
  ease?: unknown
  type?: string
}

/**
 * The preset's transform parts as `transform` keyframes (WAAPI animates the
 * property, not framer's independent x, y and scale), and a transition WAAPI
 * can play: a spring becomes a tween, and the pause between cycles
 * (`repeatDelay`, which WAAPI lacks) is held inside each cycle. Opacity is
 * left out: the element is already on screen, so it is not faded in again.
 */
export function transformFrames(name: string): { frames: string[]; transition: Record<string, unknown> } | null {
  const preset = motionPreset(name, false)
  if (!preset) return null
  const { scale, x, y } = asKeyframes(preset)
  const parts: [string, Frame[], (value: Frame) => string][] = []
  if (scale !== undefined) parts.push(['scale', list(scale), String])
  if (x !== undefined) parts.push(['translateX', list(x), unit])
  if (y !== undefined) parts.push(['translateY', list(y), unit])
  if (!parts.length) return null
  const length = Math.max(...parts.map(([, values]) => values.length))
  const frames = Array.from({ length }, (_, i) => parts.map(([fn, values, format]) => `${fn}(${format(values[Math.min(i, values.length - 1)]!)})`).join(' '))
  const { type, repeatDelay = 0, ...timing } = (preset.transition ?? {}) as Timing
  if (type === 'spring') return { frames, transition: { ...SPRING_AS_TWEEN } }
  if (!repeatDelay || !timing.repeat) return { frames, transition: timing }
  const duration = timing.duration ?? 0.3
  const cycle = duration + repeatDelay
  const times = [...frames.map((_, i) => (i / (frames.length - 1)) * (duration / cycle)), 1]
  return { frames: [...frames, frames[frames.length - 1]!], transition: { ...timing, duration: cycle, times } }
}

/** Plays the preset's movement once; null when it moves nothing. */
export function play(element: Element, name: string): { stop: () => void } | null {
  const motion = transformFrames(name)
  return motion && animate(element, { transform: motion.frames }, motion.transition)
}
