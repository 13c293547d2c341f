// Makes sure a Chromium exists for the browser tests. On a fresh Debian
// machine run as root it installs one with apt-get; otherwise it says
// exactly what to install and how to point the tests at it.
import { spawnSync } from 'node:child_process'
import { findChromium } from './chromium.mjs'

const HELP = `Browser tests need Chromium, and none was found.
Install it, then run npm test again:
  Debian/Ubuntu:  sudo apt-get install -y chromium
Or point the tests at a Chromium or Chrome you already have:
  CHROMIUM_PATH=/path/to/chromium npm test`

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
}

/** @returns {string | null} the Chromium path, or null after printing what to do */
export function ensureChromium() {
  const found = findChromium()
  if (found) return found
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.\n\n${HELP}`)
    return null
  }
  if (process.getuid?.() === 0 && hasAptGet()) {
    console.log('No Chromium found: installing it with apt-get (the browser tests need it)…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
      if (result.status !== 0) {
        console.error(`apt-get ${args.join(' ')} failed.\n\n${HELP}`)
        return null
      }
    }
    const installed = findChromium()
    if (installed) return installed
  }
  console.error(HELP)
  return null
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureChromium() ? 0 : 1)
}
