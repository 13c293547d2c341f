// Builds the static Storybook, serves it, and opens every entry of its
// index in Chromium: each story must finish rendering (and playing) without
// a console error, an uncaught exception or Storybook's error display, and
// each docs page must render, its embedded stories included. (The designer's
// path through the Storybook UI is a test of its own:
// test/storybook/designer-path.test.ts.)
//
//   node scripts/storybook-static.mjs [output-dir] [--no-build]
//
// The output directory defaults to `storybook-static` (gitignored); `npm test`
// builds into `.cache/storybook-static`. `--no-build` checks an existing build.
// Prints one line per entry and the count checked; exits 1 when any failed.
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'
import { buildStorybook, serveStatic } from './static-storybook.mjs'

// A story ends with its play function and entrance animations (Storybook waits
// for them before STORY_FINISHED); the slowest take a few seconds on a quiet
// machine. The wait is on that event, so this limit only ends a hang: it is
// generous for a loaded 2-core machine, where a fixed 10 s once failed a
// clean run (issue 10).
const ENTRY_TIMEOUT_MS = 60_000
// Pages checked at once, each in its own browser context (own focus, storage
// and timers). More pages than cores only makes the stories compete for the
// CPU, which slows the animations they wait for.
const CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()))
// Lines kept of each console error: the message and the top of its stack.
const ERROR_LINES = 6

// Preview events that end an entry's render, or say it went wrong
// (storybook/internal/core-events).
const EVENTS = {
  finished: 'storyFinished',
  docsRendered: 'docsRendered',
  missing: 'storyMissing',
  errored: 'storyErrored',
  threw: 'storyThrewException',
  playThrew: 'playFunctionThrewException',
  unhandled: 'unhandledErrorsWhilePlaying',
}

const args = process.argv.slice(2)
const build = !args.includes('--no-build')
const outDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'storybook-static')

if (build) {
  console.log(`Building the static Storybook into ${outDir}…`)
  if (!buildStorybook(outDir)) {
    console.error('✗ storybook build failed')
    process.exit(1)
  }
}

const indexPath = join(outDir, 'index.json')
if (!existsSync(indexPath)) {
  console.error(`✗ ${indexPath} not found: build the Storybook first (drop --no-build).`)
  process.exit(1)
}
/** @typedef {{ id: string, title: string, name: string, type: 'story' | 'docs' }} Entry */
const index = /** @type {{ entries: Record<string, Entry> }} */ (JSON.parse(readFileSync(indexPath, 'utf8')))
// Docs pages are cheap to open and run the same components (MDX examples,
// embedded stories), so they are checked too.
const entries = Object.values(index.entries).filter((entry) => entry.type === 'story' || entry.type === 'docs')

const executablePath = findChromium()
if (!executablePath) {
  console.error('✗ No Chromium found: install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.')
  process.exit(1)
}

const server = await serveStatic(outDir)
const { origin } = server

/**
 * Runs in the page before Storybook: records the preview's events as the
 * channel emits them. The channel is installed by assigning
 * `__STORYBOOK_ADDONS_CHANNEL__`, so a setter catches it before any event.
 * @param {string[]} types
 */
function recordPreviewEvents(types) {
  /** @type {{ type: string, arg: unknown }[]} */
  const events = []
  /** @type {unknown} */
  let channel
  Object.defineProperty(window, '__attuneEvents', { value: events })
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next
      const on = /** @type {{ on?: (type: string, listener: (arg: unknown) => void) => void } | null} */ (next)?.on
      if (typeof on !== 'function') return
      for (const type of types) {
        on.call(next, type, (arg) => {
          // A copy, so later changes to the payload do not show; a payload
          // JSON cannot copy is kept by its type alone.
          let copy = null
          try {
            copy = JSON.parse(JSON.stringify(arg ?? null))
          } catch {
            copy = String(arg)
          }
          events.push({ type, arg: copy })
        })
      }
    },
  })
}

/**
 * Runs in the page: true once the entry is done. A story is done at
 * storyFinished (after its play function, animations and afterEach hooks);
 * a docs page at docsRendered once the stories it embeds have finished too.
 * Any error event ends the wait as well.
 * @param {{ id: string, type: string, events: typeof EVENTS }} target
 */
function entryDone({ id, type, events: names }) {
  const events = /** @type {{ type: string, arg: unknown }[] | undefined} */ (/** @type {any} */ (window).__attuneEvents) ?? []
  const failed = events.some((event) => [names.missing, names.threw, names.errored].includes(event.type))
  if (type === 'story') return failed || events.some((event) => event.type === names.finished && /** @type {{ storyId?: string }} */ (event.arg)?.storyId === id)
  if (failed) return true
  if (!events.some((event) => event.type === names.docsRendered && event.arg === id)) return false
  const renders = /** @type {{ phase?: string }[]} */ (/** @type {any} */ (window).__STORYBOOK_PREVIEW__?.storyRenders ?? [])
  return renders.every((render) => render.phase === 'finished' || render.phase === 'errored' || render.phase === 'aborted')
}

/**
 * A preview event's payload in a line: an error's name and message, or JSON.
 * @param {unknown} arg
 */
function describe(arg) {
  if (Array.isArray(arg)) return arg.map(describe).join('; ')
  const error = /** @type {{ name?: unknown, message?: unknown } | null} */ (arg)
  if (error && typeof error === 'object' && typeof error.message === 'string') return `${typeof error.name === 'string' ? error.name : 'Error'}: ${trim(error.message)}`
  return trim(JSON.stringify(arg) ?? String(arg))
}

/**
 * The failed reports of a storyFinished payload, one line each; axe's name
 * the rules broken and where.
 * @param {unknown} arg
 */
function failedReports(arg) {
  const { reporters = [] } = /** @type {{ reporters?: { type: string, status: string, result?: { violations?: { id: string, nodes?: { target?: unknown }[] }[] } }[] }} */ (arg ?? {})
  return reporters
    .filter((report) => report.status === 'failed')
    .map((report) => {
      const violations = report.result?.violations ?? []
      if (violations.length === 0) return `${report.type} failed: ${describe(report.result)}`
      const rules = violations.map(({ id, nodes = [] }) => `${id} at ${nodes.map((node) => JSON.stringify(node.target)).join(', ')}`)
      return `${report.type} failed: ${rules.join('; ')}`
    })
}

/** @param {string} text */
function trim(text) {
  const lines = text.split('\n')
  return lines.length > ERROR_LINES ? [...lines.slice(0, ERROR_LINES), '…'].join('\n') : text
}

/**
 * @param {import('playwright').Page} page
 * @param {Entry} entry
 * @returns {Promise<string[]>} what went wrong, empty when the entry is clean
 */
async function check(page, entry) {
  /** @type {string[]} */
  const problems = []
  /** @param {import('playwright').ConsoleMessage} message */
  const onConsole = (message) => {
    if (message.type() !== 'error') return
    const { url, lineNumber } = message.location()
    problems.push(`console.error: ${trim(message.text())}${url ? ` (${url.replace(origin, '')}:${lineNumber})` : ''}`)
  }
  /** @param {Error} error */
  const onPageError = (error) => problems.push(`uncaught: ${trim(error.stack ?? error.message)}`)
  page.on('console', onConsole)
  page.on('pageerror', onPageError)
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type}`)
    try {
      await page.waitForFunction(entryDone, { id: entry.id, type: entry.type, events: EVENTS }, { timeout: ENTRY_TIMEOUT_MS, polling: 50 })
    } catch {
      problems.push(`did not finish rendering within ${ENTRY_TIMEOUT_MS / 1000} s (no ${entry.type === 'story' ? EVENTS.finished : EVENTS.docsRendered} event)`)
    }
    const state = await page.evaluate(() => ({
      events: /** @type {{ type: string, arg: unknown }[]} */ (/** @type {any} */ (window).__attuneEvents ?? []),
      errorDisplay: document.body.classList.contains('sb-show-errordisplay') ? (document.getElementById('error-message')?.textContent ?? '') : null,
    }))
    for (const event of state.events) {
      if (event.type === EVENTS.missing) problems.push(`story missing or failed to load: ${describe(event.arg)}`)
      if (event.type === EVENTS.errored || event.type === EVENTS.threw) problems.push(`render failed: ${describe(event.arg)}`)
      if (event.type === EVENTS.playThrew) problems.push(`play function failed: ${describe(event.arg)}`)
      if (event.type === EVENTS.unhandled) problems.push(`unhandled errors while playing: ${describe(event.arg)}`)
      // Storybook's own verdict on the story's tests: a reporter (axe, with
      // `a11y: { test: 'error' }`) that failed in the built Storybook.
      if (event.type === EVENTS.finished) problems.push(...failedReports(event.arg))
    }
    if (state.errorDisplay !== null) problems.push(`Storybook shows its error display: ${state.errorDisplay}`)
  } finally {
    page.off('console', onConsole)
    page.off('pageerror', onPageError)
  }
  return problems
}

const started = Date.now()
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
/** @type {({ problems: string[], ms: number } | undefined)[]} */
const results = []
let printed = 0
let failures = 0

/** Prints finished results in index order, so the output is stable. */
function flush() {
  for (; printed < entries.length && results[printed]; printed++) {
    const entry = /** @type {Entry} */ (entries[printed])
    const { problems, ms } = /** @type {{ problems: string[], ms: number }} */ (results[printed])
    const label = `${entry.title} › ${entry.name}${entry.type === 'docs' ? ' (docs)' : ''} (${(ms / 1000).toFixed(1)} s)`
    if (problems.length === 0) {
      console.log(`✓ ${label}`)
    } else {
      failures++
      console.log(`✗ ${label}  [${entry.id}]`)
      for (const problem of problems) console.log(problem.replace(/^/gm, '    '))
    }
  }
}

try {
  let next = 0
  const worker = async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.addInitScript(recordPreviewEvents, Object.values(EVENTS))
    try {
      while (next < entries.length) {
        const position = next++
        const entry = /** @type {Entry} */ (entries[position])
        const entryStarted = Date.now()
        /** @type {string[]} */
        let problems
        try {
          problems = await check(page, entry)
        } catch (error) {
          problems = [`could not be checked: ${error instanceof Error ? error.message : String(error)}`]
        }
        results[position] = { problems, ms: Date.now() - entryStarted }
        flush()
      }
    } finally {
      await context.close()
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, worker))
} finally {
  await browser.close()
  await server.close()
}

const stories = entries.filter((entry) => entry.type === 'story').length
const seconds = ((Date.now() - started) / 1000).toFixed(1)
console.log(`\n${stories} stories and ${entries.length - stories} docs pages checked in the static build: ${failures === 0 ? 'all clean' : `${failures} failed`} (${seconds} s)`)
process.exitCode = failures === 0 && entries.length > 0 ? 0 : 1
