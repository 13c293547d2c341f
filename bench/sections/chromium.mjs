// Chromium: a page of 100 sections, each tracked with every signal hook,
// scrolled with real wheel events (Playwright `mouse.wheel`), beside the same
// page without Attune. Both pages are built with Vite (production React, the
// packed package) and served from a small static server; runs alternate
// between them, and each ratio pairs two runs taken one after the other.
//
// Figures:
// - script time while scrolling, from the DevTools protocol's Performance
//   metrics (ScriptDuration, TaskDuration; thread time), Attune ÷ plain;
// - threshold → DOM latency: the page's own scroll listener stamps the scroll
//   event in which the scroll depth first reaches each rule's threshold, a
//   MutationObserver stamps the button's variant change (performance.now);
// - React commits of the adaptive button that change nothing (its variant is
//   the one before) while the segment holds, counted with React's Profiler in
//   a profiling build of the same page (a separate run: profiling costs time);
// - long tasks over 50 ms while scrolling (PerformanceObserver 'longtask').
import { once } from 'node:events'
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { pathToFileURL } from 'node:url'
import { median, progress, quantile, report, round2, table } from '../lib/measure.mjs'

const QUICK = process.env.BENCH_QUICK === '1'
const ROOT = process.env.BENCH_ROOT ?? join(process.cwd(), '../../..')
const { findChromium, CHROMIUM_ARGS } = await import(pathToFileURL(join(ROOT, 'scripts/chromium.mjs')).href)
const { chromium } = await import('playwright')
const { build } = await import('vite')
const { default: react } = await import('@vitejs/plugin-react')

const SECTIONS = 100
const SECTION_HEIGHT = 360
const VIEWPORT = { width: 1280, height: 720 }
/** Rules at these scroll depths, each with a higher priority than the one before: each crossing changes the variant. */
const DEPTHS = [10, 20, 30, 40, 50, 60, 70, 80, 90]
/** Pairs of runs (one with Attune, one without) after a warm-up pair; wheel events per run and their size. */
const PAIRS = QUICK ? 2 : 8
const WHEELS = QUICK ? 60 : 300
const DELTA = Math.ceil((SECTIONS * SECTION_HEIGHT) / (WHEELS * 0.8))
/** Time between wheel events: about a frame, so each one scrolls in a frame of its own. */
const GAP_MS = 16
const PROFILED_RUNS = QUICK ? 1 : 2
const FRAME_MS = 1000 / 60

const APP = process.cwd()
const SRC = join(APP, 'chromium-pages')
const OUT = join(SRC, 'dist')

// ---------------------------------------------------------------- the pages
const files = {
  'harness.js': `
// Runs before the app: the page's own scroll listener and observers.
const bench = (window.__bench = { crossings: [], changes: [], longTasks: [], commits: [], ready: false, scrolling: false })
const DEPTHS = ${JSON.stringify(DEPTHS)}
let next = 0
addEventListener('scroll', () => {
  const time = performance.now()
  const height = document.documentElement.scrollHeight
  const depth = Math.min(1, (Math.max(0, scrollY) + innerHeight) / height)
  while (next < DEPTHS.length && depth >= DEPTHS[next] / 100) bench.crossings[next++] = time
}, { passive: true })
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (bench.scrolling) bench.longTasks.push(entry.duration)
}).observe({ type: 'longtask' })
export function watchButton(button) {
  new MutationObserver(() => {
    const time = performance.now()
    const key = button.getAttribute('data-variant') ?? ''
    const index = DEPTHS.indexOf(Number(key.replace('depth-', '')))
    if (index >= 0 && bench.changes[index] === undefined) bench.changes[index] = time
  }).observe(button, { attributes: true, attributeFilter: ['data-variant'] })
}
export const markReady = () => requestAnimationFrame(() => requestAnimationFrame(() => { bench.ready = true }))
`,
  'pages.jsx': `
import { Profiler, useEffect, useRef } from 'react'
import {
  AdaptiveButton, PersonalizationProvider, useClickTracking, useDwellTime, useExitIntent,
  useHoverIntent, useIdle, usePageView, useScrollDepth,
} from 'attune'
import { markReady, watchButton } from './harness.js'

const DEPTHS = ${JSON.stringify(DEPTHS)}
const IDS = Array.from({ length: ${SECTIONS} }, (_, i) => 's' + i)
const style = { height: ${SECTION_HEIGHT}, margin: 0, boxSizing: 'border-box', borderBottom: '1px solid #ccc', padding: 16 }
const RULES = { segments: DEPTHS.map((d) => ({ id: 'depth-' + d, priority: d, when: { signal: 'scroll.depth', gte: d / 100 } })) }
const VARIANTS = { default: { label: 'Depth 0' } }
for (const d of DEPTHS) VARIANTS['depth-' + d] = { label: 'Depth ' + d }

function Body({ id }) {
  return <><h2 style={{ margin: 0 }}>Section {id}</h2><p>Some text of the section {id}, long enough to wrap once or twice in a column of a page.</p></>
}

function TrackedSection({ id }) {
  const ref = useRef(null)
  useDwellTime(ref, { id })
  useHoverIntent(ref, { id })
  useClickTracking(ref, { id })
  useScrollDepth()
  useIdle()
  usePageView('/bench')
  useExitIntent()
  return <section ref={ref} style={style}><Body id={id} /></section>
}

function PlainSection({ id }) {
  const ref = useRef(null)
  return <section ref={ref} style={style}><Body id={id} /></section>
}

function Ready({ children }) {
  const ref = useRef(null)
  useEffect(() => {
    watchButton(ref.current.querySelector('button'))
    markReady()
  }, [])
  return <div ref={ref} style={{ position: 'fixed', top: 8, right: 8 }}>{children}</div>
}

const onRender = (_id, phase) => {
  const button = document.querySelector('button')
  window.__bench.commits.push({ phase, variant: button?.getAttribute('data-variant') ?? '', scrolling: window.__bench.scrolling })
}

export function AttunePage({ profiled }) {
  const button = <AdaptiveButton id="cta" variants={VARIANTS} />
  return (
    <PersonalizationProvider consent="denied" storage="memory" rules={RULES} maxVariantChanges={DEPTHS.length + 1}>
      <Ready>{profiled ? <Profiler id="adaptive" onRender={onRender}>{button}</Profiler> : button}</Ready>
      <main>{IDS.map((id) => <TrackedSection key={id} id={id} />)}</main>
    </PersonalizationProvider>
  )
}

export function PlainPage() {
  return (
    <>
      <Ready><button type="button" data-variant="default">Depth 0</button></Ready>
      <main>{IDS.map((id) => <PlainSection key={id} id={id} />)}</main>
    </>
  )
}
`,
  'plain.jsx': `import './harness.js'\nimport { createRoot } from 'react-dom/client'\nimport { PlainPage } from './pages.jsx'\ncreateRoot(document.getElementById('root')).render(<PlainPage />)\n`,
  'attune.jsx': `import './harness.js'\nimport { createRoot } from 'react-dom/client'\nimport { AttunePage } from './pages.jsx'\ncreateRoot(document.getElementById('root')).render(<AttunePage />)\n`,
  'profiled.jsx': `import './harness.js'\nimport { createRoot } from 'react-dom/profiling'\nimport { AttunePage } from './pages.jsx'\ncreateRoot(document.getElementById('root')).render(<AttunePage profiled />)\n`,
}
const PAGES = ['plain', 'attune', 'profiled']
for (const name of PAGES) {
  files[`${name}.html`] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><style>body{margin:0;font:16px sans-serif}</style></head><body><div id="root"></div><script type="module" src="./${name}.jsx"></script></body></html>\n`
}

rmSync(SRC, { recursive: true, force: true })
mkdirSync(SRC, { recursive: true })
for (const [name, text] of Object.entries(files)) writeFileSync(join(SRC, name), text)

progress('building the pages with Vite (production)')
await build({
  root: SRC,
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  plugins: [react()],
  build: { outDir: OUT, emptyOutDir: true, rollupOptions: { input: Object.fromEntries(PAGES.map((name) => [name, join(SRC, `${name}.html`)])) } },
})

// ------------------------------------------------------------------ serving
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
  const file = join(OUT, path)
  if (!file.startsWith(OUT) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
  createReadStream(file).pipe(response)
})
server.listen(0, '127.0.0.1')
await once(server, 'listening')
const base = `http://127.0.0.1:${server.address().port}`

// ---------------------------------------------------------------- the runs
const executablePath = findChromium()
if (!executablePath) throw new Error('No Chromium found: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.')
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })

const metric = (metrics, name) => metrics.metrics.find((entry) => entry.name === name)?.value ?? 0

/** One run: load the page, scroll down to the bottom and some back up and down again, with wheel events. */
async function run(name) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  await page.goto(`${base}/${name}.html`)
  await page.waitForFunction(() => window.__bench?.ready, null, { timeout: 30_000 })
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2)
  await page.evaluate(() => {
    window.__bench.scrolling = true
  })
  const before = await cdp.send('Performance.getMetrics')
  const wheels = [...Array(WHEELS).fill(DELTA), ...Array(WHEELS >> 2).fill(-DELTA), ...Array(WHEELS >> 2).fill(DELTA)]
  for (const delta of wheels) {
    await page.mouse.wheel(0, delta)
    await page.waitForTimeout(GAP_MS)
  }
  await page.waitForTimeout(300)
  const after = await cdp.send('Performance.getMetrics')
  const bench = await page.evaluate(() => {
    window.__bench.scrolling = false
    return { ...window.__bench, scrollY }
  })
  await context.close()
  const latencies = DEPTHS.map((_, i) => bench.changes[i] - bench.crossings[i]).filter((ms) => Number.isFinite(ms))
  let previous = null
  let idleCommits = 0
  for (const commit of bench.commits) {
    if (commit.scrolling && commit.phase !== 'mount' && commit.variant === previous) idleCommits++
    previous = commit.variant
  }
  return {
    scriptMs: (metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration')) * 1000,
    taskMs: (metric(after, 'TaskDuration') - metric(before, 'TaskDuration')) * 1000,
    wheels: wheels.length,
    latencies,
    crossed: bench.crossings.length,
    longTasks: bench.longTasks,
    idleCommits,
    commits: bench.commits.length,
  }
}

const runs = { plain: [], attune: [] }
const ratios = { script: [], task: [] }
const profiled = []
try {
  for (let pair = -1; pair < PAIRS; pair++) {
    const order = pair % 2 ? ['plain', 'attune'] : ['attune', 'plain']
    const result = {}
    for (const name of order) result[name] = await run(name)
    progress(`pair ${pair < 0 ? 'warm-up' : pair + 1}/${PAIRS}: script ${result.attune.scriptMs.toFixed(0)} vs ${result.plain.scriptMs.toFixed(0)} ms; crossing → DOM ${result.attune.latencies.map((ms) => ms.toFixed(1)).join(' ')} ms`)
    if (pair < 0) continue
    for (const name of order) runs[name].push(result[name])
    ratios.script.push(result.attune.scriptMs / result.plain.scriptMs)
    ratios.task.push(result.attune.taskMs / result.plain.taskMs)
  }
  for (let k = 0; k < PROFILED_RUNS; k++) profiled.push(await run('profiled'))
  progress(`profiled runs: ${profiled.map((p) => `${p.commits} commits, ${p.idleCommits} changed nothing`).join('; ')}`)
} finally {
  await browser.close()
  server.close()
}

const med = (name, key) => median(runs[name].map((r) => r[key]))
const scriptRatio = round2(median(ratios.script))
const taskRatio = round2(median(ratios.task))
const extraPerWheel = round2(median(runs.attune.map((r, i) => (r.scriptMs - runs.plain[i].scriptMs) / r.wheels)))
const latencies = runs.attune.flatMap((r) => r.latencies)
const p50 = round2(quantile(latencies, 0.5))
const p95 = round2(quantile(latencies, 0.95))
const idleCommits = profiled.reduce((sum, r) => sum + r.idleCommits, 0)
const longTasks = { attune: runs.attune.flatMap((r) => r.longTasks), plain: runs.plain.flatMap((r) => r.longTasks) }

table(
  `Chromium: ${SECTIONS} sections, ${runs.attune[0].wheels} wheel events a run, ${PAIRS} pairs of runs (thread time)`,
  ['page', 'script ms', 'task ms', 'long tasks', 'longest ms'],
  ['plain', 'attune'].map((name) => [
    name,
    round2(med(name, 'scriptMs')),
    round2(med(name, 'taskMs')),
    longTasks[name].length,
    longTasks[name].length ? round2(Math.max(...longTasks[name])) : '-',
  ]),
)
table('Attune ÷ plain, paired', ['measure', 'ratio'], [
  ['script time', scriptRatio],
  ['task time', taskRatio],
  ['extra script ms per wheel event', extraPerWheel],
])
table(`threshold-crossing scroll event → variant's DOM change (${latencies.length} crossings)`, ['p50 ms', 'p95 ms', 'max ms'], [
  [p50, p95, round2(Math.max(...latencies))],
])
table('React commits of the adaptive button that changed nothing, while scrolling (profiling build)', ['runs', 'commits', 'changed nothing'], [
  [profiled.length, profiled.reduce((sum, r) => sum + r.commits, 0), idleCommits],
])

report({
  sections: SECTIONS,
  wheelsPerRun: runs.attune[0].wheels,
  pairs: PAIRS,
  scriptMs: { plain: round2(med('plain', 'scriptMs')), attune: round2(med('attune', 'scriptMs')) },
  taskMs: { plain: round2(med('plain', 'taskMs')), attune: round2(med('attune', 'taskMs')) },
  scriptRatio,
  taskRatio,
  extraScriptMsPerWheel: extraPerWheel,
  latencyMs: { p50, p95, samples: latencies.length },
  idleCommits,
  longTasks: { attune: longTasks.attune.length, plain: longTasks.plain.length, longestMs: round2(Math.max(0, ...longTasks.attune)) },
  targets: [
    {
      measure: 'Chromium: script time while scrolling 100 tracked sections, vs without Attune',
      value: `${scriptRatio}×`,
      target: '≤ 1.10×',
      met: scriptRatio <= 1.1,
      ratio: scriptRatio,
      ciLimit: 5,
    },
    {
      measure: "threshold-crossing event → the variant's DOM change, p95",
      value: `${p95} ms (p50 ${p50} ms)`,
      target: '≤ 16.7 ms (one frame)',
      met: p95 <= FRAME_MS,
      ratio: round2(p95 / FRAME_MS),
      ciLimit: 4,
    },
    {
      measure: 'React commits of adaptive components while the segment holds',
      value: String(idleCommits),
      target: '0',
      met: idleCommits === 0,
    },
  ],
})
