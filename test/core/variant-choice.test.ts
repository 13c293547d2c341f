import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VariantHistory } from '../../src/engine/variant-history'
import { createVariantChoice } from '../../src/engine/variant-choice'

afterEach(() => vi.restoreAllMocks())

const VARIANTS = { default: 'd', reader: 'r', bold: 'b', 'reader+bold': 'rb' }

function setup(kept: { key: string; segment: string | null } | null = null, forced = false) {
  const history: VariantHistory = { locked: () => kept, shown: () => {} }
  const segments = vi.fn(() => ['reader'])
  const arm = vi.fn(() => 'bold')
  return { decide: createVariantChoice({ history, forced: () => forced, arm, segments }), segments, arm }
}

describe('variant choice', () => {
  it('picks from the segments and the arm of the experiment asked for', () => {
    const { decide } = setup()
    expect(decide('cta', VARIANTS)).toEqual({ variant: 'r', key: 'reader', segment: 'reader', arm: null })
    expect(decide('cta', VARIANTS, { experiment: 'x' })).toEqual({ variant: 'rb', key: 'reader+bold', segment: 'reader', arm: 'bold' })
  })

  it('keeps the variant the history holds, unless forced or deciding from the initial profile', () => {
    const kept = { key: 'bold', segment: null }
    expect(setup(kept).decide('cta', VARIANTS).key).toBe('bold')
    expect(setup(kept).decide('cta', VARIANTS, { initial: true }).key).toBe('reader')
    expect(setup(kept, true).decide('cta', VARIANTS).key).toBe('reader')
  })

  it('reports unusable variants once per component, as "decide(id): message", and shows the default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { decide, segments } = setup()
    expect(decide('cta', { reader: 'x' } as never)).toEqual({ variant: undefined, key: 'default', segment: null, arm: null })
    decide('cta', { reader: 'x' } as never)
    expect(decide('other', null as never).key).toBe('default')
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      '[attune] decide("cta"): the variants has no "default" variant (keys: reader); add one, shown when no segment or arm has its own.',
      '[attune] decide("other"): expected an object of variants by key, got null.',
    ])
    expect(segments).not.toHaveBeenCalled()
  })
})
