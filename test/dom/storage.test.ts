import { afterEach, describe, expect, it } from 'vitest'
import { createAttune } from '../../src/core'

afterEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

describe('browser storage', () => {
  it('uses localStorage by default', () => {
    const attune = createAttune({ consent: 'granted', schedule: 'sync', persistDelay: 0 })
    attune.track('x')
    expect(Object.keys(localStorage)).toEqual(['attune:profile'])
    expect(sessionStorage.length).toBe(0)
  })

  it('uses sessionStorage when asked', () => {
    const attune = createAttune({ storage: 'session', consent: 'granted', schedule: 'sync', persistDelay: 0 })
    attune.track('x')
    expect(Object.keys(sessionStorage)).toEqual(['attune:profile'])
    expect(localStorage.length).toBe(0)
  })

  it('honors a custom key prefix, and forget() removes only its own keys', () => {
    localStorage.setItem('other-app', 'keep')
    localStorage.setItem('attune:profile', 'another instance of Attune, another prefix')
    const attune = createAttune({ storageKey: 'shop', consent: 'granted', schedule: 'sync', persistDelay: 0 })
    attune.track('x')
    expect(localStorage.getItem('shop:profile')).toContain('"x"')
    attune.forget()
    expect(Object.keys(localStorage).sort()).toEqual(['attune:profile', 'other-app'])
  })

  it('writes a pending change at once when the page goes away', () => {
    const attune = createAttune({ consent: 'granted', persistDelay: 60_000 })
    attune.track('last-click-before-leaving')
    // Queued for the next frame, which never comes: the page is unloading.
    expect(localStorage.getItem('attune:profile')).toBeNull()
    window.dispatchEvent(new Event('pagehide'))
    expect(localStorage.getItem('attune:profile')).toContain('last-click-before-leaving')
  })
})
