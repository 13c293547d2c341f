// Ingest: events per second through the public API of the packed package
// (createAttune from attune/core, withDecisions from attune/engine with the
// rules an app has), for a realistic event mix, per schedule and consent
// state. Under consent the profile is written to a storage that counts its
// writes: gathered writes must cost little (the ratio granted / pending,
// paired slice by slice) and come at most once per persistDelay.
import { setImmediate as tick } from 'node:timers/promises'
import { createAttune, memoryStorage } from 'attune/core'
import { withDecisions } from 'attune/engine'
import { median, progress, report, round2, table } from '../lib/measure.mjs'
import { APP_EXPERIMENTS, APP_RULES, eventMix } from './event-mix.mjs'

const QUICK = process.env.BENCH_QUICK === '1'
const SLICE = QUICK ? 2_000 : 10_000
const ROUNDS = QUICK ? 8 : 30
const WARMUP = QUICK ? 2 : 5
/** The default persistDelay ("1s"): writes are gathered for that long. */
const PERSIST_DELAY_MS = 1000
/** One frame at 60 Hz: the events of a frame are committed together under 'frame'. */
const FRAME_MS = 16
/** Under 'manual' the app commits when it needs decisions: here every this many events. */
const MANUAL_EVERY = 250

// Animation frames, run by the bench at the end of each frame of events, as
// a browser would between them ('frame' uses requestAnimationFrame when there is one).
const frames = new Map()
let frameId = 0
globalThis.requestAnimationFrame = (run) => (frames.set(++frameId, run), frameId)
globalThis.cancelAnimationFrame = (id) => frames.delete(id)
const runFrames = () => {
  if (frames.size === 0) return
  const due = [...frames.values()]
  frames.clear()
  for (const run of due) run(performance.now())
}

const { events, gaps } = eventMix(50_000)

/** A storage that counts its writes (and when each was made, in real time). */
function countingStorage() {
  const inner = memoryStorage()
  const counts = { writes: 0, chars: 0, at: [] }
  return {
    counts,
    getItem: (key) => inner.getItem(key),
    setItem(key, value) {
      counts.writes++
      counts.chars += value.length
      counts.at.push(performance.now())
      inner.setItem(key, value)
    },
    removeItem: (key) => inner.removeItem(key),
    key: (index) => inner.key(index),
    get length() {
      return inner.length
    },
  }
}

const SCHEDULES = {
  sync: { option: 'sync', label: "'sync' (Node's default)" },
  frame: { option: 'frame', label: "'frame' (browsers' default)" },
  microtask: { option: (commit) => queueMicrotask(commit), label: 'queueMicrotask (a function)' },
  manual: { option: 'manual', label: `'manual', flush() every ${MANUAL_EVERY} events` },
}

/** An instance as an app makes it, with a clock that follows the visit. */
function instance(schedule, consent) {
  let t = Date.UTC(2026, 0, 5, 9)
  const storage = consent === 'granted' ? countingStorage() : null
  const attune = withDecisions(
    createAttune({ now: () => t, schedule: SCHEDULES[schedule].option, consent, ...(storage ? { storage } : { storage: memoryStorage() }) }),
    { rules: APP_RULES, experiments: APP_EXPERIMENTS },
  )
  let at = 0
  let sinceFrame = 0
  let recorded = 0
  return {
    attune,
    storage,
    /** Records the next `count` events of the mix, frame by frame. */
    run(count) {
      for (let n = 0; n < count; n++) {
        const i = at++ % events.length
        t += gaps[i]
        sinceFrame += gaps[i]
        attune.record(events[i])
        recorded++
        if (sinceFrame >= FRAME_MS) {
          sinceFrame = 0
          runFrames()
        }
        if (schedule === 'manual' && recorded % MANUAL_EVERY === 0) attune.flush()
      }
      runFrames()
    },
  }
}

const names = []
const instances = {}
for (const schedule of Object.keys(SCHEDULES)) {
  for (const consent of ['pending', 'granted']) {
    const name = `${schedule}/${consent}`
    names.push(name)
    instances[name] = instance(schedule, consent)
  }
}

progress(`ingest: ${names.length} instances, ${ROUNDS} rounds of ${SLICE} events each (after ${WARMUP} warm-up rounds)`)
const times = Object.fromEntries(names.map((name) => [name, []]))
const writes = Object.fromEntries(names.map((name) => [name, 0]))
let timedMs = 0
const started = performance.now()
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  if (round === WARMUP) {
    for (const name of names) writes[name] = instances[name].storage?.counts.writes ?? 0
    timedMs = performance.now()
  }
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + round) % names.length]
    const start = process.hrtime.bigint()
    instances[name].run(SLICE)
    const ns = Number(process.hrtime.bigint() - start)
    if (round >= WARMUP) times[name].push(ns / SLICE)
    // Between slices the event loop runs, as between a page's events: the
    // gathered write's timer fires when it is due.
    await tick()
  }
}
const elapsedMs = performance.now() - timedMs
for (const name of names) writes[name] = (instances[name].storage?.counts.writes ?? 0) - writes[name]

/** The most writes made within any persistDelay of real time (during the timed rounds). */
function mostPerWindow(at) {
  const timed = at.filter((time) => time >= timedMs)
  let most = 0
  for (let i = 0, j = 0; i < timed.length; i++) {
    while (timed[i] - timed[j] >= PERSIST_DELAY_MS) j++
    most = Math.max(most, i - j + 1)
  }
  return most
}
progress(`ingest: done in ${((performance.now() - started) / 1000).toFixed(1)} s`)

const windows = elapsedMs / PERSIST_DELAY_MS
const rows = []
const figures = {}
for (const schedule of Object.keys(SCHEDULES)) {
  const pending = times[`${schedule}/pending`]
  const granted = times[`${schedule}/granted`]
  const ratio = round2(median(granted.map((t, i) => t / pending[i])))
  const perWindow = mostPerWindow(instances[`${schedule}/granted`].storage.counts.at)
  const manual = schedule === 'manual'
  figures[schedule] = {
    eventsPerSecondPending: Math.round(1e9 / median(pending)),
    eventsPerSecondGranted: Math.round(1e9 / median(granted)),
    ratio,
    writes: writes[`${schedule}/granted`],
    writesPerPersistDelay: perWindow,
    ...(manual ? { writesOnFlush: writes[`${schedule}/granted`] } : {}),
  }
  rows.push([
    SCHEDULES[schedule].label,
    figures[schedule].eventsPerSecondPending.toLocaleString('en'),
    figures[schedule].eventsPerSecondGranted.toLocaleString('en'),
    `${ratio}×`,
    manual ? `${perWindow} (on flush())` : `${perWindow} (${writes[`${schedule}/granted`]} in all)`,
  ])
}
table(
  'Ingest: events per second, realistic mix, withDecisions with 5 rules (paired ratio granted / pending; most writes within any persistDelay)',
  ['schedule', 'pending', 'granted', 'ratio', 'writes per persistDelay'],
  rows,
)
const profile = instances['sync/granted'].attune.getProfile()
console.log(`  profile after the run: ${JSON.stringify(profile).length.toLocaleString('en')} characters of JSON; ${round2(windows)} persistDelay windows timed`)

const automatic = Object.keys(SCHEDULES).filter((schedule) => schedule !== 'manual')
const worstRatio = Math.max(...Object.keys(SCHEDULES).map((schedule) => figures[schedule].ratio))
const worstWrites = Math.max(...automatic.map((schedule) => figures[schedule].writesPerPersistDelay))
report({
  quick: QUICK,
  slice: SLICE,
  rounds: ROUNDS,
  schedules: figures,
  targets: [
    { measure: 'ingest under consent vs pending, worst schedule (paired ratio)', value: worstRatio, target: '≤ 1.2', met: worstRatio <= 1.2, ratio: worstRatio, ciLimit: 3 },
    {
      measure: 'storage writes within any persistDelay window, worst automatic schedule',
      value: worstWrites,
      target: '≤ 1',
      met: worstWrites <= 1,
      ratio: worstWrites,
      ciLimit: 3,
    },
  ],
})
