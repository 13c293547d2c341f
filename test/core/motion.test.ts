import { describe, expect, it } from 'vitest'
import { transformFrames } from '../../src/motion/play'
import { MAX_CYCLES, MOTION_PRESETS, motionPreset, asKeyframes, type PresetProps } from '../../src/motion/presets'

const TRANSFORM_OR_OPACITY = ['opacity', 'scale', 'x', 'y']
const keysOf = (preset: PresetProps) => [preset.initial, preset.animate, preset.exit].flatMap((values) => (values ? Object.keys(values) : []))

describe('motion presets', () => {
  for (const name of MOTION_PRESETS) {
    it(`${name}: animates transform and opacity only, and ends`, () => {
      for (const reduced of [false, true]) {
        const preset = motionPreset(name, reduced)
        if (!preset) continue
        for (const key of keysOf(preset)) expect(TRANSFORM_OR_OPACITY, `${name} ${key}`).toContain(key)
        const transition = (preset.transition ?? {}) as { repeat?: number; duration?: number; repeatDelay?: number }
        // Never forever: a repeat is a finite count, at most MAX_CYCLES cycles in all.
        expect(Number.isFinite(transition.repeat ?? 0)).toBe(true)
        expect((transition.repeat ?? 0) + 1).toBeLessThanOrEqual(MAX_CYCLES)
        // WCAG 2.3.1: no more than three flashes a second. A repeating preset's cycle lasts over 1/3 s.
        if (transition.repeat) expect((transition.duration ?? 0) + (transition.repeatDelay ?? 0)).toBeGreaterThan(1 / 3)
      }
    })

    it(`${name}: moves nothing under reduced motion (opacity only, or nothing)`, () => {
      const preset = motionPreset(name, true)
      if (preset) {
        expect(keysOf(preset).filter((key) => key !== 'opacity')).toEqual([])
        expect(preset.layout ?? false).toBe(false)
      }
    })
  }

  it('leaves out unknown names and none', () => {
    expect(motionPreset('spin', false)).toBeNull()
    expect(motionPreset('none', false)).toBeNull()
    expect(motionPreset(undefined, false)).toBeNull()
    expect(motionPreset('constructor', false)).toBeNull()
  })

  it('turns an entrance into keyframes from its initial values, so it can play again', () => {
    expect(asKeyframes(motionPreset('pop', false)!)).toEqual({ opacity: [0, 1], scale: [0.92, 1] })
    expect(asKeyframes(motionPreset('pulse', false)!)).toEqual({ scale: [1, 1.05, 1] })
  })

  it("turns a preset's transform parts into WAAPI transform keyframes, leaving opacity out", () => {
    // The pause between cycles is held inside each cycle: WAAPI has no repeatDelay.
    const pulse = transformFrames('pulse')!
    expect(pulse.frames).toEqual(['scale(1)', 'scale(1.05)', 'scale(1)', 'scale(1)'])
    expect(pulse.transition).toMatchObject({ duration: 1.6, repeat: 2, ease: 'easeInOut' })
    const times = pulse.transition.times as number[]
    ;[0, 0.375, 0.75, 1].forEach((time, i) => expect(times[i]).toBeCloseTo(time, 9))
    expect(transformFrames('shimmer')?.frames).toEqual(['translateX(-100%)', 'translateX(100%)', 'translateX(100%)'])
    // WAAPI has no springs: pop plays as a tween.
    expect(transformFrames('pop')).toEqual({ frames: ['scale(0.92)', 'scale(1)'], transition: { duration: 0.3, ease: 'easeOut' } })
    expect(transformFrames('slide-in')?.frames).toEqual(['translateY(16px)', 'translateY(0px)'])
    expect(transformFrames('fade')).toBeNull()
    expect(transformFrames('none')).toBeNull()
  })
})
