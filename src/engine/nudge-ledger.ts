/**
 * The nudge ledger: each nudge's history in `profile.state.nudges` (when it
 * showed, dismissals, feedback), and what it allows: the nudge's caps, its
 * cooldown (doubled by each dismissal) and the session's budget of
 * interruptions across nudges.
 */
import { stateEntries } from './state-entries'
import type { Attune } from '../core/attune'
import { countSince } from '../core/bounded'
import type { Json } from '../core/profile'
import type { DecisionEvent } from './decision-events'
import { blockedBy, readHistory, resolveCaps, withShown, type NudgeCaps, type NudgeHistory } from './fatigue'

export interface NudgeStatus {
  /** Whether the nudge may show now. */
  allowed: boolean
  /** Why not, when it may not. */
  reason: string | null
}

export type NudgeAction = 'shown' | 'dismissed' | 'helpful' | 'not-helpful'

export interface NudgeLedgerOptions {
  attune: Pick<Attune, 'getProfile' | 'writeState' | 'now'>
  /** Caps by nudge id, as configured. */
  caps: Readonly<Record<string, NudgeCaps>>
  /** Interruptions per session across every nudge. */
  budget: number
  emit: (event: DecisionEvent) => void
}

export interface NudgeLedger {
  /** Whether a nudge may show now, and why not; `caps` given here win where they are set. */
  status: (nudgeId: string, caps?: NudgeCaps) => NudgeStatus
  /** Records an outcome: a showing, a dismissal, or the visitor's feedback. */
  record: (nudgeId: string, action: NudgeAction) => void
}

const UPDATES: Record<NudgeAction, (history: NudgeHistory, now: number) => NudgeHistory> = {
  shown: withShown,
  dismissed: (h) => ({ ...h, dismissed: h.dismissed + 1 }),
  helpful: (h) => ({ ...h, helpful: h.helpful + 1 }),
  'not-helpful': (h) => ({ ...h, unhelpful: true }),
}

export function createNudgeLedger(options: NudgeLedgerOptions): NudgeLedger {
  const { attune, emit } = options
  return {
    status(id, caps) {
      const { sessionStart } = attune.getProfile().visitor
      const nudges = stateEntries(attune.getProfile(), 'nudges')
      const now = attune.now()
      let sessionShown = 0
      for (const key of Object.keys(nudges)) sessionShown += countSince(readHistory(nudges[key]).shown, now - sessionStart, now)
      // A cap given as undefined is not given: the configured one stays.
      const given = Object.fromEntries(Object.entries(caps ?? {}).filter(([, value]) => value !== undefined))
      const reason = blockedBy(readHistory(nudges[id]), resolveCaps({ ...options.caps[id], ...given }), now, sessionStart, sessionShown, options.budget)
      return { allowed: reason === null, reason }
    },
    record(id, action) {
      const now = attune.now()
      // From the history as it is when the write lands: two outcomes in a row both count.
      attune.writeState('nudges', id, (raw) => UPDATES[action](readHistory(raw), now) as unknown as Json)
      emit({ type: 'nudge', nudge: id, action, visitor: attune.getProfile().visitor.id, at: now })
    },
  }
}
