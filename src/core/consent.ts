/**
 * Consent to store and send behavior data. Until it is `'granted'`, the
 * profile lives in memory only and nothing leaves the page.
 */
export type Consent = 'granted' | 'denied' | 'pending'

export const CONSENT_VALUES: readonly Consent[] = ['granted', 'denied', 'pending']

interface PrivacyNavigator {
  globalPrivacyControl?: boolean
  doNotTrack?: string | null
}

/**
 * True when the browser sends Global Privacy Control (a legal opt-out in
 * several US states) or Do Not Track. Either makes the default `'denied'`.
 */
export function privacySignalOptsOut(): boolean {
  const nav = (typeof navigator === 'undefined' ? undefined : navigator) as PrivacyNavigator | undefined
  const win = (typeof window === 'undefined' ? undefined : window) as (PrivacyNavigator & object) | undefined
  return nav?.globalPrivacyControl === true || nav?.doNotTrack === '1' || win?.doNotTrack === '1'
}

/** The consent to start with: the configured one, else denied under GPC or DNT, else pending. */
export function initialConsent(configured: Consent | undefined): Consent {
  return configured ?? (privacySignalOptsOut() ? 'denied' : 'pending')
}
