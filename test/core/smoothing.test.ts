import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decay, ema, emaAlpha } from '../../src/core/smoothing'

const score = fc.double({ min: 0, max: 1e9, noNaN: true })
const elapsed = fc.double({ min: 0, max: 1e10, noNaN: true })
const halfLife = fc.double({ min: 1, max: 1e9, noNaN: true })
const sample = fc.double({ min: -1e6, max: 1e6, noNaN: true })

describe('decay', () => {
  it('never increases a score', () => {
    fc.assert(fc.property(score, elapsed, halfLife, (s, dt, h) => decay(s, dt, h) <= s))
  })

  it('keeps a score non-negative', () => {
    fc.assert(fc.property(score, elapsed, halfLife, (s, dt, h) => decay(s, dt, h) >= 0))
  })

  it('decays more the longer the time', () => {
    fc.assert(
      fc.property(score, elapsed, elapsed, halfLife, (s, a, b, h) => {
        const [short, long] = a <= b ? [a, b] : [b, a]
        return decay(s, long, h) <= decay(s, short, h)
      }),
    )
  })

  it('halves a score every half-life', () => {
    expect(decay(8, 1000, 1000)).toBe(4)
    expect(decay(8, 3000, 1000)).toBe(1)
    fc.assert(fc.property(score, halfLife, (s, h) => Math.abs(decay(s, h, h) - s / 2) <= 1e-9 * s))
  })

  it('composes: decaying twice equals decaying once over the sum', () => {
    fc.assert(
      fc.property(score, elapsed, elapsed, halfLife, (s, a, b, h) => {
        const twice = decay(decay(s, a, h), b, h)
        const once = decay(s, a + b, h)
        return Math.abs(twice - once) <= 1e-9 * Math.max(1, s)
      }),
    )
  })

  it('leaves the score as it is when the clock goes backwards', () => {
    expect(decay(5, -1000, 1000)).toBe(5)
  })
})

describe('ema', () => {
  it('stays between the smallest and largest input', () => {
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 50 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 50, maxLength: 50 }), (xs, alphas) => {
        let value = xs[0]!
        for (let i = 1; i < xs.length; i++) value = ema(value, xs[i]!, alphas[i]!)
        const tolerance = 1e-9 * Math.max(1, ...xs.map(Math.abs))
        return value >= Math.min(...xs) - tolerance && value <= Math.max(...xs) + tolerance
      }),
    )
  })

  it('converges to a constant input', () => {
    let value = 0
    for (let i = 0; i < 500; i++) value = ema(value, 100, emaAlpha(16, 500))
    expect(value).toBeCloseTo(100, 1)
  })

  it('does not depend on the sampling rate', () => {
    // One sample after 100 ms moves the average as far as ten after 10 ms each.
    const coarse = ema(0, 50, emaAlpha(100, 500))
    let fine = 0
    for (let i = 0; i < 10; i++) fine = ema(fine, 50, emaAlpha(10, 500))
    expect(fine).toBeCloseTo(coarse, 10)
  })

  it('weights a sample within [0, 1], and more the later it comes', () => {
    fc.assert(
      fc.property(elapsed, elapsed, halfLife, (a, b, tau) => {
        const [x, y] = [emaAlpha(a, tau), emaAlpha(b, tau)]
        return x >= 0 && x <= 1 && (a <= b ? x <= y : x >= y)
      }),
    )
    expect(emaAlpha(0, 500)).toBe(0)
  })
})
