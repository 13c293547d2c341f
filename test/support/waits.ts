/**
 * How long a browser test waits for the state it checks. Generous for a
 * loaded 2-core machine (issue 10: a fixed 10 s wait failed a clean run
 * there); a wait ends as soon as its state shows, so a quiet machine never
 * waits this long. `expect.poll` and `expect.element` get the same limit from
 * vitest.config.ts; `vi.waitFor` takes it as its options.
 */
export const WAIT_MS = 30_000

/** Options for `vi.waitFor`: the limit above, checked every 50 ms. */
export const WAIT = { timeout: WAIT_MS, interval: 50 } as const
