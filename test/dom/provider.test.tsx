import { act, render, screen } from '@testing-library/react'
import { useRef, type ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createAttune,
  PersonalizationProvider,
  useAttune,
  useBehavior,
  useClickTracking,
  useDwellTime,
  useExitIntent,
  useHoverIntent,
  useIdle,
  usePageView,
  useScrollDepth,
  useReducedMotion,
  type MotionSetting,
} from '../../src'

afterEach(() => {
  vi.restoreAllMocks()
})

function Probe({ use }: { use: () => unknown }) {
  use()
  return null
}

function Dwell() {
  const ref = useRef<HTMLDivElement>(null)
  useDwellTime(ref, { id: 'a' })
  return <div ref={ref} />
}

function Hover() {
  const ref = useRef<HTMLDivElement>(null)
  useHoverIntent(ref, { id: 'a' })
  return <div ref={ref} />
}

function Click() {
  const ref = useRef<HTMLDivElement>(null)
  useClickTracking(ref, { id: 'a' })
  return <div ref={ref} />
}

const hooks: [string, () => ReactNode][] = [
  ['useAttune', () => <Probe use={useAttune} />],
  ['useBehavior', () => <Probe use={() => useBehavior((p) => p.page)} />],
  ['useDwellTime', () => <Dwell />],
  ['useHoverIntent', () => <Hover />],
  ['useClickTracking', () => <Click />],
  ['useScrollDepth', () => <Probe use={useScrollDepth} />],
  ['useIdle', () => <Probe use={useIdle} />],
  ['usePageView', () => <Probe use={() => usePageView('/')} />],
  ['useExitIntent', () => <Probe use={useExitIntent} />],
]

describe('PersonalizationProvider', () => {
  it.each(hooks)('%s outside a provider throws an error that says what to do', (name, element) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(element())).toThrow(
      new RegExp(`^\\[attune\\] ${name}\\(\\) must be used inside a <PersonalizationProvider>\\. Wrap your app in one: <PersonalizationProvider attune=\\{createAttune\\(\\)\\}>`),
    )
  })

  it('provides the instance it is given', () => {
    const attune = createAttune({ storage: 'memory' })
    let seen: unknown
    render(
      <PersonalizationProvider attune={attune}>
        <Probe use={() => (seen = useAttune())} />
      </PersonalizationProvider>,
    )
    expect(seen).toBe(attune)
  })

  it('makes an instance from options, once', () => {
    const seen = new Set<unknown>()
    const { rerender } = render(
      <PersonalizationProvider storage="memory" consent="denied">
        <Probe use={() => seen.add(useAttune())} />
      </PersonalizationProvider>,
    )
    rerender(
      <PersonalizationProvider storage="memory" consent="denied">
        <Probe use={() => seen.add(useAttune())} />
      </PersonalizationProvider>,
    )
    expect(seen.size).toBe(1)
    const [instance] = seen as Set<ReturnType<typeof useAttune>>
    expect(instance!.getConsent()).toBe('denied')
  })

  it('follows the consent prop', () => {
    const attune = createAttune({ storage: 'memory' })
    const { rerender } = render(<PersonalizationProvider attune={attune} consent="pending" />)
    expect(attune.getConsent()).toBe('pending')
    rerender(<PersonalizationProvider attune={attune} consent="granted" />)
    expect(attune.getConsent()).toBe('granted')
  })

  it('re-renders a useBehavior reader only when its selection changes', () => {
    const attune = createAttune({ storage: 'memory', schedule: 'sync' })
    let renders = 0
    function Clicks() {
      renders++
      const clicks = useBehavior((p) => p.clicks.buy?.count ?? 0)
      return <output>{clicks}</output>
    }
    render(
      <PersonalizationProvider attune={attune}>
        <Clicks />
      </PersonalizationProvider>,
    )
    expect(renders).toBe(1)
    act(() => {
      attune.record({ type: 'dwell', id: 'hero', ms: 100 })
      attune.track('unrelated')
    })
    expect(renders).toBe(1)
    act(() => attune.record({ type: 'click', id: 'buy' }))
    expect(screen.getByRole('status')).toHaveTextContent('1')
    expect(renders).toBe(2)
  })

  it('keeps an equal selection with a custom equality, even from an inline selector', () => {
    const attune = createAttune({ storage: 'memory', schedule: 'sync' })
    let renders = 0
    const sameKeys = (a: string[], b: string[]) => a.join() === b.join()
    function Ids() {
      renders++
      const ids = useBehavior((p) => Object.keys(p.clicks), sameKeys)
      return <p>{ids.join(',')}</p>
    }
    render(
      <PersonalizationProvider attune={attune}>
        <Ids />
      </PersonalizationProvider>,
    )
    act(() => attune.record({ type: 'click', id: 'a' }))
    expect(renders).toBe(2)
    act(() => attune.record({ type: 'click', id: 'a' }))
    act(() => attune.record({ type: 'click', id: 'a' }))
    expect(renders).toBe(2)
  })
})

describe('PersonalizationProvider motion', () => {
  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia
  })
  const Probe = () => <output>{useReducedMotion() ? 'reduced' : 'moving'}</output>
  const query = (matches: boolean) => {
    const listeners = new Set<() => void>()
    const list = { matches, addEventListener: (_: string, fn: () => void) => listeners.add(fn), removeEventListener: (_: string, fn: () => void) => listeners.delete(fn) }
    // jsdom has no matchMedia: a controllable one, removed after each test.
    Object.defineProperty(window, 'matchMedia', { value: () => list as unknown as MediaQueryList, configurable: true })
    return {
      set(value: boolean) {
        list.matches = value
        listeners.forEach((fn) => fn())
      },
    }
  }

  it("follows the OS setting under 'user', as it changes; 'reduce' and 'full' override it", () => {
    const os = query(false)
    const { rerender } = render(
      <PersonalizationProvider storage="memory">
        <Probe />
      </PersonalizationProvider>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('moving')
    act(() => os.set(true))
    expect(screen.getByRole('status')).toHaveTextContent('reduced')
    rerender(
      <PersonalizationProvider storage="memory" motion="full">
        <Probe />
      </PersonalizationProvider>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('moving')
    act(() => os.set(false))
    rerender(
      <PersonalizationProvider storage="memory" motion="reduce">
        <Probe />
      </PersonalizationProvider>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('reduced')
  })

  it('treats an unknown motion setting as the default, with a warning: never full motion by mistake', () => {
    query(true)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(
      <PersonalizationProvider storage="memory" motion={'reduced' as MotionSetting}>
        <Probe />
      </PersonalizationProvider>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('reduced')
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/motion="reduced"> is not one of user, reduce, full/))
  })
})
