// Size budgets, checked by `npm test`. Measured as an app ships the code:
// esbuild, minified, gzip level 9, production mode (development warnings
// folded away), every dependency bundled except React.

/** @param {import('esbuild').BuildOptions} config */
const production = (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } })

export default [
  {
    name: 'attune/core: the whole entry, zustand bundled',
    path: 'dist/core.js',
    import: '*',
    gzip: true,
    ignore: ['react', 'react-dom'],
    modifyEsbuildConfig: production,
    limit: '6 KB',
  },
]
