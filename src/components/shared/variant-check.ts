/**
 * The components' variant checks: small guards, and problems reported in
 * the shape of the engine's `Diagnostic` (src/engine/diagnostics.ts), a JSON
 * pointer into the variant and a message. Defined here, structurally the
 * same, until the engine's lands; components take nothing from the engine at
 * runtime.
 */

/** A problem with a variant: where in it (a JSON pointer, RFC 6901, `""` for the whole) and what. */
export interface Diagnostic {
  path: string
  message: string
}

/** Why a variant cannot be rendered, or null. */
export type VariantCheck<V> = (variant: V) => Diagnostic | null

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** A JSON pointer to `keys` in the variant: `pointer('action', 'label')` is `/action/label`. */
export const pointer = (...keys: (string | number)[]): string => keys.map((key) => '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1')).join('')

/** The problem `message` at the variant's field `keys` (none: the variant as a whole). */
export const problem = (message: string, ...keys: (string | number)[]): Diagnostic => ({ path: pointer(...keys), message })

/** What a value is, for a message: `null`, or its `typeof`. */
export const kindOf = (value: unknown): string => (value === null ? 'null' : typeof value)
