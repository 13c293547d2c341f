import { describe, expect, it } from 'vitest'
import { createProfile, type Profile } from '../../src/core'
import { trainKMeans } from '../../src/analysis'
import { validateRules } from '../../src/engine'
import { classify } from '../../src/engine/models'
import type { CheckedCentroidModel } from '../../src/engine/rules/document'

/** Two kinds of visitors: slow, deep readers and fast, shallow skimmers, with some noise. */
function visitors(): { profile: Profile; kind: 'reader' | 'skimmer' }[] {
  let seed = 7
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2
  return Array.from({ length: 200 }, (_, i) => {
    const kind = i % 2 ? ('reader' as const) : ('skimmer' as const)
    const p = createProfile(0)
    const velocity = kind === 'reader' ? 60 + 20 * noise() : 1400 + 300 * noise()
    const depth = kind === 'reader' ? 0.9 + 0.08 * noise() : 0.3 + 0.1 * noise()
    return { kind, profile: { ...p, scroll: { ...p.scroll, velocity, depth } } }
  })
}

describe('trainKMeans', () => {
  it('recovers the clusters, and its model classifies like its assignments', () => {
    const data = visitors()
    const { model, assignments, iterations } = trainKMeans(
      data.map((d) => d.profile),
      2,
      { features: ['scroll.velocity', 'scroll.depth'], seed: 42 },
    )
    expect(iterations).toBeGreaterThan(0)
    // Each cluster is one kind of visitor.
    const clusterOfReaders = assignments[data.findIndex((d) => d.kind === 'reader')]
    data.forEach((d, i) => expect(assignments[i] === clusterOfReaders).toBe(d.kind === 'reader'))
    const readerCentre = model.centroids[`c${clusterOfReaders}`]!
    expect(readerCentre[0]).toBeGreaterThan(40)
    expect(readerCentre[0]).toBeLessThan(80)
    // The trained model is valid in a rules document and classifies the same way.
    const checked = validateRules({ models: { style: model }, segments: [] })
    expect(checked.ok).toBe(true)
    const style = checked.rules.models.style as CheckedCentroidModel
    data.forEach((d, i) => expect(classify(style, d.profile)).toBe(`c${assignments[i]}`))
  })

  it('is deterministic for a seed', () => {
    const profiles = visitors().map((d) => d.profile)
    const a = trainKMeans(profiles, 3, { features: ['scroll.velocity', 'scroll.depth'], seed: 5 })
    const b = trainKMeans(profiles, 3, { features: ['scroll.velocity', 'scroll.depth'], seed: 5 })
    expect(a).toEqual(b)
  })

  it('refuses a bad feature or k with a clear error', () => {
    const profiles = visitors().map((d) => d.profile)
    expect(() => trainKMeans(profiles, 2, { features: ['scroll.speed'] })).toThrow(/feature "scroll.speed": unknown signal/)
    expect(() => trainKMeans(profiles, 2, { features: ['context.device'] })).toThrow(/holds a string, not a number/)
    expect(() => trainKMeans(profiles, 0, { features: ['scroll.depth'] })).toThrow(/k must be a whole number from 1 to the number of profiles \(200\), got 0/)
  })
})
