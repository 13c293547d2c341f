// The static Storybook, built and served: shared by the static build check
// (scripts/storybook-static.mjs) and the designer's path test
// (test/storybook/designer-path.test.ts).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, extname, join, resolve, sep } from 'node:path'

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

/**
 * Builds the static Storybook into `outDir`, through the storybook binary
 * run by Node itself: no npx, no shell, no npm warnings.
 * @param {string} outDir
 * @returns {boolean} whether the build succeeded
 */
export function buildStorybook(outDir) {
  const require = createRequire(import.meta.url)
  const storybookPackage = require.resolve('storybook/package.json')
  const bin = /** @type {{ bin: string | Record<string, string> }} */ (JSON.parse(readFileSync(storybookPackage, 'utf8'))).bin
  const binPath = join(dirname(storybookPackage), typeof bin === 'string' ? bin : (bin.storybook ?? ''))
  const { status } = spawnSync(process.execPath, [binPath, 'build', '--quiet', '-o', resolve(outDir)], { stdio: 'inherit' })
  return status === 0
}

/**
 * Serves a static build on a free port of 127.0.0.1; directories get their index.html.
 * @param {string} dir
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveStatic(dir) {
  const root = resolve(dir)
  let origin = ''
  const server = createServer((request, response) => {
    void serve(request.url ?? '/', response)
  })
  /**
   * @param {string} url
   * @param {import('node:http').ServerResponse} response
   */
  async function serve(url, response) {
    let path = resolve(root, `.${decodeURIComponent(new URL(url, origin).pathname)}`)
    if (path !== root && !path.startsWith(root + sep)) {
      response.writeHead(403).end()
      return
    }
    try {
      if (path === join(root, 'favicon.ico') && !existsSync(path)) {
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
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen(undefined)))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    origin,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined))
        server.closeAllConnections()
      }),
  }
}
