import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../../src/engine/decision-config'

afterEach(() => vi.restoreAllMocks())

describe('the engine’s configuration', () => {
  it('takes durations as ms or with their unit, and defaults', () => {
    expect(resolveConfig({ hold: '30s', halfLife: '2h' }, 1000)).toMatchObject({ holdMs: 30_000, halfLifeMs: 7_200_000 })
    expect(resolveConfig({ hold: 0, halfLife: 500 }, 1000)).toMatchObject({ holdMs: 0, halfLifeMs: 500 })
    expect(resolveConfig({}, 1000)).toMatchObject({ holdMs: 10_000, halfLifeMs: 1000, maxChanges: 5, budget: 3 })
  })

  it('reports a bad value with its JSON pointer, and uses the default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const config = resolveConfig({ hold: '10 minutes', halfLife: -1, budget: -2, maxVariantChanges: Number.NaN, nudges: { 'exit/offer': { cooldown: 'soon' } } }, 86_400_000)
    expect(config).toMatchObject({ holdMs: 10_000, halfLifeMs: 86_400_000, budget: 3, maxChanges: 5 })
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      '[attune] withDecisions() /hold: expected a duration such as "10s", "10m" or a number of ms, got "10 minutes"; using 10s.',
      '[attune] withDecisions() /halfLife: expected a duration such as "10s", "10m" or a number of ms, got -1; using 1d.',
      '[attune] withDecisions() /maxVariantChanges: expected a number ≥ 0, got NaN; using 5.',
      '[attune] withDecisions() /budget: expected a number ≥ 0, got -2; using 3.',
      '[attune] withDecisions() /nudges/exit~1offer/cooldown: expected a duration such as "10s", "10m" or a number of ms, got "soon"; using the default.',
    ])
  })

  it('keeps the valid experiments by id and reports each invalid one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const config = resolveConfig({ experiments: [{ id: 'good', arms: { a: 1 } }, { id: 'bad', arms: {} }] }, 1000)
    expect([...config.experiments.keys()]).toEqual(['good'])
    expect(String(warn.mock.calls[0]![0])).toBe('[attune] experiment at /experiments/1/arms: expected arms by name with their weights, such as { "control": 50, "bold": 50 }; it is left out.')
  })
})
