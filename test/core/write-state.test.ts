import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAttune, type Profile } from '../../src/core'
import { endOfTask, fakeClock, readStored, spyStorage } from '../support/fakes'

const KEY = 'attune:profile'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

function setup(consent: 'granted' | 'denied' | 'pending' = 'granted', schedule: 'sync' | 'manual' = 'sync') {
  const storage = spyStorage()
  const now = fakeClock()
  const attune = createAttune({ now, storage, schedule, consent, persistDelay: 0 })
  return { storage, attune, now }
}

describe('writeState', () => {
  it('lands at once: the profile holds the entry when the call returns, and listeners hear of it at the end of the task', async () => {
    const { attune } = setup()
    const heard = vi.fn()
    attune.subscribe(heard)
    attune.writeState('engine', 'a', { n: 1 })
    expect(attune.getProfile().state).toEqual({ engine: { a: { n: 1 } } })
    attune.writeState('engine', 'b', [true, null, 'x'])
    // Entries of one key are kept side by side; other keys keep their identity.
    expect(attune.getProfile().state).toEqual({ engine: { a: { n: 1 }, b: [true, null, 'x'] } })
    expect(heard).not.toHaveBeenCalled()
    await endOfTask()
    expect(heard).toHaveBeenCalledTimes(1)
    const [next, previous] = heard.mock.calls[0]! as [Profile, Profile]
    expect(next).toBe(attune.getProfile())
    expect(previous.state).toEqual({})
  })

  // Issue 11: a segment change made N mounted components write their variant
  // history, N store updates that each copied every component's entry and
  // told every listener (N² on the page). The writes of a task are one commit.
  it('commits the writes of one task together: one store update, one storage write, whatever their number', async () => {
    const { attune, storage } = setup()
    attune.writeState('engine', 'before', 0)
    await endOfTask()
    const heard = vi.fn()
    attune.subscribe(heard)
    const stored = storage.calls.length
    for (let i = 0; i < 100; i++) attune.writeState('variants', `button-${i}`, (current) => ({ key: 'sale', was: current ?? null }))
    await endOfTask()
    expect(heard).toHaveBeenCalledTimes(1)
    expect(storage.calls.slice(stored)).toEqual(['set attune:profile'])
    const [next, previous] = heard.mock.calls[0]! as [Profile, Profile]
    expect(Object.keys(next.state.variants as object)).toHaveLength(100)
    expect((next.state.variants as Record<string, unknown>)['button-7']).toEqual({ key: 'sale', was: null })
    // The profile before the writes is left as it was, and so is the key no write touched.
    expect(previous.state).toEqual({ engine: { before: 0 } })
    expect(next.state.engine).toBe(previous.state.engine)
    expect(readStored(storage).state.profile.state.variants).toEqual(next.state.variants)
  })

  it('commits the writes of the task before any other commit, and on flush()', () => {
    const { attune, storage } = setup()
    const order: string[] = []
    attune.subscribe((next, previous) => order.push(next.events !== previous.events ? 'events' : `state ${Object.keys(next.state.engine as object).join()}`))
    attune.writeState('engine', 'a', 1)
    attune.writeState('engine', 'b', 2)
    attune.track('x')
    attune.writeState('engine', 'c', 3)
    attune.flush()
    expect(order).toEqual(['state a,b', 'events', 'state a,b,c'])
    expect(readStored(storage).state.profile.state).toEqual({ engine: { a: 1, b: 2, c: 3 } })
  })

  it('leaves the profiles committed before the writes as they were', () => {
    const { attune } = setup()
    const start = attune.getProfile()
    attune.writeState('engine', 'a', 1)
    attune.writeState('engine', 'b', 2)
    attune.writeState('other', 'c', 3)
    expect(start.state).toEqual({})
    attune.flush()
    const committed = attune.getProfile()
    attune.writeState('engine', 'd', 4)
    expect(committed.state).toEqual({ engine: { a: 1, b: 2 }, other: { c: 3 } })
    expect(attune.getProfile()).not.toBe(committed)
    expect(attune.getProfile().state).toEqual({ engine: { a: 1, b: 2, d: 4 }, other: { c: 3 } })
    expect(attune.getProfile().state.other).toBe(committed.state.other)
  })

  it('is stored when the page hides before the end of the task that wrote it', () => {
    const page = new EventTarget()
    vi.stubGlobal('addEventListener', page.addEventListener.bind(page))
    vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page))
    vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }))
    const storage = spyStorage()
    const attune = createAttune({ now: fakeClock(), storage, consent: 'granted', schedule: 'sync', persistDelay: '1s' })
    // A commit: its storage write waits a second, and the adapter listens for the page hiding.
    attune.track('x')
    attune.writeState('engine', 'a', 1)
    expect(storage.map.has(KEY)).toBe(false)
    page.dispatchEvent(new Event('pagehide'))
    expect(readStored(storage).state.profile.state).toEqual({ engine: { a: 1 } })
  })

  it('is not visitor activity, and commits after the events recorded before it', async () => {
    const { attune, now } = setup('granted', 'manual')
    const order: string[] = []
    attune.subscribe((next, previous) => order.push(next.events !== previous.events ? 'events' : 'state'))
    now.advance(31 * 60_000)
    attune.track('x')
    attune.writeState('engine', 'a', 1)
    await endOfTask()
    expect(order).toEqual(['events', 'state'])
    const before = attune.getProfile().visitor
    now.advance(31 * 60_000)
    attune.writeState('engine', 'a', 2)
    expect(attune.getProfile().visitor).toBe(before)
  })

  it('from inside a profile listener: lands once every listener has heard, is not lost, does not recurse', async () => {
    const { attune, storage } = setup()
    let depth = 0
    let deepest = 0
    const seen: [string, string][] = []
    const describe = (profile: Profile) => `${profile.events.buy?.count ?? 0}/${JSON.stringify(profile.state.engine ?? null)}`
    attune.subscribe((next) => {
      depth++
      deepest = Math.max(deepest, depth)
      // Writes on every purchase; its own write (no new event) writes nothing.
      if (next.events.buy && !Object.hasOwn((next.state.engine as object | undefined) ?? {}, String(next.events.buy.count))) {
        attune.writeState('engine', String(next.events.buy.count), next.events.buy.count)
      }
      depth--
    })
    // A listener after the writer: it hears every change in order, never an older profile after a newer one.
    attune.subscribe((next, previous) => seen.push([describe(previous), describe(next)]))
    attune.track('buy')
    attune.track('buy')
    expect(deepest).toBe(1)
    expect(attune.getProfile().state.engine).toEqual({ 1: 1, 2: 2 })
    // The first write is committed before the second purchase, the second at the end of the task.
    await endOfTask()
    expect(seen).toEqual([
      ['0/null', '1/null'],
      ['1/null', '1/{"1":1}'],
      ['1/{"1":1}', '2/{"1":1}'],
      ['2/{"1":1}', '2/{"1":1,"2":2}'],
    ])
    // What was stored is the latest profile, not one a listener overtook.
    expect(readStored(storage).state.profile.state).toEqual({ engine: { 1: 1, 2: 2 } })
  })

  it('with a function, updates from the value there when the write lands: two updates queued together both count', () => {
    const { attune } = setup()
    const add = (current: unknown) => (typeof current === 'number' ? current : 0) + 1
    attune.subscribe((next, previous) => {
      if (next.events === previous.events) return
      attune.writeState('engine', 'count', add)
      attune.writeState('engine', 'count', add)
    })
    attune.track('x')
    expect(attune.getProfile().state.engine).toEqual({ count: 2 })
  })

  it('with a function that returns the value there (or undefined), commits nothing', () => {
    const { attune } = setup()
    attune.writeState('engine', 'a', { n: 1 })
    const heard = vi.fn()
    attune.subscribe(heard)
    attune.writeState('engine', 'a', (current) => current)
    attune.writeState('engine', 'b', () => undefined)
    expect(heard).not.toHaveBeenCalled()
    expect(attune.getProfile().state.engine).toEqual({ a: { n: 1 } })
  })

  it('is persisted only under consent, like the rest of the profile', async () => {
    const pending = setup('pending')
    pending.attune.writeState('engine', 'a', 1)
    expect(pending.attune.getProfile().state).toEqual({ engine: { a: 1 } })
    await endOfTask()
    expect(pending.storage.calls.filter((call) => call.startsWith('set'))).toEqual([])

    const denied = setup('denied')
    denied.attune.writeState('engine', 'a', 1)
    await endOfTask()
    expect(denied.storage.map.size).toBe(0)

    pending.attune.setConsent('granted')
    expect(readStored(pending.storage).state.profile.state).toEqual({ engine: { a: 1 } })
    pending.attune.writeState('engine', 'b', 2)
    await endOfTask()
    expect(readStored(pending.storage).state.profile.state).toEqual({ engine: { a: 1, b: 2 } })
  })

  it('is erased by forget() and by consent denied', async () => {
    const { attune, storage } = setup()
    attune.writeState('engine', 'a', 1)
    await endOfTask()
    expect(storage.map.has(KEY)).toBe(true)
    attune.setConsent('denied')
    expect(storage.map.has(KEY)).toBe(false)
    attune.forget()
    expect(attune.getProfile().state).toEqual({})
  })

  it('drops a write made for a visitor that forget() replaced before it landed', () => {
    const { attune } = setup()
    let once = true
    attune.subscribe(() => {
      if (!once) return
      once = false
      attune.forget()
      attune.writeState('engine', 'old-visitor', 1)
    })
    attune.track('x')
    // The write was asked for the visitor forget() erases; it lands after the erasure, and is dropped.
    expect(attune.getProfile().state).toEqual({})
  })

  it.each([
    ['an empty key', '', 'a', 1, /the key must be a non-empty string/],
    ['"__proto__" as an id', 'engine', '__proto__', 1, /the id must be/],
    ['a function', 'engine', 'a', { f: () => 1 }, /is not JSON/],
    ['NaN', 'engine', 'a', Number.NaN, /is not JSON/],
    ['undefined', 'engine', 'a', undefined, /is not JSON/],
    ['a Date', 'engine', 'a', new Date(0), /is not JSON/],
  ])('ignores %s with a development warning, and changes nothing', (_, key, id, value, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { attune } = setup()
    const before = attune.getProfile()
    attune.writeState(key, id, value as never)
    expect(attune.getProfile()).toBe(before)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[attune\] writeState\(\) ignored a write: /)
    expect(String(warn.mock.calls[0]![0])).toMatch(message)
  })

  it('refuses a cycle or a value nested too deep, instead of overflowing the stack', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { attune } = setup()
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    let deep: unknown = 1
    for (let i = 0; i < 10_000; i++) deep = [deep]
    expect(() => attune.writeState('engine', 'a', cycle as never)).not.toThrow()
    expect(() => attune.writeState('engine', 'b', deep as never)).not.toThrow()
    expect(attune.getProfile().state).toEqual({})
  })
})
