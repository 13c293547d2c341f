/**
 * One development flag: every development warning is written
 * `if (__DEV__) devWarn(…)`, and an app's production build keeps none of
 * their text, while its development build keeps all of it. The messages are
 * read from the source, so a new warning without the flag fails here.
 */
import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build, type Rolldown } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'
import { devFlag } from '../../scripts/dev-flag.mjs'

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sources(path) : /\.tsx?$/.test(entry.name) ? [path] : []
  })

/** The literal start of every `devWarn(…)` message in src/: what a bundle would keep of it. */
const messages = sources('src').flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/devWarn\(\s*[`'"]((?:[^`'"$\\]|\\.){12,}?)(?:[`'"$]|$)/g)].map((match) => ({ file, text: match[1]!.slice(0, 40) })),
)
const calls = sources('src').reduce((n, file) => n + (readFileSync(file, 'utf8').match(/\bdevWarn\(/g)?.length ?? 0), 0)

/** The whole React entry (which holds every other entry), bundled as an app's bundler would in `mode`. */
async function bundle(mode: 'production' | 'development'): Promise<string> {
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [devFlag(), react()],
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    build: {
      write: false,
      minify: mode === 'production',
      lib: { entry: 'src/index.ts', formats: ['es'] },
      rolldownOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/, /^framer-motion($|\/)/, /^zustand($|\/)/, /^@radix-ui\//] },
    },
  })) as Rolldown.RolldownOutput[]
  return result.flatMap((output) => output.output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))).join('\n')
}

describe('the development flag', () => {
  let production = ''
  let development = ''
  beforeAll(async () => {
    ;[production, development] = await Promise.all([bundle('production'), bundle('development')])
  }, 120_000)

  it('finds the development warnings in the source (every devWarn call has a literal message)', () => {
    expect(messages.length).toBeGreaterThanOrEqual(10)
    expect(messages.length).toBe(calls)
  })

  it('leaves no development warning in a production build', () => {
    const kept = messages.filter(({ text }) => production.includes(text))
    expect(kept, 'messages found in the production bundle: is each behind `if (__DEV__)`?').toEqual([])
    expect(production).not.toContain('__DEV__')
    expect(production).not.toContain('NODE_ENV')
  })

  it('keeps every development warning in a development build', () => {
    const missing = messages.filter(({ text }) => !development.includes(text))
    expect(missing).toEqual([])
  })

  it('keeps the warnings of every build (stored data) in production', () => {
    expect(production).toContain('the profile is kept in memory for the rest of this page')
  })
})
