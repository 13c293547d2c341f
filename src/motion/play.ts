/**
 * Plays a preset once on an element, through framer-motion's `animate`.
 * Loaded on first use (see usePlay), with the presets: a component that only
 * sometimes animates carries neither in its first load.
 */
import { animate } from 'framer-motion'
import { asKeyframes, motionPreset } from './presets'

/**
 * Only transforms, in full motion: the element is already on screen, so it
 * is not faded in again. Returns null when the preset moves nothing.
 */
export function play(element: Element, name: string): { stop: () => void } | null {
  const preset = motionPreset(name, false)
  if (!preset) return null
  const { opacity: _opacity, ...keyframes } = asKeyframes(preset)
  return animate(element, keyframes, preset.transition ?? {})
}
