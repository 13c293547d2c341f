/**
 * Behavior models that act as segments: nearest-centroid classes and an
 * online logistic propensity score. Reading them allocates nothing.
 */
import { isFiniteNumber, isObject } from '../core/guards'
import type { Json, Profile } from '../core/profile'
import type { CheckedCentroidModel, CheckedLogisticModel } from './rules/document'
import { readPath, type Signal } from './rules/signals'

/** A feature's value: a missing one (no such entry yet) reads as its `missing` default, else 0. */
function feature(profile: Profile, signal: Signal): number {
  const value = readPath(profile, signal.path)
  return isFiniteNumber(value) ? value : (signal.missing ?? 0)
}

/** The class whose centroid is nearest, in standardized units. */
export function classify(model: CheckedCentroidModel, profile: Profile): string {
  let best = 0
  let bestDistance = Infinity
  for (let c = 0; c < model.points.length; c++) {
    const point = model.points[c]!
    let d = 0
    for (let f = 0; f < model.features.length; f++) {
      const x = (feature(profile, model.features[f]!) - model.mean[f]!) / model.std[f]!
      d += (x - point[f]!) ** 2
    }
    if (d < bestDistance) {
      bestDistance = d
      best = c
    }
  }
  return model.names[best]!
}

/** Learned weights of a logistic model, as kept in `profile.state.models[name]`. */
export interface LogisticState {
  weights: number[]
  bias: number
  /** Examples learned from. */
  n: number
}

/** The learned state of `name`, if the profile holds a usable one; else the model's own weights. */
export function logisticState(model: CheckedLogisticModel, profile: Profile, name: string): LogisticState {
  return readLogisticState(model, readPath(profile, ['state', 'models', name]) as Json | undefined)
}

/** A learned state as kept (`profile.state.models[name]`), if usable; else the model's own weights. */
export function readLogisticState(model: CheckedLogisticModel, raw: Json | undefined): LogisticState {
  const kept = isObject(raw) ? raw : undefined
  const weights = kept?.weights
  if (
    kept &&
    Array.isArray(weights) &&
    weights.length === model.weights.length &&
    weights.every(isFiniteNumber) &&
    isFiniteNumber(kept.bias) &&
    isFiniteNumber(kept.n)
  ) {
    return kept as unknown as LogisticState
  }
  return { weights: model.weights, bias: model.bias, n: 0 }
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/** The propensity, 0–1: σ(bias + Σ weight × value / scale). */
export function propensity(model: CheckedLogisticModel, state: LogisticState, profile: Profile): number {
  let z = state.bias
  for (let f = 0; f < model.features.length; f++) z += state.weights[f]! * (feature(profile, model.features[f]!) / model.scales[f]!)
  return sigmoid(z)
}

/**
 * One step of stochastic gradient descent on the log loss, for an example
 * with label `y` (1: converted, 0: did not): w += rate × (y − p) × x.
 */
export function learn(model: CheckedLogisticModel, state: LogisticState, profile: Profile, y: 0 | 1): LogisticState {
  const error = y - propensity(model, state, profile)
  const step = model.learningRate * error
  return {
    weights: state.weights.map((w, f) => w + step * (feature(profile, model.features[f]!) / model.scales[f]!)),
    bias: state.bias + step,
    n: state.n + 1,
  }
}
