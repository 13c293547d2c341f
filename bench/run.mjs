// `npm run bench`: Attune beside the peers it replaces, as a user gets it.
// Builds and packs the package, installs the tarball in .cache/bench/app
// (peers and React resolve from the project's node_modules), and runs each
// section there in its own Node process, with production React. Each section
// prints its table, reports its figures and the targets of issue #11 they
// answer, and the runner writes them all to bench/results.json.
//
//   npm run bench                      every section
//   npm run bench -- rules ssr         some sections
//   npm run bench -- --no-build rules  reuse dist/ as it is
//   node bench/run.mjs --quick --no-build ssr chromium
//                                      the fast check `npm test` runs: small
//                                      runs, figures in .cache, and a failure
//                                      when a ratio passes its CI limit (a
//                                      regression of several times)
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { machine } from './lib/measure.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const APP = join(root, '.cache/bench/app')
/** In the order they run: the Chromium runs last, as the longest. */
const SECTIONS = ['rules', 'validate', 'bucketing', 'ingest', 'memory', 'ssr', 'rerender', 'bytes', 'chromium']

const args = process.argv.slice(2)
const build = !args.includes('--no-build')
const quick = args.includes('--quick')
const asked = args.filter((arg) => !arg.startsWith('--'))
const unknown = asked.filter((name) => !SECTIONS.includes(name))
if (unknown.length) {
  console.error(`Unknown section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}.`)
  process.exit(2)
}
const present = SECTIONS.filter((name) => existsSync(join(root, 'bench/sections', `${name}.mjs`)))
const missing = asked.filter((name) => !present.includes(name))
if (missing.length) {
  console.error(`No bench/sections/${missing[0]}.mjs: section ${missing.join(', ')} is not written yet.`)
  process.exit(2)
}
const run = asked.length ? asked : present

const step = (message) => console.log(`\n■ ${message}`)

if (build || !existsSync(join(root, 'dist/index.js'))) {
  step('building the package (vite build)')
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
}

step('packing it and installing the tarball in .cache/bench/app')
rmSync(join(root, '.cache/bench'), { recursive: true, force: true })
mkdirSync(join(APP, 'node_modules/attune'), { recursive: true })
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', join(root, '.cache/bench')], { cwd: root, encoding: 'utf8' }))[0]
execFileSync('tar', ['-xzf', join(root, '.cache/bench', packed.filename), '-C', join(APP, 'node_modules/attune'), '--strip-components=1'])
// The app is a package of its own, so "attune" is the tarball, not the project.
writeFileSync(join(APP, 'package.json'), JSON.stringify({ name: 'attune-bench-app', private: true, type: 'module' }, null, 2))
cpSync(join(root, 'bench'), join(APP, 'bench'), { recursive: true, filter: (path) => !path.endsWith('results.json') })
console.log(`  ${packed.filename}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed`)

const resultsPath = join(root, quick ? '.cache/bench-quick.json' : 'bench/results.json')
const previous = !quick && existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : { sections: {} }
const results = { date: new Date().toISOString(), machine: machine(), sections: { ...previous.sections } }
let failedSections = 0

for (const name of run) {
  step(`${name}`)
  const out = join(APP, `${name}.result.json`)
  const started = Date.now()
  const { status } = spawnSync(process.execPath, ['--expose-gc', join(APP, 'bench/sections', `${name}.mjs`)], {
    cwd: APP,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', BENCH_OUT: out, BENCH_ROOT: root, ...(quick ? { BENCH_QUICK: '1' } : {}) },
  })
  if (status !== 0 || !existsSync(out)) {
    console.log(`  ✗ ${name} failed (exit ${status})`)
    failedSections++
    continue
  }
  results.sections[name] = { ...JSON.parse(readFileSync(out, 'utf8')), seconds: Math.round((Date.now() - started) / 1000), date: results.date }
}

writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`)

step(quick ? 'CI limits (a ratio past its limit fails)' : 'targets (issue #11)')
let overLimit = 0
for (const [name, section] of Object.entries(results.sections)) {
  for (const check of section.targets ?? []) {
    const over = quick && typeof check.ratio === 'number' && typeof check.ciLimit === 'number' && check.ratio > check.ciLimit
    if (over) overLimit++
    const mark = quick ? (over ? '✗' : '✓') : check.met ? '✓' : '✗'
    const limit = quick && check.ciLimit !== undefined ? `, CI limit ${check.ciLimit}×` : ''
    console.log(`  ${mark} ${name}: ${check.measure}: ${check.value} (target ${check.target}${limit})${run.includes(name) ? '' : ' [from an earlier run]'}`)
  }
}
console.log(`\nWrote ${quick ? '.cache/bench-quick.json' : 'bench/results.json'} (${run.length} section${run.length === 1 ? '' : 's'} run${failedSections ? `, ${failedSections} failed` : ''}${overLimit ? `, ${overLimit} past the CI limit` : ''}).`)
process.exit(failedSections || overLimit ? 1 : 0)
