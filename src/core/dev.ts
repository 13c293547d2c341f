/**
 * Diagnostics, of two kinds:
 *
 * - `devWarn`: mistakes of the developer (a bad option, an invalid event, a
 *   rule that does not validate). Always called as `if (__DEV__) devWarn(…)`:
 *   `__DEV__` is the library's one development flag (scripts/dev-flag.mjs),
 *   so in an app's production build the call and its message fold away.
 *   test/core/dev-flag.test.ts proves no message of one is left there.
 * - `warn`: problems of the visitor's data (storage that fails, a stored
 *   profile that is unreadable or newer than this build), which no developer
 *   can see in development: printed in every build.
 */

/** Prints a development warning. Call it behind the flag: `if (__DEV__) devWarn(…)`. */
export function devWarn(message: string): void {
  console.warn('[attune] ' + message)
}

/** Prints a warning in every build: for problems with stored data. */
export function warn(message: string): void {
  console.warn('[attune] ' + message)
}

/** A thrown value, as text for a message. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error'
}
