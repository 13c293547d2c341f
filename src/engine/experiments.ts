/**
 * Experiments: deterministic, sticky arm assignment by weighted rendezvous
 * hashing.
 *
 * For each arm with weight w > 0: u = (murmur3(`${experiment}:${arm}:${visitor}`) + 0.5) / 2^32,
 * a number in (0, 1), and score = w / −ln(u). The arm with the highest score
 * wins. Each arm then wins with probability w / Σw, the same visitor always
 * gets the same arm for the same weights (across reloads, and on a server),
 * and changing one arm's weight only moves visitors into that arm (when it
 * grows) or out of it (when it shrinks): visitors of the other arms stay
 * where they are. Adding an arm only takes visitors; removing one only
 * spreads its visitors over the others.
 */
import { isFiniteNumber, isObject } from '../core/guards'
import { pointer, type Diagnostic } from './diagnostics'
import { murmur3 } from './hash'
import { ID } from './rules/validate'

export interface ExperimentConfig {
  id: string
  /** Arm → weight; weights need not add up to 100. */
  arms: Record<string, number>
  /** Only visitors in this segment take part; the others get no arm. */
  segment?: string
  /** Custom events that count as conversions; default: every event tracked. */
  conversions?: string[]
}

const TWO_32 = 2 ** 32

/** The arm of `visitorId` in an experiment, or null when no arm has weight. */
export function assignArm(experimentId: string, arms: Record<string, number>, visitorId: string): string | null {
  let best: string | null = null
  let bestScore = -Infinity
  for (const arm of Object.keys(arms)) {
    const weight = arms[arm]!
    if (!(weight > 0)) continue
    const u = (murmur3(`${experimentId}:${arm}:${visitorId}`) + 0.5) / TWO_32
    const score = weight / -Math.log(u)
    if (score > bestScore) {
      best = arm
      bestScore = score
    }
  }
  return best
}

/**
 * Problems with an experiment's configuration, with `at` the pointer of the
 * experiment; empty when it is fine. Their texts are development ones:
 * production only counts them (an invalid experiment is left out, and only
 * development warns), so there every message is '' and the texts fold away.
 */
export function checkExperiment(raw: unknown, at: string): Diagnostic[] {
  const problems: Diagnostic[] = []
  const fail = (path: string, message: string) => void problems.push({ path, message })
  if (!isObject(raw)) return [{ path: at, message: __DEV__ ? 'expected an experiment such as { "id": "cta", "arms": { "control": 50, "bold": 50 } }' : '' }]
  if (typeof raw.id !== 'string' || !raw.id) fail(pointer(at, 'id'), __DEV__ ? 'expected an id' : '')
  if (!isObject(raw.arms) || Object.keys(raw.arms).length === 0) fail(pointer(at, 'arms'), __DEV__ ? 'expected arms by name with their weights, such as { "control": 50, "bold": 50 }' : '')
  else {
    for (const [arm, weight] of Object.entries(raw.arms)) {
      if (!isFiniteNumber(weight) || weight < 0) fail(pointer(pointer(at, 'arms'), arm), __DEV__ ? `expected a weight ≥ 0, got ${JSON.stringify(weight)}` : '')
      if (!ID.test(arm)) fail(pointer(pointer(at, 'arms'), arm), __DEV__ ? 'arm names are letters, digits, "-" and "_"' : '')
    }
    if (!Object.values(raw.arms).some((w) => isFiniteNumber(w) && w > 0)) fail(pointer(at, 'arms'), __DEV__ ? 'at least one arm needs a weight above 0' : '')
  }
  if (raw.segment !== undefined && typeof raw.segment !== 'string') fail(pointer(at, 'segment'), __DEV__ ? 'expected a segment id' : '')
  if (raw.conversions !== undefined && !(Array.isArray(raw.conversions) && raw.conversions.every((c) => typeof c === 'string'))) {
    fail(pointer(at, 'conversions'), __DEV__ ? 'expected an array of event names' : '')
  }
  return problems
}
