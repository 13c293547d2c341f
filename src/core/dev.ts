/**
 * Diagnostics.
 *
 * Development-only messages are guarded where they are written, by
 * `typeof process !== 'undefined' && process.env.NODE_ENV !== 'production'`,
 * spelled out at each place: bundlers replace `process.env.NODE_ENV` in the
 * app's production build, and the guarded message then folds away, whichever
 * bundler it is (a shared `DEV` constant is not inlined across modules by all
 * of them). Where `process` does not exist at all (a plain
 * `<script type="module">`), the guard is false, instead of a crash.
 */
/** Prints a warning in every build: for problems with stored data. */
export function warn(message: string): void {
  console.warn('[attune] ' + message)
}

/** A thrown value, as text for a message. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error'
}
