import { describe, expect, it } from 'vitest'
import { createAttune } from '../../src/core'
import { validateRules } from '../../src/engine'
import { learnFrom } from '../../src/engine/model-learning'
import { fakeClock } from '../support/fakes'

const RULES = validateRules({
  models: { buy: { type: 'logistic', event: 'purchase', bias: -3, learningRate: 0.5, features: { 'events.add_to_cart.count': 1 } } },
  segments: [],
}).rules

type Learned = { buy?: { n: number; weights: number[]; bias: number } }

function setup() {
  const now = fakeClock()
  const attune = createAttune({ now, storage: 'memory', schedule: 'sync' })
  attune.subscribe((next, previous) => learnFrom(attune, RULES, next, previous))
  return { attune, now, learned: () => (attune.getProfile().state.models as Learned | undefined)?.buy }
}

describe('model learning', () => {
  it('takes a conversion as a positive example: the weights of present features grow', () => {
    const { attune, learned } = setup()
    attune.track('add_to_cart')
    expect(learned()).toBeUndefined()
    attune.track('purchase')
    expect(learned()!.n).toBe(1)
    expect(learned()!.weights[0]).toBeGreaterThan(1)
    expect(learned()!.bias).toBeGreaterThan(-3)
  })

  it('takes a session that ended without the conversion as a negative example', () => {
    const { attune, now, learned } = setup()
    attune.track('add_to_cart')
    now.advance(31 * 60_000)
    attune.record({ type: 'click', id: 'back' })
    expect(learned()!.n).toBe(1)
    expect(learned()!.weights[0]).toBeLessThan(1)
  })

  it('steps from the weights as they are when its write lands: steps queued together all count', () => {
    const { attune, learned } = setup()
    // A second learner on the same commits: both steps land, the second from the first's weights.
    attune.subscribe((next, previous) => learnFrom(attune, RULES, next, previous))
    attune.track('purchase')
    expect(learned()!.n).toBe(2)
  })

  it('learns nothing from commits that do not teach (no event of the model, same session)', () => {
    const { attune, learned } = setup()
    attune.track('add_to_cart')
    attune.record({ type: 'scroll', y: 10, depth: 0.2 })
    expect(learned()).toBeUndefined()
  })
})
