import { describe, expect, it, vi } from 'vitest'
import { createAttune, eventCount, eventScore } from '../../src/core'
import { fakeClock } from '../support/fakes'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

function setup(options: Parameters<typeof createAttune>[0] = {}) {
  const now = fakeClock()
  const attune = createAttune({ now, storage: 'memory', consent: 'denied', schedule: 'sync', ...options })
  return { now, attune }
}

describe('aggregation', () => {
  it('starts a visitor with an anonymous id, one visit and a session', () => {
    const { attune, now } = setup()
    const { visitor } = attune.getProfile()
    expect(visitor.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(visitor.sessionId).not.toBe(visitor.id)
    expect(visitor).toMatchObject({ visits: 1, firstSeen: now(), sessionStart: now() })
  })

  it('counts page views and page dwell per path, and tracks the current page', () => {
    const { attune } = setup()
    attune.record({ type: 'pageview', path: '/product' })
    attune.record({ type: 'page-dwell', path: '/product', ms: 1500 })
    attune.record({ type: 'page-dwell', path: '/product', ms: 500 })
    attune.record({ type: 'pageview', path: '/cart' })
    attune.record({ type: 'pageview', path: '/product' })
    const profile = attune.getProfile()
    expect(profile.page).toBe('/product')
    expect(profile.pages['/product']).toMatchObject({ views: 2, dwellMs: 2000 })
    expect(profile.pages['/cart']).toMatchObject({ views: 1, dwellMs: 0 })
  })

  it("folds each event into its entry by the schema's merge rules, also when the clock steps back", () => {
    const { attune, now } = setup({ halfLife: DAY })
    const start = now()
    attune.track('buy')
    attune.record({ type: 'click', id: 'cta' })
    now.advance(DAY)
    attune.track('buy')
    // A clock set back (NTP, a test's fake clock): the later time stays the entry's `last`,
    // counts still add up, and the score is read as of that later time.
    now.set(start + DAY / 2)
    attune.track('buy')
    attune.record({ type: 'click', id: 'cta' })
    const { events, clicks } = attune.getProfile()
    expect(events.buy).toMatchObject({ count: 3, last: start + DAY, recent: [start, start + DAY / 2, start + DAY] })
    expect(events.buy!.score).toBeCloseTo(0.5 + 1 + 2 ** -0.5, 10)
    expect(clicks.cta).toEqual({ count: 2, last: start + DAY / 2 })
  })

  it('sums section dwell, counts views and keeps the largest visible ratio', () => {
    const { attune } = setup()
    attune.record({ type: 'view', id: 'hero', ratio: 0.6 })
    attune.record({ type: 'dwell', id: 'hero', ms: 1000, ratio: 0.9 })
    attune.record({ type: 'view', id: 'hero', ratio: 0.5 })
    attune.record({ type: 'dwell', id: 'hero', ms: 250 })
    expect(attune.getProfile().sections.hero).toMatchObject({ views: 2, dwellMs: 1250, maxRatio: 0.9 })
  })

  it('keeps the deepest scroll of the current page and resets it on a new page', () => {
    const { attune, now } = setup()
    attune.record({ type: 'pageview', path: '/a' })
    attune.record({ type: 'scroll', y: 800, depth: 0.6 })
    now.advance(16)
    attune.record({ type: 'scroll', y: 100, depth: 0.3 })
    expect(attune.getProfile().scroll.depth).toBe(0.6)
    attune.record({ type: 'pageview', path: '/b' })
    expect(attune.getProfile().scroll.depth).toBe(0)
  })

  it('smooths scroll speed within a gesture and ignores the pauses between gestures', () => {
    const { attune, now } = setup()
    // 1000 px/s for a second, in 20 ms steps.
    for (let i = 0; i <= 50; i++) {
      attune.record({ type: 'scroll', y: i * 20, depth: 0.5 })
      now.advance(20)
    }
    const fast = attune.getProfile().scroll.velocity
    expect(fast).toBeGreaterThan(800)
    expect(fast).toBeLessThanOrEqual(1000)
    // A long pause, then a new gesture: the pause does not drag the speed to zero.
    now.advance(10_000)
    attune.record({ type: 'scroll', y: 5000, depth: 0.9 })
    expect(attune.getProfile().scroll.velocity).toBe(fast)
    // A slow gesture (100 px/s) pulls the average down.
    for (let i = 1; i <= 100; i++) {
      now.advance(20)
      attune.record({ type: 'scroll', y: 5000 + i * 2, depth: 0.9 })
    }
    expect(attune.getProfile().scroll.velocity).toBeLessThan(200)
  })

  it('counts hovers and clicks per id with their times', () => {
    const { attune, now } = setup()
    attune.record({ type: 'hover', id: 'price', ms: 700 })
    now.advance(1000)
    attune.record({ type: 'hover', id: 'price', ms: 300 })
    attune.record({ type: 'click', id: 'buy' })
    attune.record({ type: 'click', id: 'buy' })
    const profile = attune.getProfile()
    expect(profile.hover.price).toEqual({ count: 2, dwellMs: 1000, last: now() })
    expect(profile.clicks.buy).toEqual({ count: 2, last: now() })
  })

  it('counts custom events within a window', () => {
    const { attune, now } = setup()
    attune.track('add_to_cart')
    now.advance(5 * MINUTE)
    attune.track('add_to_cart')
    now.advance(4 * MINUTE)
    attune.track('add_to_cart')
    const profile = attune.getProfile()
    expect(profile.events.add_to_cart?.count).toBe(3)
    expect(eventCount(profile, 'add_to_cart', 10 * MINUTE, now())).toBe(3)
    expect(eventCount(profile, 'add_to_cart', 5 * MINUTE, now())).toBe(2)
    expect(eventCount(profile, 'add_to_cart', MINUTE, now())).toBe(1)
    now.advance(20 * MINUTE)
    expect(eventCount(profile, 'add_to_cart', 10 * MINUTE, now())).toBe(0)
    expect(eventCount(profile, 'purchase', 10 * MINUTE, now())).toBe(0)
  })

  it('decays event scores with the configured half-life', () => {
    const { attune, now } = setup({ halfLife: DAY })
    attune.track('viewed_shoes')
    attune.track('viewed_shoes')
    const profile = attune.getProfile()
    expect(eventScore(profile, 'viewed_shoes', now(), DAY)).toBe(2)
    expect(eventScore(profile, 'viewed_shoes', now() + DAY, DAY)).toBeCloseTo(1, 10)
    now.advance(2 * DAY)
    attune.track('viewed_shoes')
    // 2 decayed over two half-lives is 0.5, plus the new event.
    expect(attune.getProfile().events.viewed_shoes?.score).toBeCloseTo(1.5, 10)
  })

  it('starts a new session after 30 minutes without activity', () => {
    const { attune, now } = setup()
    const first = attune.getProfile().visitor
    now.advance(29 * MINUTE)
    attune.record({ type: 'click', id: 'x' })
    expect(attune.getProfile().visitor.sessionId).toBe(first.sessionId)
    now.advance(31 * MINUTE)
    attune.record({ type: 'click', id: 'x' })
    const second = attune.getProfile().visitor
    expect(second.sessionId).not.toBe(first.sessionId)
    expect(second).toMatchObject({ visits: 2, sessionStart: now(), id: first.id })
  })

  it('neither starts nor extends a session with time that accrues on its own', () => {
    const { attune, now } = setup()
    attune.record({ type: 'click', id: 'x' })
    // A tab left open and visible: dwell keeps arriving, nobody is there.
    for (let i = 0; i < 180; i++) {
      now.advance(MINUTE)
      attune.record({ type: 'page-dwell', path: '/', ms: MINUTE })
      attune.record({ type: 'dwell', id: 'hero', ms: MINUTE })
    }
    attune.record({ type: 'idle', idle: true })
    expect(attune.getProfile().visitor.visits).toBe(1)
    expect(attune.getProfile().pages['/']?.dwellMs).toBe(180 * MINUTE)
    // The visitor comes back: one new session, not two.
    attune.record({ type: 'idle', idle: false })
    attune.record({ type: 'click', id: 'x' })
    expect(attune.getProfile().visitor.visits).toBe(2)
  })

  it('tracks idle periods and does not let idleness keep a session alive', () => {
    const { attune, now } = setup()
    now.advance(1000)
    attune.record({ type: 'idle', idle: true })
    const seen = attune.getProfile().visitor.lastSeen
    expect(attune.getProfile().idle).toEqual({ idle: true, since: now(), totalMs: 0 })
    now.advance(5000)
    attune.record({ type: 'idle', idle: false })
    expect(attune.getProfile().idle).toEqual({ idle: false, since: now(), totalMs: 5000 })
    expect(seen).toBe(now() - 6000)
  })

  it('treats ids that are names of Object.prototype members as ordinary ids', () => {
    const { attune, now } = setup()
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      attune.track(name)
      attune.record({ type: 'click', id: name })
      attune.record({ type: 'pageview', path: name })
      attune.record({ type: 'dwell', id: name, ms: 5 })
      attune.record({ type: 'hover', id: name, ms: 600 })
      attune.identify({ [name]: 1 })
    }
    const profile = attune.getProfile()
    expect(profile.events.constructor).toEqual({ count: 1, last: now(), recent: [now()], score: 1 })
    expect(profile.clicks.toString).toEqual({ count: 1, last: now() })
    expect(profile.sections.valueOf).toEqual({ views: 0, dwellMs: 5, maxRatio: 0, last: now() })
    expect(profile.visitor.traits).toEqual({ constructor: 1, toString: 1, hasOwnProperty: 1, valueOf: 1 })
    expect(eventCount(profile, 'isPrototypeOf', MINUTE, now())).toBe(0)
    expect(eventScore(profile, 'propertyIsEnumerable', now(), DAY)).toBe(0)
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile)
  })

  it('merges traits from identify()', () => {
    const { attune } = setup()
    attune.identify({ name: 'Ada', plan: 'pro' })
    attune.identify({ plan: 'team', seats: 3 })
    expect(attune.getProfile().visitor.traits).toEqual({ name: 'Ada', plan: 'team', seats: 3 })
  })

  it('keeps untouched parts of the profile identical, so narrow selectors do not re-run', () => {
    const { attune } = setup()
    attune.record({ type: 'click', id: 'a' })
    const before = attune.getProfile()
    attune.record({ type: 'dwell', id: 'hero', ms: 10 })
    const after = attune.getProfile()
    expect(after).not.toBe(before)
    expect(after.sections).not.toBe(before.sections)
    expect(after.clicks).toBe(before.clicks)
    expect(after.scroll).toBe(before.scroll)
    expect(after.idle).toBe(before.idle)
    expect(after.context).toBe(before.context)
  })

  it('produces a JSON-serializable profile that survives a round trip', () => {
    const { attune } = setup()
    attune.record({ type: 'pageview', path: '/' })
    attune.track('signup')
    const profile = attune.getProfile()
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile)
    expect(profile.v).toBe(1)
  })
})

describe('batching', () => {
  it('commits a batch of events once, on flush, with the time each was recorded', () => {
    const now = fakeClock()
    const attune = createAttune({ now, storage: 'memory', schedule: 'manual' })
    const listener = vi.fn()
    attune.subscribe(listener)
    attune.track('a')
    now.advance(100)
    attune.track('a')
    expect(attune.getProfile().events.a).toBeUndefined()
    attune.flush()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(attune.getProfile().events.a?.recent).toEqual([now() - 100, now()])
  })

  it('commits once per animation frame in the browser schedule', () => {
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb))
    try {
      const attune = createAttune({ storage: 'memory' })
      const listener = vi.fn()
      attune.subscribe(listener)
      for (let i = 0; i < 10; i++) attune.record({ type: 'click', id: 'x' })
      expect(frames).toHaveLength(1)
      expect(listener).not.toHaveBeenCalled()
      frames.shift()!(0)
      expect(listener).toHaveBeenCalledTimes(1)
      expect(attune.getProfile().clicks.x?.count).toBe(10)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('accepts a custom scheduler', () => {
    const pending: (() => void)[] = []
    const attune = createAttune({ storage: 'memory', schedule: (commit) => pending.push(commit) })
    attune.track('a')
    attune.track('b')
    expect(pending).toHaveLength(1)
    pending[0]!()
    expect(Object.keys(attune.getProfile().events)).toEqual(['a', 'b'])
  })

  it('forces a commit when the queue is full', () => {
    const attune = createAttune({ storage: 'memory', schedule: 'manual', limits: { pending: 5 } })
    for (let i = 0; i < 4; i++) attune.track('x')
    expect(attune.getProfile().events.x).toBeUndefined()
    attune.track('x')
    expect(attune.getProfile().events.x?.count).toBe(5)
  })
})
