import 'vitest/browser'

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Real mouse-wheel scrolling over the test frame (Playwright `mouse.wheel`). */
    wheel: (deltaX: number, deltaY: number) => Promise<void>
    /** Emulates the OS reduced-motion setting (Playwright `emulateMedia`). */
    reducedMotion: (value: 'reduce' | 'no-preference') => Promise<void>
  }
}
