/**
 * The components' variant checks: small guards, and problems reported as the
 * engine's `Diagnostic` (src/engine/diagnostics.ts), a JSON pointer into the
 * variant and a message, as rules and experiments are. Components take only
 * types from the engine: the pointer builder below is their own.
 */
import type { Diagnostic } from '../../engine/diagnostics'

export type { Diagnostic }

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
