// Builds the static Storybook, serves it, and opens every entry of its
// index in Chromium: each story must finish rendering (and playing) without
// a console error, an uncaught exception or Storybook's error display, and
// each docs page must render, its embedded stories included.
//
//   node scripts/storybook-static.mjs [output-dir] [--no-build]
//
// The output directory defaults to `storybook-static` (gitignored); `npm test`
// builds into `.cache/storybook-static`. `--no-build` checks an existing build.
// Prints one line per entry and the count checked; exits 1 when any failed.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'

// A story ends with its play function and entrance animations (Storybook waits
// for them before STORY_FINISHED); the slowest here take a few seconds, so
// only a hang reaches this.
const ENTRY_TIMEOUT_MS = 20_000
// Pages checked at once, each in its own browser context (own focus, storage
// and timers). More pages than cores only makes the stories compete for the
// CPU, which slows the animations they wait for.
const CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()))
// Lines kept of each console error: the message and the top of its stack.
const ERROR_LINES = 6

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

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
  // The storybook binary through Node itself: no npx, no shell, no npm warnings.
  const require = createRequire(import.meta.url)
  const storybookPackage = require.resolve('storybook/package.json')
  const bin = /** @type {{ bin: string | Record<string, string> }} */ (JSON.parse(readFileSync(storybookPackage, 'utf8'))).bin
  const binPath = join(dirname(storybookPackage), typeof bin === 'string' ? bin : (bin.storybook ?? ''))
  console.log(`Building the static Storybook into ${outDir}…`)
  const { status } = spawnSync(process.execPath, [binPath, 'build', '--quiet', '-o', outDir], { stdio: 'inherit' })
  if (status !== 0) {
    console.error(`✗ storybook build failed (exit ${status})`)
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

const server = createServer((request, response) => {
  void serve(request.url ?? '/', response)
})
await new Promise((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen(undefined)))
const address = server.address()
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

/**
 * Serves a file of the build; directories get their index.html.
 * @param {string} url
 * @param {import('node:http').ServerResponse} response
 */
async function serve(url, response) {
  let path = resolve(outDir, `.${decodeURIComponent(new URL(url, origin).pathname)}`)
  if (path !== outDir && !path.startsWith(outDir + sep)) {
    response.writeHead(403).end()
    return
  }
  try {
    if (path === join(outDir, 'favicon.ico') && !existsSync(path)) {
      // Chromium asks for /favicon.ico on every top-level page; Storybook's
      // pages name favicon.svg instead. Nothing, rather than a 404 that
      // Chromium logs as a console error.
      response.writeHead(204).end()
      return
    }
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html')
    const body = await readFile(path)
    response.writeHead(200, { 'content-type': CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(path))] ?? 'application/octet-stream' })
    response.end(body)
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
  }
}

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

/** How long one step of the designer's path may take. */
const STEP_TIMEOUT_MS = 10_000

/**
 * The designer's path through the real Storybook UI, manager and preview
 * together, as the issue's "done when" puts it: pick a segment in the
 * toolbar and watch the component change, tune a variant in Controls, copy
 * out its JSON, and load edited JSON back (the Controls follow).
 * @param {import('playwright').Browser} browser
 * @returns {Promise<string[]>} what went wrong, empty when the path works
 */
async function designerPath(browser) {
  /** @type {string[]} */
  const problems = []
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(STEP_TIMEOUT_MS)
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${trim(message.text())}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${trim(error.stack ?? error.message)}`))
  const preview = page.frameLocator('#storybook-preview-iframe')
  /** @param {string} what @param {() => Promise<unknown>} run */
  const step = async (what, run) => {
    try {
      await run()
      return true
    } catch (error) {
      problems.push(`${what}: ${trim(error instanceof Error ? error.message : String(error))}`)
      return false
    }
  }
  /** The Controls' text box for one field of one variant (Storybook names it `control-<arg>`). */
  const control = (/** @type {string} */ arg) => page.locator(`[id="control-${arg}"]`)
  try {
    // The control arm, so the visitor's hashed arm does not pick the variant.
    await page.goto(`${origin}/?path=/story/components-adaptivebutton--tune&globals=arm:control`)
    const ok =
      (await step('the Tune story shows the default variant', () => preview.getByRole('button', { name: 'Buy now', exact: true }).waitFor())) &&
      (await step('the toolbar forces the shopper segment', async () => {
        await page.getByRole('button', { name: /^The segment the visitor is in/ }).click()
        await page.getByRole('option', { name: 'shopper', exact: true }).click()
        await preview.getByRole('button', { name: 'Check out, friend', exact: true }).waitFor()
      })) &&
      (await step("a Control edits the shopper's label", async () => {
        await control('shopper.label').fill('Go to checkout')
        await preview.getByRole('button', { name: 'Go to checkout', exact: true }).waitFor()
      }))
    if (!ok) return problems
    /** @type {Record<string, Record<string, unknown>>} */
    let exported = {}
    const exportedOk = await step('"Export variants" gives the tuned JSON', async () => {
      await preview.getByRole('button', { name: 'Export variants' }).click()
      exported = JSON.parse(await preview.getByRole('textbox', { name: 'Exported variants (paste them into your code)' }).inputValue())
      if (exported.shopper?.label !== 'Go to checkout') throw new Error(`the exported shopper label is ${JSON.stringify(exported.shopper?.label)}`)
    })
    if (!exportedOk) return problems
    const loaded = await step('"Load variants" takes edited JSON, and the Controls follow', async () => {
      const edited = { ...exported, shopper: { ...exported.shopper, label: 'Pay now', tone: 'warning' } }
      await preview.getByRole('textbox', { name: 'Variants JSON to load' }).fill(JSON.stringify(edited, null, 2))
      await preview.getByRole('button', { name: 'Load variants' }).click()
      const button = preview.getByRole('button', { name: 'Pay now', exact: true })
      await button.waitFor()
      if ((await button.getAttribute('data-tone')) !== 'warning') throw new Error(`the loaded button's tone is ${await button.getAttribute('data-tone')}`)
      await page.waitForFunction(() => /** @type {HTMLTextAreaElement | null} */ (document.getElementById('control-shopper.label'))?.value === 'Pay now')
      await page.waitForFunction(() => /** @type {HTMLSelectElement | null} */ (document.getElementById('control-shopper.tone'))?.value === 'warning')
    })
    if (!loaded) return problems
    await step('a Control edited after the load applies to the loaded variants, and the export follows', async () => {
      await control('shopper.label').fill('Go to checkout')
      const button = preview.getByRole('button', { name: 'Go to checkout', exact: true })
      await button.waitFor()
      if ((await button.getAttribute('data-tone')) !== 'warning') throw new Error(`the tone went back to ${await button.getAttribute('data-tone')}`)
      const json = JSON.parse(await preview.getByRole('textbox', { name: 'Exported variants (paste them into your code)' }).inputValue())
      if (json.shopper?.label !== 'Go to checkout' || json.shopper?.tone !== 'warning') throw new Error(`the export shows ${JSON.stringify(json.shopper)}`)
    })
  } finally {
    await context.close()
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
  const pathStarted = Date.now()
  const problems = await designerPath(browser)
  const label = `Designer's path in the Storybook UI: toolbar segment, Controls, export, load, edit after load (${((Date.now() - pathStarted) / 1000).toFixed(1)} s)`
  if (problems.length === 0) {
    console.log(`✓ ${label}`)
  } else {
    failures++
    console.log(`✗ ${label}`)
    for (const problem of problems) console.log(problem.replace(/^/gm, '    '))
  }
} finally {
  await browser.close()
  server.close()
}

const stories = entries.filter((entry) => entry.type === 'story').length
const seconds = ((Date.now() - started) / 1000).toFixed(1)
console.log(`\n${stories} stories, ${entries.length - stories} docs pages and the designer's path checked in the static build: ${failures === 0 ? 'all clean' : `${failures} failed`} (${seconds} s)`)
process.exitCode = failures === 0 && entries.length > 0 ? 0 : 1
