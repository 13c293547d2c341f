import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAttune } from '../../src/core'
import { detectContext } from '../../src/core/context'

const NOON = new Date(2026, 0, 15, 12, 30).getTime()

function pointer(coarse: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)' && coarse, media: query }))
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
  Reflect.deleteProperty(document, 'referrer')
})

describe('context', () => {
  it.each([
    [375, true, 'mobile'],
    [375, false, 'mobile'],
    [820, true, 'tablet'],
    [820, false, 'desktop'], // a narrow window with a mouse is a small desktop window
    [1440, false, 'desktop'],
  ] as const)('classifies a %i px wide viewport (coarse pointer: %s) as %s', (width, coarse, device) => {
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(width)
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(700)
    pointer(coarse)
    const context = detectContext(NOON)
    expect(context.device).toBe(device)
    expect(context.viewport).toEqual({ width, height: 700 })
  })

  it('reads the locale, time zone and local time of day', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('fr-CA')
    const context = detectContext(NOON)
    expect(context.locale).toBe('fr-CA')
    expect(context.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone)
    expect(context).toMatchObject({ hour: 12, timeOfDay: 'afternoon' })
    expect(detectContext(new Date(2026, 0, 15, 7).getTime()).timeOfDay).toBe('morning')
    expect(detectContext(new Date(2026, 0, 15, 20).getTime()).timeOfDay).toBe('evening')
    expect(detectContext(new Date(2026, 0, 15, 2).getTime()).timeOfDay).toBe('night')
  })

  it('keeps only the origin of the referrer, never its path or query', () => {
    Object.defineProperty(document, 'referrer', { configurable: true, value: 'https://news.example.com/story/42?user=ada#top' })
    expect(detectContext(NOON).referrer).toBe('https://news.example.com')
    Object.defineProperty(document, 'referrer', { configurable: true, value: '' })
    expect(detectContext(NOON).referrer).toBe('')
  })

  it('reads UTM parameters, and nothing else from the query', () => {
    history.replaceState(null, '', '/landing?utm_source=newsletter&utm_medium=email&utm_campaign=spring&email=ada%40example.com')
    expect(detectContext(NOON).utm).toEqual({ source: 'newsletter', medium: 'email', campaign: 'spring' })
  })

  it('is part of a new profile', () => {
    history.replaceState(null, '', '/?utm_source=ads')
    const attune = createAttune({ storage: 'memory', now: () => NOON })
    expect(attune.getProfile().context).toMatchObject({ utm: { source: 'ads' }, hour: 12 })
  })
})
