/**
 * One development flag: every development warning is written
 * `if (__DEV__) devWarn(…)`, and an app's production build keeps none of
 * their text, while its development build keeps all of it. The messages are
 * read from the source, so a new warning without the flag fails here.
 */
import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { build, type Rolldown } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'
import { devFlag } from '../../scripts/dev-flag.mjs'

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sources(path) : /\.tsx?$/.test(entry.name) ? [path] : []
  })

/** The text of a call's arguments: from `(` to its matching `)`, strings and templates included. */
function argumentsAt(code: string, open: number): string {
  let depth = 0
  let quote: string | null = null
  for (let i = open; i < code.length; i++) {
    const c = code[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
    } else if (c === '"' || c === "'" || c === '`') quote = c
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return code.slice(open + 1, i)
  }
  return code.slice(open + 1)
}

/**
 * Every `devWarn(…)` call in src/, with the longest literal part of its
 * message (a string, or the text of a template between its `${…}`): what a
 * bundle that kept the call would keep of it.
 */
const warnings = sources('src').filter((file) => !file.endsWith('core/dev.ts')).flatMap((file) => {
  const code = readFileSync(file, 'utf8')
  return [...code.matchAll(/\bdevWarn\(/g)]
    .filter((match) => !/function\s+$/.test(code.slice(0, match.index)))
    .map((match) => {
      const args = argumentsAt(code, match.index + 'devWarn'.length)
      const parts = [...args.matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)].flatMap((m) => m[2]!.split(/\$\{[^}]*\}/))
      const text = parts.reduce((longest, part) => (part.length > longest.length ? part : longest), '')
      return { file, text: text.slice(0, 40) }
    })
})
/** The ones with text long enough to look for in a bundle (others read a runtime message, such as a rule's diagnostic). */
const messages = warnings.filter(({ text }) => text.length >= 10)

/** Whether `node` runs only when `__DEV__` is true: in an `if (__DEV__ …)` branch, or after `__DEV__ &&`. */
function guarded(node: ts.Node): boolean {
  const isFlag = (expr: ts.Expression): boolean =>
    (ts.isIdentifier(expr) && expr.text === '__DEV__') ||
    (ts.isParenthesizedExpression(expr) && isFlag(expr.expression)) ||
    (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && (isFlag(expr.left) || isFlag(expr.right)))
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child && isFlag(parent.expression)) return true
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child && isFlag(parent.left)) return true
    if (ts.isFunctionLike(parent)) return false
  }
  return false
}

/** Every devWarn call in src/ that no `__DEV__` guards, as `file:line`. */
function unguardedCalls(): string[] {
  const found: string[] = []
  for (const file of sources('src')) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'devWarn' && !guarded(node)) {
        found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

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

  it('finds the development warnings in the source, nearly all with text of their own to look for', () => {
    expect(warnings.length).toBeGreaterThanOrEqual(15)
    expect(messages.length).toBeGreaterThanOrEqual(warnings.length - 2)
  })

  it('calls devWarn only behind the flag', () => {
    expect(unguardedCalls()).toEqual([])
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
