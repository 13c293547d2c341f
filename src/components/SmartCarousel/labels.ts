/**
 * Every string a SmartCarousel shows or announces. Each has an English
 * default; pass `labels={{ … }}` with the ones to translate.
 */
export interface CarouselLabels {
  /** `aria-roledescription` of the carousel region: screen readers say it instead of "region" (APG). */
  carousel: string
  /** `aria-roledescription` of each slide, said instead of "group" (APG). */
  slideRole: string
  /** The name of each slide: its position, and the item's `label` when it has one. */
  slide: (n: number, total: number, label?: string) => string
  /** The previous-slide button. */
  previous: string
  /** The next-slide button. */
  next: string
  /** The rotation control while rotation is stopped (APG: the label says what activating it does). */
  start: string
  /** The rotation control while rotation is on. */
  stop: string
  /** Shown (and read) when the order follows the visitor's interests rather than the one given. */
  reason: string
}

/** The English defaults, worded as in the WAI-ARIA APG carousel examples. */
export const DEFAULT_CAROUSEL_LABELS: Readonly<CarouselLabels> = {
  carousel: 'carousel',
  slideRole: 'slide',
  slide: (n, total, label) => (label ? `${n} of ${total}: ${label}` : `${n} of ${total}`),
  previous: 'Previous slide',
  next: 'Next slide',
  start: 'Start automatic slide show',
  stop: 'Stop automatic slide show',
  reason: 'Based on your recent interest',
}

/** The region's name when none is given. */
export const DEFAULT_CAROUSEL_LABEL = 'Featured items'
