// `__DEV__`: the one development flag of the library's source.
//
// Development warnings are written `if (__DEV__) devWarn(…)`. This plugin
// replaces the flag, at build time, with the guard every bundler folds away
// in an app's production build: `process.env.NODE_ENV` is replaced by the
// app's bundler, and the dead branch (with its message) is dropped. Where
// `process` does not exist at all (a plain `<script type="module">`) the
// guard is false instead of a crash. It is written as a conditional, not
// `typeof process !== 'undefined' && …`: esbuild folds `a ? false : false`
// away entirely, where it keeps the `typeof process` test of the `&&` form
// as a statement at every site (about 20 bytes each). The replacement is
// written out at each site, not imported as a shared constant: not every
// bundler inlines a constant across modules, so a shared one would keep
// every message.
//
// The same plugin serves the library build (vite.config.ts), Storybook
// (which merges vite.config.ts) and the tests (vitest.config.ts), so they all
// run the code as it ships; a test that stubs NODE_ENV sees production.

export const DEV_GUARD = "(typeof process !== 'undefined' ? process.env.NODE_ENV !== 'production' : false)"

/** @returns {import('vite').Plugin} */
export function devFlag() {
  return {
    name: 'attune:dev-flag',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '') || !code.includes('__DEV__')) return null
      // The flag only moves code within its line: the source map stays right to the line.
      return { code: code.replace(/\b__DEV__\b/g, DEV_GUARD), map: null }
    },
  }
}
