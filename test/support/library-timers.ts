/**
 * A ledger of the timers the library starts, for test environments that are
 * torn down after each file (jsdom). Issue 10 (b): a persistence write timer
 * outlived test/dom/smart-carousel.test.tsx and fired into a torn-down jsdom,
 * failing a run in which every test passed. The library ends its own timers
 * where it can (unmount, flush, cancel); this ends what a test left running,
 * say an instance it made and never flushed, before the environment goes.
 *
 * A timer is the library's when the code that called `setTimeout` or
 * `setInterval` lives in `src/`; the test's own timers, jsdom's, Testing
 * Library's and React's are left alone.
 */
import { dirname, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

// From a string: under jsdom, the global URL is jsdom's, which Node's fileURLToPath refuses.
const LIBRARY = resolve(dirname(fileURLToPath(import.meta.url)), '../../src') + sep

type Handle = ReturnType<typeof setTimeout>
type Kind = 'timeout' | 'interval'

export interface TimerLedger {
  /** The library's timers still pending, by where they were started. */
  pending(): { kind: Kind; origin: string }[]
  /** Ends every pending library timer; returns how many there were. */
  endAll(): number
  /** Puts the real timer functions back. */
  uninstall(): void
}

/** The caller's frame when it is library code: the line past "Error" and the wrapper itself. */
const fromLibrary = (stack: string | undefined) => {
  const caller = (stack ?? '').split('\n')[2]?.trim() ?? ''
  return caller.includes(LIBRARY) && !caller.includes('node_modules') ? caller : null
}

/** Wraps the global `setTimeout` and `setInterval` (and their clears) to keep the ledger. */
export function installTimerLedger(): TimerLedger {
  const real = { setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval, clearTimeout: globalThis.clearTimeout, clearInterval: globalThis.clearInterval }
  const live = new Map<Handle, { kind: Kind; origin: string }>()

  const wrap = <F extends typeof setTimeout | typeof setInterval>(start: F, kind: Kind): F => {
    const wrapper = (handler: unknown, ms?: number, ...args: unknown[]) => {
      const origin = fromLibrary(new Error().stack)
      if (origin === null || typeof handler !== 'function') return (start as (...a: unknown[]) => Handle)(handler, ms, ...args)
      const id: Handle = (start as (...a: unknown[]) => Handle)(
        (...callArgs: unknown[]) => {
          if (kind === 'timeout') live.delete(id)
          ;(handler as (...a: unknown[]) => void)(...callArgs)
        },
        ms,
        ...args,
      )
      live.set(id, { kind, origin })
      return id
    }
    // Keeps what Node hangs on the originals (util.promisify's custom form).
    Object.defineProperties(wrapper, Object.getOwnPropertyDescriptors(start))
    return wrapper as unknown as F
  }
  const unwrapClear = (clear: typeof clearTimeout) => (id?: Parameters<typeof clearTimeout>[0]) => {
    live.delete(id as Handle)
    clear(id)
  }

  globalThis.setTimeout = wrap(real.setTimeout, 'timeout')
  globalThis.setInterval = wrap(real.setInterval, 'interval')
  globalThis.clearTimeout = unwrapClear(real.clearTimeout)
  globalThis.clearInterval = unwrapClear(real.clearInterval)

  return {
    pending: () => [...live.values()],
    endAll() {
      const count = live.size
      for (const [id, { kind }] of live) (kind === 'timeout' ? real.clearTimeout : real.clearInterval)(id)
      live.clear()
      return count
    },
    uninstall() {
      Object.assign(globalThis, real)
    },
  }
}
