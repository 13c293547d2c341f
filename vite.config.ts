import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import dts from 'vite-plugin-dts'

/** Peer dependencies and their subpaths stay external: the app brings its own copy. */
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^framer-motion($|\/)/, /^motion($|\/)/, /^zustand($|\/)/, /^@radix-ui\//]

export default defineConfig({
  plugins: [
    react(),
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
      entry: { index: 'src/index.ts', core: 'src/core/index.ts', engine: 'src/engine.ts', analysis: 'src/analysis.ts' },
      formats: ['es', 'cjs'],
      fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    // src/index.ts opens with 'use client' (the React entry runs on the
    // client only, for React Server Components); Rolldown keeps the directive
    // at the top of the emitted entry, and out of the shared core chunk.
    rolldownOptions: { external },
  },
})
