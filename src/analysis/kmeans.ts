/**
 * k-means++ over exported profiles, to train the centroids of a
 * nearest-centroid model. Deterministic for a seed.
 */
import type { Profile } from '../core/profile'
import type { CentroidModel } from '../engine/rules/document'
import { readPath, resolveSignal, type Signal } from '../engine/rules/signals'

export interface KMeansOptions {
  /** Numeric signal paths, such as "scroll.velocity". */
  features: string[]
  /** Same seed, same profiles: same centroids. Default 1. */
  seed?: number
  /** Lloyd iterations at most. Default 100. */
  maxIterations?: number
}

export interface KMeansResult {
  /** A centroid model ready for the rules document (classes c0…c(k−1): rename them). */
  model: CentroidModel
  /** Each profile's class index. */
  assignments: number[]
  /** Sum of squared standardized distances to the assigned centroids. */
  inertia: number
  iterations: number
}

/** A small, seedable generator (mulberry32): uniform in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const distance2 = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + (x - b[i]!) ** 2, 0)

/** Trains k centroids over the given features of `profiles`. Throws on a bad feature or k. */
export function trainKMeans(profiles: readonly Profile[], k: number, options: KMeansOptions): KMeansResult {
  const signals = options.features.map((path) => {
    const signal = resolveSignal(path)
    if (typeof signal === 'string') throw new RangeError(`trainKMeans: feature "${path}": ${signal}`)
    if (signal.kind !== 'number') throw new RangeError(`trainKMeans: feature "${path}" holds a ${signal.kind}, not a number`)
    return signal
  })
  if (!Number.isInteger(k) || k < 1 || k > profiles.length) throw new RangeError(`trainKMeans: k must be a whole number from 1 to the number of profiles (${profiles.length}), got ${k}`)
  const value = (profile: Profile, signal: Signal) => {
    const v = readPath(profile, signal.path)
    return typeof v === 'number' && Number.isFinite(v) ? v : (signal.missing ?? 0)
  }
  const raw = profiles.map((profile) => signals.map((signal) => value(profile, signal)))
  const n = raw.length
  const mean = signals.map((_, f) => raw.reduce((sum, row) => sum + row[f]!, 0) / n)
  const std = signals.map((_, f) => Math.sqrt(raw.reduce((sum, row) => sum + (row[f]! - mean[f]!) ** 2, 0) / n) || 1)
  const points = raw.map((row) => row.map((x, f) => (x - mean[f]!) / std[f]!))

  // k-means++: the first centre at random, each next one with probability ∝ squared distance.
  const next = random(options.seed ?? 1)
  const centres = [points[Math.floor(next() * n)]!]
  const nearest = points.map((p) => distance2(p, centres[0]!))
  while (centres.length < k) {
    const total = nearest.reduce((sum, d) => sum + d, 0)
    let target = next() * total
    let index = 0
    while (index < n - 1 && (target -= nearest[index]!) > 0) index++
    centres.push(points[index]!)
    points.forEach((p, i) => (nearest[i] = Math.min(nearest[i]!, distance2(p, points[index]!))))
  }

  // Lloyd: assign, move each centre to its points' mean, until nothing moves.
  const assignments = new Array<number>(n).fill(-1)
  let iterations = 0
  for (let changed = true; changed && iterations < (options.maxIterations ?? 100); iterations++) {
    changed = false
    points.forEach((p, i) => {
      let best = 0
      for (let c = 1; c < k; c++) if (distance2(p, centres[c]!) < distance2(p, centres[best]!)) best = c
      if (assignments[i] !== best) {
        assignments[i] = best
        changed = true
      }
    })
    for (let c = 0; c < k; c++) {
      const members = points.filter((_, i) => assignments[i] === c)
      // An empty cluster keeps its centre.
      if (members.length) centres[c] = signals.map((_, f) => members.reduce((sum, p) => sum + p[f]!, 0) / members.length)
    }
  }
  const inertia = points.reduce((sum, p, i) => sum + distance2(p, centres[assignments[i]!]!), 0)
  return {
    model: {
      type: 'centroid',
      features: [...options.features],
      mean,
      std,
      centroids: Object.fromEntries(centres.map((centre, c) => [`c${c}`, centre.map((x, f) => x * std[f]! + mean[f]!)])),
    },
    assignments,
    inertia,
    iterations,
  }
}
