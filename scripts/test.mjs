// `npm test`: every check the project makes, in order, then the totals on a
// line of their own: "N passed, N failed". Each Vitest test counts as one,
// and so does each other check (typecheck, lint, storybook-build, build,
// api report, publint, attw, size, storybook-static).
// Skipped tests count as failed: nothing here is skipped silently.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { ensureChromium } from './ensure-chromium.mjs'

const REPORT = '.cache/vitest-report.json'
const STORYBOOK = '.cache/storybook-static'

const checks = [
  // The second pass checks the library alone, without Node's types.
  ['typecheck', 'tsc --noEmit && tsc --noEmit -p tsconfig.build.json'],
  ['lint', 'eslint .'],
  // Built once, before the tests: the designer's path test
  // (test/storybook/designer-path.test.ts) drives its UI, and the
  // storybook-static check below opens every entry of it.
  ['storybook-build', `storybook build --quiet -o ${STORYBOOK}`],
  ['tests', `vitest run --reporter=default --reporter=json --outputFile.json=${REPORT}`],
  ['build', 'vite build'],
  // The public surface against the committed report (api/*.api.md): a change shows in review.
  ['api report', 'node scripts/api-report.mjs'],
  ['publint', 'publint --strict'],
  ['attw', 'attw --pack . --exclude-entrypoints ./styles.css'],
  ['size', 'size-limit'],
  // Issue 11's ratios that a regression of several times must not pass
  // unnoticed: server rendering against plain buttons, and Chromium's script
  // time while scrolling against the page without Attune. Small runs of the
  // bench's sections on the packed package, with generous limits.
  ['perf', 'node bench/run.mjs --quick --no-build ssr chromium'],
  // Opens every story and docs page of the static Storybook in Chromium.
  ['storybook-static', `node scripts/storybook-static.mjs ${STORYBOOK} --no-build`],
]

let passed = 0
let failed = 0
// Whether the static Storybook was built: the tests and the storybook-static check use that build.
let built = false
const summary = []

const chromium = ensureChromium()
if (chromium) {
  process.env.CHROMIUM_PATH = chromium
} else {
  summary.push('✗ chromium: missing (see above)')
  failed++
}

mkdirSync('.cache', { recursive: true })
for (const [name, command] of checks) {
  if ((name === 'tests' || name === 'storybook-static' || name === 'perf') && !chromium) continue
  // The static build failed (counted above): nothing to open.
  if (name === 'storybook-static' && !built) continue
  console.log(`\n▶ ${name}: ${command}`)
  const started = Date.now()
  if (name === 'tests') rmSync(REPORT, { force: true })
  const env = { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...(built ? { STORYBOOK_STATIC_DIR: STORYBOOK } : {}) }
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true, env })
  if (name === 'storybook-build') built = status === 0
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (name === 'tests') {
    /** @type {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number } | null} */
    let report = null
    try {
      report = /** @type {typeof report} */ (JSON.parse(readFileSync(REPORT, 'utf8')))
    } catch {
      // Vitest did not get as far as reporting.
    }
    if (report) {
      const skipped = report.numPendingTests + report.numTodoTests
      passed += report.numPassedTests
      failed += report.numFailedTests + skipped
      const broken = status !== 0 && report.numFailedTests === 0 ? 1 : 0 // a failed file or setup, with no test to blame
      failed += broken
      summary.push(`${status === 0 && skipped === 0 ? '✓' : '✗'} tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped (${seconds} s)`)
    } else {
      failed++
      summary.push(`✗ tests: Vitest ended without a report (${seconds} s)`)
    }
  } else {
    if (status === 0) passed++
    else failed++
    summary.push(`${status === 0 ? '✓' : '✗'} ${name} (${seconds} s)`)
  }
}

console.log(`\n${summary.join('\n')}\n`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
