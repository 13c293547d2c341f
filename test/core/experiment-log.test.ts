import type { ExperimentConfig } from '../../src/engine'
import { describe, expect, it } from 'vitest'
import { createAttune, type Consent } from '../../src/core'
import type { DecisionEvent } from '../../src/engine'
import { createExperimentLog } from '../../src/engine/experiment-log'

const EXPERIMENTS = new Map<string, ExperimentConfig>([
  ['cta', { id: 'cta', arms: { a: 1 } }],
  ['signup', { id: 'signup', arms: { a: 1 }, conversions: ['signup'] }],
])

function setup(consent: Consent = 'granted', schedule: 'sync' | 'manual' = 'sync', before?: (attune: ReturnType<typeof createAttune>) => void) {
  const attune = createAttune({ storage: 'memory', schedule, consent })
  before?.(attune)
  const events: DecisionEvent[] = []
  let forced = false
  const log = createExperimentLog({
    attune,
    experiments: EXPERIMENTS,
    arm: (id) => (EXPERIMENTS.has(id) ? 'a' : null),
    forced: () => forced,
    emit: (event) => events.push(event),
  })
  attune.subscribe((next, previous) => log.attribute(next, previous))
  return { attune, log, events, force: (on: boolean) => (forced = on) }
}

const types = (events: DecisionEvent[]) => events.map((e) => (e.type === 'conversion' ? `conversion:${e.experiment}:${e.event}` : `${e.type}:${'experiment' in e ? e.experiment : ''}`))

describe('the experiment log', () => {
  it('logs an exposure once per visitor, and keeps it in profile.state.exposed', () => {
    const { attune, log, events } = setup()
    log.expose('cta')
    log.expose('cta')
    log.expose('unknown')
    expect(types(events)).toEqual(['exposure:cta'])
    expect(attune.getProfile().state.exposed).toEqual({ cta: 'a' })
    attune.forget()
    log.expose('cta')
    expect(types(events)).toEqual(['exposure:cta', 'exposure:cta'])
  })

  it('holds an exposure shown before consent until consent is granted', () => {
    const { attune, log, events } = setup('pending')
    log.expose('cta')
    expect(events).toEqual([])
    expect(attune.getProfile().state.exposed).toBeUndefined()
    attune.setConsent('granted')
    log.consentGranted()
    log.consentGranted()
    expect(types(events)).toEqual(['exposure:cta'])
  })

  it('logs nothing on a forced visit', () => {
    const { attune, log, events, force } = setup()
    force(true)
    log.expose('cta')
    expect(events).toEqual([])
    expect(attune.getProfile().state.exposed).toBeUndefined()
  })

  it('attributes events after the exposure only, once per experiment and event, among its conversions', () => {
    const { attune, log, events } = setup()
    attune.track('purchase')
    log.expose('cta')
    log.expose('signup')
    attune.track('purchase')
    attune.track('purchase')
    attune.track('signup')
    expect(types(events)).toEqual(['exposure:cta', 'exposure:signup', 'conversion:cta:purchase', 'conversion:cta:signup', 'conversion:signup:signup'])
    expect(attune.getProfile().state.converted).toEqual({ 'cta:purchase': true, 'cta:signup': true, 'signup:signup': true })
  })

  it('never counts an event recorded before the exposure, even when it is committed after', () => {
    const { attune, log, events } = setup('granted', 'manual')
    attune.track('purchase')
    log.expose('cta')
    attune.flush()
    expect(types(events)).toEqual(['exposure:cta'])
  })

  it('counts a conversion once even when a listener commits again before its write lands', () => {
    // A listener heard before the log's, that tracks again: its commit is queued before the log's write.
    let again = true
    const { attune, log, events } = setup('granted', 'sync', (attune) =>
      attune.subscribe(() => {
        if (again && attune.getProfile().events.purchase) {
          again = false
          attune.track('purchase')
        }
      }),
    )
    log.expose('cta')
    attune.track('purchase')
    expect(attune.getProfile().events.purchase?.count).toBe(2)
    expect(types(events)).toEqual(['exposure:cta', 'conversion:cta:purchase'])
  })
})
