// Finds the Chromium that browser tests run in. Playwright's own browser
// download does not work on these machines, so the system Chromium is used:
// CHROMIUM_PATH when set, else the usual install locations.
import { existsSync } from 'node:fs'

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** @returns {string | null} */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  return CANDIDATES.find((path) => existsSync(path)) ?? null
}

// Flags for a headless Chromium in containers and CI: no sandbox (root), no
// GPU, /tmp instead of a small /dev/shm (the Debian wrapper's own shm check
// fails), and no background network traffic on machines without internet.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
]
