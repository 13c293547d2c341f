import { describe, expect, it, vi } from 'vitest'
import { createAttune } from '../../src/core'
import { assignArm, murmur3, withDecisions, type DecisionEvent } from '../../src/engine'
import { fakeClock, spyStorage } from '../support/fakes'

const ids = (n: number) => Array.from({ length: n }, (_, i) => `visitor-${i}-${(i * 2654435761) % 1000003}`)

describe('murmur3', () => {
  it('matches the published MurmurHash3 x86_32 test vectors', () => {
    expect(murmur3('')).toBe(0)
    expect(murmur3('', 1)).toBe(0x514e28b7)
    expect(murmur3('', 0xffffffff)).toBe(0x81f16f39)
    expect(murmur3('hello')).toBe(0x248bfa47)
    expect(murmur3('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723)
    expect(murmur3('aaaa', 0x9747b28c)).toBe(0x5a97808a)
    expect(murmur3('abc', 0x9747b28c)).toBe(0xc84a62dd)
    // UTF-8 bytes, not UTF-16 code units.
    expect(murmur3('é')).toBe(murmur3('\u00e9'))
    expect(murmur3('é')).not.toBe(murmur3('e\u0301'))
  })
})

describe('assignment', () => {
  it.each([
    [{ control: 50, bold: 50 }],
    [{ control: 20, bold: 30, playful: 50 }],
    [{ a: 1, b: 1, c: 1, d: 7 }],
  ])('splits 100,000 visitors within 1%% of the weights %j', (arms) => {
    const counts: Record<string, number> = {}
    const visitors = ids(100_000)
    for (const id of visitors) {
      const arm = assignArm('cta-copy', arms, id)!
      counts[arm] = (counts[arm] ?? 0) + 1
    }
    const total = Object.values(arms).reduce((a, b) => a + b, 0)
    for (const [arm, weight] of Object.entries(arms)) {
      expect(Math.abs(counts[arm]! / visitors.length - weight / total)).toBeLessThan(0.01)
    }
  })

  it('is deterministic: the same visitor gets the same arm, anywhere, and experiments are independent', () => {
    expect(assignArm('cta-copy', { control: 50, bold: 50 }, 'visitor-1')).toBe(assignArm('cta-copy', { control: 50, bold: 50 }, 'visitor-1'))
    // The documented algorithm, computed independently in Python (murmur3 and
    // weighted rendezvous written from the description): a server in another
    // language computes the same arms.
    const golden: [string, string, string][] = [
      ['3f1c9d2e-0000-4000-8000-000000000000', 'control', 'playful'],
      ['visitor-1', 'bold', 'playful'],
      ['ada', 'bold', 'playful'],
      ['bob', 'control', 'playful'],
      ['carol', 'bold', 'bold'],
      ['erin', 'bold', 'bold'],
    ]
    for (const [visitor, two, three] of golden) {
      expect(assignArm('cta-copy', { control: 50, bold: 50 }, visitor)).toBe(two)
      expect(assignArm('cta-copy', { control: 20, bold: 30, playful: 50 }, visitor)).toBe(three)
    }
    const visitors = ids(10_000)
    const same = visitors.filter((id) => assignArm('one', { a: 1, b: 1 }, id) === assignArm('two', { a: 1, b: 1 }, id)).length
    expect(same / visitors.length).toBeGreaterThan(0.47)
    expect(same / visitors.length).toBeLessThan(0.53)
  })

  it('changing one arm’s weight moves only the visitors the new weights require', () => {
    const visitors = ids(50_000)
    const before = visitors.map((id) => assignArm('exp', { a: 30, b: 30, c: 40 }, id))
    // b grows from 30 to 45: visitors only move into b, never between a and c.
    const after = visitors.map((id) => assignArm('exp', { a: 30, b: 45, c: 40 }, id))
    let moved = 0
    before.forEach((arm, i) => {
      if (arm === after[i]) return
      moved++
      expect(after[i]).toBe('b')
    })
    // Required: b's share goes from 30% to 45/115 ≈ 39.1%, about 9.1% of visitors.
    expect(Math.abs(moved / visitors.length - (45 / 115 - 0.3))).toBeLessThan(0.01)
    // b shrinks back: visitors only leave b.
    const back = visitors.map((id) => assignArm('exp', { a: 30, b: 30, c: 40 }, id))
    back.forEach((arm, i) => expect(arm).toBe(before[i]))
  })

  it('removing an arm only spreads its visitors over the others', () => {
    const visitors = ids(20_000)
    const before = visitors.map((id) => assignArm('exp', { a: 1, b: 1, c: 1 }, id))
    const after = visitors.map((id) => assignArm('exp', { a: 1, b: 1, c: 0 }, id))
    before.forEach((arm, i) => {
      if (arm !== 'c') expect(after[i]).toBe(arm)
    })
  })
})

function setup(consent: 'granted' | 'pending' = 'granted') {
  const now = fakeClock()
  const storage = spyStorage()
  const base = createAttune({ now, storage, consent, schedule: 'sync', persistDelay: 0 })
  const attune = withDecisions(base, {
    rules: { segments: [{ id: 'shopper', when: { event: 'add_to_cart', count: { gte: 1 } } }] },
    experiments: [
      { id: 'cta', arms: { control: 50, bold: 50 }, conversions: ['purchase'] },
      { id: 'shoppers-only', arms: { a: 1, b: 1 }, segment: 'shopper' },
    ],
  })
  const events: DecisionEvent[] = []
  attune.onDecision((event) => events.push(event))
  return { attune, events, now, storage }
}

describe('experiments in the engine', () => {
  it('gives the visitor a sticky arm, across reloads', () => {
    const { attune, now, storage } = setup()
    const arm = attune.arm('cta')
    attune.track('x')
    const reloaded = withDecisions(createAttune({ now, storage, consent: 'granted', schedule: 'sync' }), { experiments: [{ id: 'cta', arms: { control: 50, bold: 50 } }] })
    expect(reloaded.getProfile().visitor.id).toBe(attune.getProfile().visitor.id)
    expect(reloaded.arm('cta')).toBe(arm)
    expect(attune.arm('unknown')).toBeNull()
  })

  it('assigns an arm only to visitors in the experiment’s segment', () => {
    const { attune } = setup()
    expect(attune.arm('shoppers-only')).toBeNull()
    attune.track('add_to_cart')
    expect(attune.arm('shoppers-only')).toMatch(/^[ab]$/)
  })

  it('emits an exposure once per visitor and experiment, and only when the variant is shown', () => {
    const { attune, events } = setup()
    const variants = { default: 'Buy', bold: 'BUY NOW' }
    const decision = attune.decide('cta-button', variants, { experiment: 'cta' })
    expect(events).toEqual([])
    attune.shown('cta-button', decision, { experiment: 'cta' })
    attune.shown('cta-button', decision, { experiment: 'cta' })
    attune.expose('cta')
    expect(events).toEqual([{ type: 'exposure', experiment: 'cta', arm: decision.arm, visitor: attune.getProfile().visitor.id, at: attune.now() }])
    expect(attune.getProfile().state.exposed).toEqual({ cta: decision.arm })
  })

  it('emits nothing without consent, and exposes once consent comes', () => {
    const { attune, events } = setup('pending')
    attune.expose('cta')
    attune.track('purchase')
    expect(events).toEqual([])
    attune.setConsent('granted')
    attune.expose('cta')
    expect(events.map((e) => e.type)).toEqual(['exposure'])
  })

  it('attributes conversions to the arm the visitor was exposed to', () => {
    const { attune, events } = setup()
    attune.track('purchase') // before exposure: not attributed
    attune.expose('cta')
    attune.track('newsletter') // not a conversion of this experiment
    attune.track('purchase')
    const arm = attune.arm('cta')
    expect(events.filter((e) => e.type === 'conversion')).toEqual([{ type: 'conversion', experiment: 'cta', arm, event: 'purchase', visitor: attune.getProfile().visitor.id, at: attune.now() }])
  })

  it('warns about a bad experiment and leaves it out, keeping the good ones', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const attune = withDecisions(createAttune({ storage: 'memory' }), {
      experiments: [{ id: 'good', arms: { a: 1 } }, { id: 'bad', arms: { a: -1 } }],
    })
    expect(attune.arm('good')).toBe('a')
    expect(attune.arm('bad')).toBeNull()
    expect(String(warn.mock.calls[0]![0])).toMatch(/experiment at \/experiments\/1\/arms\/a: expected a weight ≥ 0, got -1/)
    warn.mockRestore()
  })
})
