import { describe, expect, it } from 'vitest'
import { createAttune } from '../../src/core'
import type { DecisionEvent } from '../../src/engine'
import { createNudgeLedger } from '../../src/engine/nudge-ledger'
import { fakeClock } from '../support/fakes'

const MINUTE = 60_000

function setup(caps = {}, budget = 3) {
  const now = fakeClock()
  const attune = createAttune({ now, storage: 'memory', schedule: 'sync' })
  const events: DecisionEvent[] = []
  const ledger = createNudgeLedger({ attune, caps, budget, emit: (event) => events.push(event) })
  return { attune, now, ledger, events }
}

describe('the nudge ledger', () => {
  it('allows a nudge once per session by default, then says why not', () => {
    const { ledger } = setup()
    expect(ledger.status('tip')).toEqual({ allowed: true, reason: null })
    ledger.record('tip', 'shown')
    expect(ledger.status('tip')).toEqual({ allowed: false, reason: 'shown 1 time(s) this session' })
  })

  it('takes a cooldown as a duration, and doubles it with each dismissal', () => {
    const { ledger, now } = setup({ tip: { perSession: 10, perDay: 10, cooldown: '1m' } }, 10)
    ledger.record('tip', 'shown')
    expect(ledger.status('tip').reason).toBe('cooling down for 60 s more')
    ledger.record('tip', 'dismissed')
    expect(ledger.status('tip').reason).toBe('cooling down for 120 s more')
    now.advance(2 * MINUTE)
    expect(ledger.status('tip').allowed).toBe(true)
  })

  it('shares the session budget across nudges, and lets caps given per call win where set', () => {
    const { ledger } = setup({ a: { perSession: 5, cooldown: 0 } }, 2)
    ledger.record('a', 'shown')
    expect(ledger.status('a').allowed).toBe(true)
    expect(ledger.status('a', { perSession: 1 }).allowed).toBe(false)
    expect(ledger.status('a', { perSession: undefined }).allowed).toBe(true)
    ledger.record('b', 'shown')
    expect(ledger.status('c').reason).toBe("the session's budget of 2 interruption(s) is spent")
  })

  it('keeps the history in profile.state.nudges, counts two outcomes in a row, and reports each', () => {
    const { attune, ledger, events, now } = setup()
    ledger.record('tip', 'shown')
    ledger.record('tip', 'helpful')
    ledger.record('tip', 'helpful')
    ledger.record('tip', 'not-helpful')
    expect(attune.getProfile().state.nudges).toEqual({ tip: { shown: [now()], dismissed: 0, helpful: 2, unhelpful: true } })
    expect(events.map((e) => e.type === 'nudge' && e.action)).toEqual(['shown', 'helpful', 'helpful', 'not-helpful'])
    now.advance(30 * 24 * 60 * MINUTE)
    expect(ledger.status('tip').reason).toBe('marked not helpful')
  })

  it('counts outcomes recorded from inside a profile listener, before they land', () => {
    const { attune, ledger } = setup()
    attune.subscribe((next, previous) => {
      if (next.events === previous.events) return
      ledger.record('tip', 'dismissed')
      ledger.record('tip', 'dismissed')
    })
    attune.track('x')
    expect(attune.getProfile().state.nudges).toMatchObject({ tip: { dismissed: 2 } })
  })
})
