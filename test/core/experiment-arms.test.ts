import type { ExperimentConfig } from '../../src/engine'
import { describe, expect, it, vi } from 'vitest'
import * as experiments from '../../src/engine/experiments'
import { createExperimentArms } from '../../src/engine/experiment-arms'

const CONFIG = new Map<string, ExperimentConfig>([
  ['cta', { id: 'cta', arms: { control: 1, bold: 1 } }],
  ['shoppers', { id: 'shoppers', arms: { a: 1 }, segment: 'shopper' }],
])

describe('experiment arms', () => {
  it('hash once per visitor and experiment, and again for a new visitor', () => {
    const assign = vi.spyOn(experiments, 'assignArm')
    const arms = createExperimentArms(CONFIG)
    const none = () => []
    const first = arms.arm('cta', { visitor: 'v1', segments: none })
    expect(arms.arm('cta', { visitor: 'v1', segments: none })).toBe(first)
    expect(assign).toHaveBeenCalledTimes(1)
    expect(arms.arm('cta', { visitor: 'v2', segments: none })).toBe(experiments.assignArm('cta', { control: 1, bold: 1 }, 'v2'))
    expect(assign).toHaveBeenCalledTimes(3)
    assign.mockRestore()
  })

  it('give an arm only to visitors in the experiment’s segment, and none in an unknown experiment', () => {
    const arms = createExperimentArms(CONFIG)
    expect(arms.arm('shoppers', { visitor: 'v', segments: () => [] })).toBeNull()
    expect(arms.arm('shoppers', { visitor: 'v', segments: () => ['shopper'] })).toBe('a')
    expect(arms.arm('unknown', { visitor: 'v', segments: () => [] })).toBeNull()
  })

  it('take a pinned arm the experiment has, and ignore one it has not', () => {
    const arms = createExperimentArms(CONFIG)
    const segments = () => []
    expect(arms.arm('cta', { visitor: 'v', segments, pinned: 'bold' })).toBe('bold')
    expect(arms.arm('cta', { visitor: 'v', segments, pinned: 'control' })).toBe('control')
    expect(arms.arm('cta', { visitor: 'v', segments, pinned: 'nonsense' })).toBe(experiments.assignArm('cta', { control: 1, bold: 1 }, 'v'))
  })
})
