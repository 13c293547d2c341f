import type { Duration } from '../../core/duration'
import { parseDuration } from '../../core/duration'
import { isRecord, kindOf, problem, type Diagnostic } from '../shared/variant-check'

/** Spacing of the slides, for the stylesheet (`data-density`); the layout works without one. */
export type CarouselDensity = 'comfortable' | 'compact'

export const CAROUSEL_DENSITIES: readonly CarouselDensity[] = ['comfortable', 'compact']

/** More than four slides side by side leaves each too narrow to read on most screens. */
export const MAX_PER_VIEW = 4

/**
 * The shortest time a slide stays before rotating on: under three seconds a
 * slide moves on before a visitor can read a headline and decide to act
 * (and rotation that fast reads as flicker, not content).
 */
export const MIN_INTERVAL_MS = 3000

/** A slide stays five seconds by default, as in the WAI-ARIA APG carousel example. */
export const DEFAULT_INTERVAL_MS = 5000

/** What one variant of a SmartCarousel does. Every field is optional: `{}` is a plain carousel. */
export interface CarouselVariant {
  /** Slides shown side by side, 1 to {@link MAX_PER_VIEW}; default 1. */
  perView?: number
  /**
   * Rotate the slides by themselves; default false. Under reduced motion
   * rotation never starts by itself (the rotation control can still start
   * it, as in the WAI-ARIA APG example), and it stops for good when focus
   * enters the carousel, until the rotation control restarts it (APG).
   */
  autoplay?: boolean
  /** Time each slide shows while rotating (`5000`, `"5s"`), at least {@link MIN_INTERVAL_MS} ms; default {@link DEFAULT_INTERVAL_MS} ms. */
  interval?: Duration
  /** Spacing, for the stylesheet; default `comfortable`. */
  density?: CarouselDensity
  /** Order the items by the visitor's affinities; default true. */
  personalize?: boolean
}

/** A variant with every default filled in, its interval in ms. */
export type ResolvedCarouselVariant = Required<Omit<CarouselVariant, 'interval'>> & { interval: number }

/** Why a carousel variant cannot be shown (where in it, and what), or null. */
export function checkCarouselVariant(variant: unknown): Diagnostic | null {
  if (!isRecord(variant)) return problem(`must be an object (such as { perView: 2, autoplay: true }), got ${kindOf(variant)}`)
  const { perView, autoplay, interval, density, personalize } = variant
  if (perView !== undefined && !(Number.isInteger(perView) && (perView as number) >= 1 && (perView as number) <= MAX_PER_VIEW)) {
    return problem(`has "perView" ${JSON.stringify(perView)}; expected a whole number from 1 to ${MAX_PER_VIEW}`, 'perView')
  }
  if (autoplay !== undefined && typeof autoplay !== 'boolean') return problem(`has "autoplay" ${JSON.stringify(autoplay)}; expected true or false`, 'autoplay')
  if (interval !== undefined && !((parseDuration(interval) ?? -1) >= MIN_INTERVAL_MS)) {
    return problem(
      `has "interval" ${JSON.stringify(interval)}; expected a duration (milliseconds, or a string such as "5s") ≥ ${MIN_INTERVAL_MS} ms (a slide must stay long enough to be read)`,
      'interval',
    )
  }
  if (density !== undefined && !CAROUSEL_DENSITIES.includes(density as CarouselDensity)) {
    return problem(`has an unknown "density" ${JSON.stringify(density)}; expected one of ${CAROUSEL_DENSITIES.join(', ')}`, 'density')
  }
  if (personalize !== undefined && typeof personalize !== 'boolean') return problem(`has "personalize" ${JSON.stringify(personalize)}; expected true or false`, 'personalize')
  return null
}

/** The variant with its defaults; an invalid one (even an invalid `default`) becomes the plain carousel. */
export function resolveCarouselVariant(variant: unknown): ResolvedCarouselVariant {
  const valid = checkCarouselVariant(variant) === null ? (variant as CarouselVariant) : {}
  return {
    perView: valid.perView ?? 1,
    autoplay: valid.autoplay ?? false,
    interval: (valid.interval === undefined ? null : parseDuration(valid.interval)) ?? DEFAULT_INTERVAL_MS,
    density: valid.density ?? 'comfortable',
    personalize: valid.personalize ?? true,
  }
}
