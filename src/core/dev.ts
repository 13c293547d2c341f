/**
 * Diagnostics. `DEV` is false in production builds: bundlers replace
 * `process.env.NODE_ENV` in the app's build, so the checks below fold away
 * with the messages they guard.
 */
// Declared here, not through @types/node: the core must build without Node's types.
declare const process: { env: { NODE_ENV?: string } }

export const DEV: boolean = process.env.NODE_ENV !== 'production'

/** Prints a warning in every build: for problems with stored data. */
export function warn(message: string): void {
  console.warn('[attune] ' + message)
}

/** A thrown value, as text for a message. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error'
}
