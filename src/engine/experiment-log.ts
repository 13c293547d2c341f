/**
 * The experiment log: exposures (once per visitor and experiment, only
 * under consent; one shown before consent is logged when it comes) and the
 * conversions they lead to (once per visitor, experiment and event, after
 * the exposure only). Both are kept in `profile.state` (`exposed`,
 * `converted`), so storage, consent and `forget()` cover them.
 */
import { stateEntries } from './state-entries'
import type { Attune } from '../core/attune'
import type { Profile } from '../core/profile'
import type { DecisionEvent } from './decision-events'
import type { ExperimentConfig } from './experiments'

export interface ExperimentLogOptions {
  attune: Pick<Attune, 'getProfile' | 'getConsent' | 'writeState' | 'now'>
  experiments: ReadonlyMap<string, ExperimentConfig>
  /** The visitor's arm now, or null when they take no part. */
  arm: (experimentId: string) => string | null
  /** Whether this is a forced visit (overrides): it logs nothing. */
  forced: () => boolean
  emit: (event: DecisionEvent) => void
}

export interface ExperimentLog {
  /** Logs an exposure to an experiment, once per visitor; before consent, once consent is granted. */
  expose: (experimentId: string) => void
  /** Consent was granted: logs the exposures shown before. */
  consentGranted: () => void
  /** After a commit that changed events: the conversions it holds. */
  attribute: (next: Profile, previous: Profile) => void
}


export function createExperimentLog(options: ExperimentLogOptions): ExperimentLog {
  const { attune, experiments, emit } = options
  const granted = () => attune.getConsent() === 'granted'
  // Shown before consent: logged once consent is granted.
  const unexposed = new Set<string>()
  // What this page logged, by visitor: a write made while the profile's
  // listeners run lands right after them, and must not be logged twice meanwhile.
  const logged = new Set<string>()
  const once = (visitor: string, what: string) => !logged.has(`${visitor}\n${what}`) && !!logged.add(`${visitor}\n${what}`)

  const expose = (experimentId: string) => {
    if (options.forced() || Object.hasOwn(stateEntries(attune.getProfile(), 'exposed'), experimentId)) return
    const arm = options.arm(experimentId)
    if (arm === null) return
    if (!granted()) return void unexposed.add(experimentId)
    const visitor = attune.getProfile().visitor.id
    if (!once(visitor, `exposed:${experimentId}`)) return
    // The core commits the events recorded before this write first: they are not its conversions.
    attune.writeState('exposed', experimentId, arm)
    emit({ type: 'exposure', experiment: experimentId, arm, visitor, at: attune.now() })
  }

  return {
    expose,
    consentGranted() {
      for (const id of unexposed) expose(id)
      unexposed.clear()
    },
    attribute(next, previous) {
      if (!granted()) return
      // Exposures from before this commit only: an event in the same batch as the exposure came first.
      const exposed = stateEntries(previous, 'exposed')
      const converted = stateEntries(next, 'converted')
      for (const [name, entry] of Object.entries(next.events)) {
        if (entry.count <= (previous.events[name]?.count ?? 0)) continue
        for (const [id, arm] of Object.entries(exposed)) {
          const experiment = experiments.get(id)
          const key = `${id}:${name}`
          if (typeof arm !== 'string' || !experiment || (experiment.conversions && !experiment.conversions.includes(name)) || converted[key]) continue
          if (!once(next.visitor.id, `converted:${key}`)) continue
          attune.writeState('converted', key, true)
          emit({ type: 'conversion', experiment: id, arm, event: name, visitor: next.visitor.id, at: entry.last })
        }
      }
    },
  }
}
