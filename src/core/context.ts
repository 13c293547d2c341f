import { emptyContext, timeOfDay, type Context, type DeviceClass, type UtmKey } from './profile'

/**
 * Widths in CSS px below which a device counts as a phone or a tablet. They
 * follow the common breakpoints (Bootstrap md/lg, Tailwind md/lg).
 */
const MOBILE_MAX_WIDTH = 768
const TABLET_MAX_WIDTH = 1024
const UTM_KEYS: UtmKey[] = ['source', 'medium', 'campaign', 'term', 'content']
/** Longest UTM value kept; longer ones are cut (they are campaign names, not data). */
const UTM_MAX_LENGTH = 100

function deviceClass(width: number, coarse: boolean): DeviceClass {
  if (!width) return 'unknown'
  if (width < MOBILE_MAX_WIDTH) return 'mobile'
  // A narrow window with a mouse is a small desktop window, not a tablet.
  return width < TABLET_MAX_WIDTH && coarse ? 'tablet' : 'desktop'
}

function originOf(url: string): string {
  try {
    return url ? new URL(url).origin : ''
  } catch {
    return ''
  }
}

/**
 * Reads the visit's context from the browser. On the server (no `window`)
 * it returns an empty context with only the clock-derived fields set.
 */
export function detectContext(now: number): Context {
  const context = emptyContext()
  const hour = new Date(now).getHours()
  context.hour = hour
  context.timeOfDay = timeOfDay(hour)
  try {
    context.timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  } catch {
    // Intl without time zone data: leave it empty.
  }
  if (typeof window === 'undefined') return context
  const width = window.innerWidth
  const coarse = typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches
  context.device = deviceClass(width, coarse)
  context.viewport = { width, height: window.innerHeight }
  context.locale = typeof navigator === 'undefined' ? '' : navigator.language || ''
  if (typeof document !== 'undefined') context.referrer = originOf(document.referrer)
  try {
    const params = new URLSearchParams(window.location.search)
    for (const key of UTM_KEYS) {
      const value = params.get('utm_' + key)
      if (value) context.utm[key] = value.slice(0, UTM_MAX_LENGTH)
    }
  } catch {
    // An opaque location (sandboxed iframe): no UTM.
  }
  return context
}
