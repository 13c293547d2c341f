/**
 * Whether the page is hidden now (a background tab, a page being left). Read
 * when asked, never once at load: a page may be created and torn down where
 * there is no document (a server, a closed test environment).
 */
export const pageHidden = (): boolean => typeof document !== 'undefined' && document.visibilityState === 'hidden'
