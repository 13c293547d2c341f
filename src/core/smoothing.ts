/**
 * Smoothing and time decay: the one place where Attune averages a signal over
 * time (EMA) or lets a score fade (half-life decay).
 */

/**
 * Weight of a new sample in a time-aware exponential moving average, for a
 * sample that arrives `dtMs` after the previous one: `1 - e^(-dt/tau)`.
 * Samples that arrive in quick succession move the average a little each;
 * the result does not depend on the sampling rate. Always within [0, 1].
 */
export function emaAlpha(dtMs: number, tauMs: number): number {
  return dtMs > 0 && tauMs > 0 ? 1 - Math.exp(-dtMs / tauMs) : dtMs > 0 ? 1 : 0
}

/** One step of an exponential moving average with weight `alpha` in [0, 1]. */
export function ema(previous: number, sample: number, alpha: number): number {
  return previous + alpha * (sample - previous)
}

/**
 * A score that halves every `halfLifeMs`, read `elapsedMs` after it was
 * last set. Negative elapsed time (a clock that went backwards) decays nothing.
 */
export function decay(score: number, elapsedMs: number, halfLifeMs: number): number {
  return elapsedMs > 0 ? score * 2 ** (-elapsedMs / halfLifeMs) : score
}
