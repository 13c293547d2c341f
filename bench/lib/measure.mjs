// Measuring helpers shared by the bench sections. Claims are ratios between
// engines measured in one run, slice by slice, never absolute times: a
// shared 2-core machine changes speed from one second to the next, and
// interleaving the engines' slices lets every ratio pair two slices taken
// under the same load.
import { writeFileSync } from 'node:fs'
import os from 'node:os'

/** A line of progress on stderr, so stdout stays the section's table. */
export const progress = (message) => process.stderr.write(`  … ${message}\n`)

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

/** Keeps a value alive so the work that made it is not optimized away. */
let sink = 0
export const keep = (value) => {
  sink = (sink + (value === true ? 1 : typeof value === 'number' ? value : value ? 2 : 0)) | 0
}
export const kept = () => sink

/**
 * Times `engines` (name → function running `ops` operations, given the
 * round's index) over `rounds` rounds; within a round every engine runs once,
 * in an order that rotates from round to round. Returns, per engine, the
 * median ns per operation and, against `baseline`, the median of the
 * per-round ratios (paired: both slices of a ratio ran one after the other).
 */
export function interleave({ engines, baseline, rounds = 15, warmup = 3, ops }) {
  const names = Object.keys(engines)
  const times = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length]
      const start = process.hrtime.bigint()
      engines[name](round)
      const ns = Number(process.hrtime.bigint() - start)
      if (round >= warmup) times[name].push(ns / ops)
    }
  }
  const out = {}
  for (const name of names) {
    out[name] = { nsPerOp: round2(median(times[name])) }
    if (baseline && name !== baseline) out[name].ratio = round2(median(times[name].map((t, i) => t / times[baseline][i])))
  }
  return out
}

export const round2 = (n) => Math.round(n * 100) / 100

/** The machine a figure was taken on. */
export const machine = () => ({
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  load: os.loadavg().map(round2),
})

/** Writes the section's result where the runner reads it (BENCH_OUT). */
export function report(result) {
  const out = process.env.BENCH_OUT
  if (out) writeFileSync(out, JSON.stringify(result, null, 2))
  else console.log(JSON.stringify(result, null, 2))
}

/** A table on stdout: rows of [label, ...cells]. */
export function table(title, header, rows) {
  const all = [header, ...rows].map((row) => row.map(String))
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)))
  console.log(`\n${title}`)
  for (const [n, row] of all.entries()) {
    console.log(row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '))
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
}
