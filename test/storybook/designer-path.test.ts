// The designer's path through the real Storybook UI, manager and preview
// together: pick a segment in the toolbar and watch the component change,
// tune a variant in Controls, export its JSON, load edited JSON back (the
// Controls follow, through `updateArgs`), and edit again after the load.
//
// It runs against the static build: STORYBOOK_STATIC_DIR when set (`npm test`
// builds it once, for this and scripts/storybook-static.mjs), else a build of
// its own in .cache/storybook-designer. Every wait is on the state it checks,
// with limits generous for a loaded 2-core machine (issue 10: a fixed 10 s
// wait once failed a clean run there).
import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs'
import { buildStorybook, serveStatic } from '../../scripts/static-storybook.mjs'

/** How long one state the path waits for may take to show. Only a hang or a real failure reaches it. */
const WAIT_MS = 45_000
/** A build of its own, when `npm test` did not give one: Storybook builds in about 5 s on a quiet machine. */
const BUILD_MS = 180_000

const TUNE = '/?path=/story/components-adaptivebutton--tune&globals=arm:control'
const EXPORTED = 'Exported variants (paste them into your code)'

let browser: Browser | undefined
let server: Awaited<ReturnType<typeof serveStatic>> | undefined
let context: BrowserContext
let page: Page
let preview: FrameLocator
const problems: string[] = []

/** The Controls' field for one arg (Storybook names it `control-<arg>`). */
const control = (arg: string) => page.locator(`[id="control-${arg}"]`)
const previewButton = (name: string) => preview.getByRole('button', { name, exact: true })
/** The value of a Control, as the manager shows it. */
const controlValue = (arg: string) => control(arg).inputValue({ timeout: WAIT_MS })
const exportedJson = async () =>
  JSON.parse(await preview.getByRole('textbox', { name: EXPORTED }).inputValue({ timeout: WAIT_MS })) as Record<string, { label?: string; tone?: string }>

beforeAll(async () => {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('No Chromium found: install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.')
  let dir = process.env.STORYBOOK_STATIC_DIR
  if (!dir) {
    dir = '.cache/storybook-designer'
    mkdirSync('.cache', { recursive: true })
    if (!buildStorybook(dir)) throw new Error(`storybook build into ${dir} failed`)
  }
  server = await serveStatic(dir)
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  page = await context.newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`))
  preview = page.frameLocator('#storybook-preview-iframe')
  // The control arm, so the visitor's hashed arm does not pick the variant.
  await page.goto(server.origin + TUNE)
}, BUILD_MS)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

// One path, in order: each step starts where the one before left the UI.
describe.sequential("the designer's path in the Storybook UI", () => {
  it('the Tune story shows the default variant', async () => {
    await previewButton('Buy now').waitFor()
  })

  it('the toolbar forces the shopper segment, and the component follows', async () => {
    await page.getByRole('button', { name: /^The segment the visitor is in/ }).click()
    await page.getByRole('option', { name: 'shopper', exact: true }).click()
    await previewButton('Check out, friend').waitFor()
  })

  it("a Control edits the shopper's label", async () => {
    await control('shopper.label').fill('Go to checkout')
    await previewButton('Go to checkout').waitFor()
  })

  it('"Export variants" gives the tuned JSON', async () => {
    await preview.getByRole('button', { name: 'Export variants' }).click()
    await expect.poll(async () => (await exportedJson()).shopper?.label, { timeout: WAIT_MS }).toBe('Go to checkout')
  })

  it('"Load variants" takes edited JSON, and the Controls follow', async () => {
    const exported = await exportedJson()
    const edited = { ...exported, shopper: { ...exported.shopper, label: 'Pay now', tone: 'warning' } }
    await preview.getByRole('textbox', { name: 'Variants JSON to load' }).fill(JSON.stringify(edited, null, 2))
    await preview.getByRole('button', { name: 'Load variants' }).click()
    const button = previewButton('Pay now')
    await button.waitFor()
    await expect.poll(() => button.getAttribute('data-tone'), { timeout: WAIT_MS }).toBe('warning')
    // The manager shows what was loaded: the story sent it with updateArgs.
    await expect.poll(() => controlValue('shopper.label'), { timeout: WAIT_MS }).toBe('Pay now')
    await expect.poll(() => controlValue('shopper.tone'), { timeout: WAIT_MS }).toBe('warning')
  })

  it('a Control edited after the load applies to the loaded variants, and the export follows', async () => {
    await control('shopper.label').fill('Go to checkout')
    const button = previewButton('Go to checkout')
    await button.waitFor()
    await expect.poll(() => button.getAttribute('data-tone'), { timeout: WAIT_MS }).toBe('warning')
    await expect.poll(async () => (await exportedJson()).shopper, { timeout: WAIT_MS }).toMatchObject({ label: 'Go to checkout', tone: 'warning' })
  })

  it('the path logged no console error and threw nothing', () => {
    expect(problems).toEqual([])
  })
})
