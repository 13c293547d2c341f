/**
 * Fatigue: how often a nudge may interrupt. Caps per nudge (per session, per
 * day, a cooldown), a budget of interruptions per session across nudges,
 * back-off after a dismissal, and suppression after "not helpful".
 */
import { countSince } from '../core/bounded'
import { parseDuration, type Duration } from '../core/duration'
import { isFiniteNumber, isObject } from '../core/guards'
import type { Json } from '../core/profile'

export interface NudgeCaps {
  /** Times it may show per session. Default 1. */
  perSession?: number
  /** Times it may show per 24 hours. Default 3; at most 20 (the history kept). */
  perDay?: number
  /** Least time between two showings; each dismissal doubles it. Default 10 minutes. */
  cooldown?: Duration
}

/** A nudge's history, kept in `profile.state.nudges[id]`. */
export interface NudgeHistory {
  /** When it was shown, oldest first, at most `HISTORY_LIMIT`. */
  shown: number[]
  dismissed: number
  helpful: number
  /** Marked not helpful: never shown again to this visitor. */
  unhelpful: boolean
}

export const DEFAULT_CAPS = { perSession: 1, perDay: 3, cooldownMs: 10 * 60_000 }
/** Interruptions per session across all nudges, by default. */
export const DEFAULT_BUDGET = 3
/** Showings remembered per nudge: the largest per-day cap. */
const HISTORY_LIMIT = 20
const DAY_MS = 86_400_000

export interface ResolvedCaps {
  perSession: number
  perDay: number
  cooldownMs: number
}

/** Caps with defaults filled in; invalid values fall back to the default. */
export function resolveCaps(caps: NudgeCaps | undefined): ResolvedCaps {
  const count = (v: unknown, fallback: number) => (isFiniteNumber(v) && v >= 0 ? Math.floor(v) : fallback)
  return {
    perSession: count(caps?.perSession, DEFAULT_CAPS.perSession),
    perDay: Math.min(HISTORY_LIMIT, count(caps?.perDay, DEFAULT_CAPS.perDay)),
    cooldownMs: parseDuration(caps?.cooldown) ?? DEFAULT_CAPS.cooldownMs,
  }
}

/** A history read from the profile's state, with anything damaged replaced. */
export function readHistory(raw: Json | undefined): NudgeHistory {
  const h = isObject(raw) ? raw : {}
  return {
    shown: Array.isArray(h.shown) ? h.shown.filter(isFiniteNumber).slice(-HISTORY_LIMIT) : [],
    dismissed: isFiniteNumber(h.dismissed) ? h.dismissed : 0,
    helpful: isFiniteNumber(h.helpful) ? h.helpful : 0,
    unhelpful: h.unhelpful === true,
  }
}

export const withShown = (h: NudgeHistory, now: number): NudgeHistory => ({ ...h, shown: [...h.shown, now].slice(-HISTORY_LIMIT) })


/**
 * Whether a nudge may show now: null when it may, else why not. `sessionShown`
 * is how many nudges of any kind showed this session.
 */
export function blockedBy(h: NudgeHistory, caps: ResolvedCaps, now: number, sessionStart: number, sessionShown: number, budget: number): string | null {
  if (h.unhelpful) return 'marked not helpful'
  if (countSince(h.shown, now - sessionStart, now) >= caps.perSession) return `shown ${caps.perSession} time(s) this session`
  if (countSince(h.shown, DAY_MS, now) >= caps.perDay) return `shown ${caps.perDay} time(s) in 24 hours`
  const last = h.shown[h.shown.length - 1]
  const cooldown = caps.cooldownMs * 2 ** h.dismissed
  if (last !== undefined && now - last < cooldown) return `cooling down for ${Math.ceil((last + cooldown - now) / 1000)} s more`
  if (sessionShown >= budget) return `the session's budget of ${budget} interruption(s) is spent`
  return null
}
