/**
 * Model learning: logistic propensity models learn online, for this
 * visitor, from each commit. Tracking the model's event is a positive
 * example; a session that ended without it is a negative one, with the
 * behavior it ended on. The weights are kept in `profile.state.models`.
 */
import type { Attune } from '../core/attune'
import type { Json, Profile } from '../core/profile'
import type { Rules } from './rules/document'
import { learn, readLogisticState } from './models'

/** One learning step per logistic model that the change from `previous` to `next` teaches. */
export function learnFrom(attune: Pick<Attune, 'writeState'>, rules: Rules, next: Profile, previous: Profile): void {
  for (const [name, model] of Object.entries(rules.models)) {
    if (model.type !== 'logistic') continue
    const converted = (next.events[model.event]?.count ?? 0) > (previous.events[model.event]?.count ?? 0)
    const missed = next.visitor.sessionId !== previous.visitor.sessionId && (previous.events[model.event]?.last ?? 0) < previous.visitor.sessionStart
    if (!converted && !missed) continue
    const example = converted ? next : previous
    // From the weights as they are when the write lands: no step is lost to another.
    attune.writeState('models', name, (kept) => learn(model, readLogisticState(model, kept), example, converted ? 1 : 0) as unknown as Json)
  }
}
