// Issue 10 (b): no timer of the library outlives its test. The dom setup keeps
// a ledger of the library's timers and ends what a test left running; these
// check that the ledger sees them, and that ending them leaves nothing to fire.
import { act, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { createAttune } from '../../src/core'
import { spyStorage } from '../support/fakes'
import { libraryTimers } from './setup'

describe('the library timer ledger of the dom tests', () => {
  it("sees the persistence write timer of an instance a test never flushed, and ends it", async () => {
    const storage = spyStorage()
    const attune = createAttune({ storage, consent: 'granted', schedule: 'sync', persistDelay: 20 })
    attune.track('x')
    const pending = libraryTimers.pending()
    expect(pending.map(({ kind }) => kind)).toEqual(['timeout'])
    expect(pending[0]?.origin).toContain('persistence.ts')
    expect(libraryTimers.endAll()).toBe(1)
    expect(libraryTimers.pending()).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(storage.calls.filter((call) => call.startsWith('set'))).toEqual([])
  })

  it("leaves the test's own timers alone, and forgets a library timer once it fired", async () => {
    const storage = spyStorage()
    const attune = createAttune({ storage, consent: 'granted', schedule: 'sync', persistDelay: 5 })
    const own = setTimeout(() => {}, 10_000)
    attune.track('x')
    expect(libraryTimers.pending()).toHaveLength(1)
    await expect.poll(() => storage.calls.includes('set attune:profile'), { timeout: 30_000 }).toBe(true)
    expect(libraryTimers.pending()).toEqual([])
    clearTimeout(own)
  })
})

describe("the dom setup's React roots", () => {
  const unmounted: string[] = []
  function Probe() {
    useEffect(() => () => void unmounted.push('probe'), [])
    return null
  }

  it('a root a test makes itself and leaves mounted…', () => {
    const container = document.createElement('div')
    document.body.append(container)
    act(() => createRoot(container).render(<Probe />))
    expect(unmounted).toEqual([])
  })

  it('…is unmounted when that test ends', () => {
    expect(unmounted).toEqual(['probe'])
  })
})
