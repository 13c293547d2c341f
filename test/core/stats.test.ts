import { describe, expect, it } from 'vitest'
import { analyzeExperiment, normalCdf, normalQuantile, probabilityToBeat } from '../../src/analysis'
import { logGamma } from '../../src/analysis/stats'

// Reference values computed independently with Python 3.11: math.erfc for the
// z-test, statistics.NormalDist for quantiles, math.lgamma, and a trapezoid
// integration of ∫ f_B(x) F_A(x) dx on 200,000 steps for the Beta probability.
const REFERENCE = [
  { control: [200, 1000], variant: [250, 1000], p: 0.0074196493, beat: 0.996283, lift: 0.25, n: 6507 },
  { control: [50, 1000], variant: [60, 1000], p: 0.3266832512, beat: 0.835611, lift: 0.2, n: 31231 },
  { control: [30, 400], variant: [48, 410], p: 0.0424179559, beat: 0.978467, lift: 0.560976, n: 20243 },
  { control: [1000, 10000], variant: [1100, 10000], p: 0.0210751893, beat: 0.989457, lift: 0.1, n: 14749 },
]

describe('analyzeExperiment', () => {
  it.each(REFERENCE)('matches reference values for $control vs $variant', ({ control, variant, p, beat, lift, n }) => {
    const result = analyzeExperiment({
      arms: [
        { id: 'control', conversions: control[0]!, exposures: control[1]! },
        { id: 'bold', conversions: variant[0]!, exposures: variant[1]! },
      ],
    })
    const bold = result.arms[1]!
    expect(result.control).toBe('control')
    expect(bold.rate).toBeCloseTo(variant[0]! / variant[1]!, 12)
    expect(bold.lift).toBeCloseTo(lift, 6)
    expect(Math.abs(bold.pValue! - p) / p).toBeLessThan(1e-5)
    expect(bold.significant).toBe(p < 0.05)
    expect(bold.probabilityToBeatControl).toBeCloseTo(beat, 4)
    expect(Math.abs(result.sampleSizePerArm! - n)).toBeLessThanOrEqual(1)
    expect(result.arms[0]).toMatchObject({ lift: null, pValue: null, probabilityToBeatControl: null })
  })

  it('finds the control by id, or takes the first arm', () => {
    const arms = [
      { id: 'a', exposures: 100, conversions: 10 },
      { id: 'b', exposures: 100, conversions: 20 },
    ]
    expect(analyzeExperiment({ arms }).control).toBe('a')
    expect(analyzeExperiment({ arms, control: 'b' }).arms[0]!.lift).toBeCloseTo(-0.5, 12)
  })

  it('is symmetric: the chance to beat, both ways, adds up to one', () => {
    const ab = probabilityToBeat(31, 371, 49, 363)
    const ba = probabilityToBeat(49, 363, 31, 371)
    expect(ab + ba).toBeCloseTo(1, 9)
    expect(probabilityToBeat(5, 5, 5, 5)).toBeCloseTo(0.5, 9)
  })

  it.each([
    [{ arms: [{ id: 'a', exposures: 10, conversions: 1 }] }, /at least two arms/],
    [{ arms: [{ id: 'a', exposures: 10, conversions: 11 }, { id: 'b', exposures: 10, conversions: 1 }] }, /arms\[0\]\.conversions \(11\) exceeds its exposures \(10\)/],
    [{ arms: [{ id: 'a', exposures: -1, conversions: 0 }, { id: 'b', exposures: 10, conversions: 1 }] }, /arms\[0\]\.exposures must be a whole number ≥ 0, got -1/],
    [{ arms: [{ id: 'a', exposures: 10, conversions: 1 }, { id: 'b', exposures: 10, conversions: 1 }], control: 'c' }, /no arm "c"/],
  ])('refuses bad counts with an error that names the arm and field', (input, message) => {
    expect(() => analyzeExperiment(input)).toThrow(message)
  })
})

describe('distributions', () => {
  it('match reference values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 8)
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729144, 8)
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8)
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517796, 7)
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301035, 8)
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247004, 10)
    expect(logGamma(10)).toBeCloseTo(12.801827480081467, 10)
    expect(logGamma(1234.5)).toBeCloseTo(7550.550901077896, 7)
  })
})
