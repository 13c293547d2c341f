/**
 * Experiment statistics: conversion rates, lift, a two-proportion z-test,
 * the Bayesian probability to beat control, and a sample size hint. For
 * analysing exposures and conversions gathered from many visitors.
 */
import { isFiniteNumber } from '../core/guards'

/** erfc(x), Chebyshev fit (Numerical Recipes 6.2); relative error below 1.2e-7. */
export function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  return x >= 0 ? r : 2 - r
}

/** Standard normal cumulative distribution. */
export const normalCdf = (x: number): number => 0.5 * erfc(-x / Math.SQRT2)

/** Standard normal quantile (P. J. Acklam's algorithm); relative error below 1.2e-9. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)))
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)))
  const q = p - 0.5
  const r = q * q
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  x -= 1
  let sum = LANCZOS[0]!
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (x + i)
  const t = x + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum)
}

const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b)

/**
 * P(X_B > X_A) for X_A ~ Beta(aA, bA) and X_B ~ Beta(aB, bB), with aB a
 * whole number: the closed form of E. Miller, "Formulas for Bayesian A/B
 * testing" (2015).
 */
export function probabilityToBeat(aA: number, bA: number, aB: number, bB: number): number {
  let total = 0
  for (let i = 0; i < aB; i++) total += Math.exp(logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - logBeta(aA, bA))
  return Math.min(1, Math.max(0, total))
}

export interface ArmCounts {
  id: string
  exposures: number
  conversions: number
}

export interface AnalyzeOptions {
  arms: ArmCounts[]
  /** The control arm's id. Default: "control", else the first arm. */
  control?: string
  /** Significance level of the two-sided test. Default 0.05. */
  alpha?: number
  /** Power for the sample size hint. Default 0.8. */
  power?: number
  /** Smallest relative lift worth detecting, for the sample size hint. Default 0.1 (10 %). */
  minimumEffect?: number
}

export interface ArmAnalysis extends ArmCounts {
  /** conversions / exposures. */
  rate: number
  /** Relative lift of the rate against control's; null for control, or when control's rate is 0. */
  lift: number | null
  /** Two-sided p-value of the pooled two-proportion z-test against control; null for control. */
  pValue: number | null
  /** Whether pValue < alpha. */
  significant: boolean
  /** P(this arm's rate > control's) with Beta(1 + conversions, 1 + failures) posteriors (uniform priors). */
  probabilityToBeatControl: number | null
}

export interface ExperimentAnalysis {
  control: string
  arms: ArmAnalysis[]
  /**
   * Exposures each arm needs to detect a relative lift of `minimumEffect`
   * over control's rate, at `alpha` and `power` (normal approximation);
   * null while control has no conversions.
   */
  sampleSizePerArm: number | null
}

/** Analyses an experiment's counts. Throws a RangeError that names the arm and field on bad counts. */
export function analyzeExperiment(options: AnalyzeOptions): ExperimentAnalysis {
  const { arms, alpha = 0.05, power = 0.8, minimumEffect = 0.1 } = options
  if (!Array.isArray(arms) || arms.length < 2) throw new RangeError('analyzeExperiment: expected at least two arms')
  arms.forEach((arm, i) => {
    for (const field of ['exposures', 'conversions'] as const) {
      const n = arm[field]
      if (!isFiniteNumber(n) || n < 0 || !Number.isInteger(n)) throw new RangeError(`analyzeExperiment: arms[${i}].${field} must be a whole number ≥ 0, got ${String(n)}`)
    }
    if (arm.conversions > arm.exposures) throw new RangeError(`analyzeExperiment: arms[${i}].conversions (${arm.conversions}) exceeds its exposures (${arm.exposures})`)
  })
  const control = arms.find((arm) => arm.id === (options.control ?? 'control')) ?? (options.control === undefined ? arms[0]! : undefined)
  if (!control) throw new RangeError(`analyzeExperiment: no arm "${options.control}" to use as control`)
  const rate = (arm: ArmCounts) => (arm.exposures ? arm.conversions / arm.exposures : 0)
  const p0 = rate(control)

  const analysed = arms.map((arm): ArmAnalysis => {
    const r = rate(arm)
    if (arm === control) return { ...arm, rate: r, lift: null, pValue: null, significant: false, probabilityToBeatControl: null }
    const pooled = (arm.conversions + control.conversions) / (arm.exposures + control.exposures)
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / arm.exposures + 1 / control.exposures))
    const pValue = se > 0 ? erfc(Math.abs(r - p0) / se / Math.SQRT2) : 1
    return {
      ...arm,
      rate: r,
      lift: p0 > 0 ? (r - p0) / p0 : null,
      pValue,
      significant: pValue < alpha,
      probabilityToBeatControl: probabilityToBeat(1 + control.conversions, 1 + control.exposures - control.conversions, 1 + arm.conversions, 1 + arm.exposures - arm.conversions),
    }
  })

  const p1 = p0
  const p2 = Math.min(1, p0 * (1 + minimumEffect))
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power)
  const sampleSizePerArm = p1 > 0 && p2 !== p1 ? Math.ceil((z * z * (p1 * (1 - p1) + p2 * (1 - p2))) / (p2 - p1) ** 2) : null
  return { control: control.id, arms: analysed, sampleSizePerArm }
}
