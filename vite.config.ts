import react from '@vitejs/plugin-react'
import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'
import dts from 'vite-plugin-dts'
import { devFlag } from './scripts/dev-flag.mjs'

/** Peer dependencies and their subpaths stay external: the app brings its own copy. */
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^framer-motion($|\/)/, /^motion($|\/)/, /^zustand($|\/)/, /^@radix-ui\//]

/** `attune/styles.css`: the optional stylesheet, shipped as it is written. */
const stylesheet: Plugin = {
  name: 'attune:stylesheet',
  apply: 'build',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync('src/styles.css', 'utf8') })
  },
}

export default defineConfig({
  plugins: [
    devFlag(),
    react(),
    stylesheet,
    dts({
      tsconfigPath: './tsconfig.build.json',
      bundleTypes: true,
      outDirs: [
        { dir: 'dist', moduleFormat: 'esm' },
        { dir: 'dist', moduleFormat: 'cjs' },
      ],
    }),
  ],
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: { index: 'src/index.ts', core: 'src/core/index.ts', engine: 'src/engine/index.ts', analysis: 'src/analysis/index.ts' },
      formats: ['es', 'cjs'],
      fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    // src/index.ts opens with 'use client' (the React entry runs on the
    // client only, for React Server Components); Rolldown keeps the directive
    // at the top of the emitted entry, and out of the shared core chunk.
    // One file per source module: an app's bundler drops the modules it does
    // not use (package.json: only CSS has side effects), where one chunk kept every
    // component's top-level code (forwardRef, createContext calls).
    // No constant inlined across modules: where Rolldown inlined one
    // (PROFILE_VERSION into persistence.js) it left a bare
    // `import "./profile.js"` behind, which app bundlers warn about (the
    // module has no side effects), and the app's minifier inlines anyway.
    rolldownOptions: { external, optimization: { inlineConst: false }, output: { preserveModules: true, preserveModulesRoot: 'src' } },
  },
})
