// Size budgets, checked by `npm test`. Measured as an app ships the code:
// esbuild, minified, gzip level 9, production mode (development warnings
// folded away), every dependency bundled except React.

/** @param {import('esbuild').BuildOptions} config */
const production = (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } })
const common = { gzip: true, ignore: ['react', 'react-dom'], modifyEsbuildConfig: production }

export default [
  { name: 'attune/core: the whole entry, zustand bundled', path: 'dist/core.js', import: '*', limit: '6 KB', ...common },
  { name: 'attune/engine: the whole entry', path: 'dist/engine.js', import: '*', limit: '11 KB', ...common },
  { name: 'createAttune + withDecisions (an app with rules, experiments, nudges)', import: { 'dist/core.js': '{ createAttune }', 'dist/engine.js': '{ withDecisions }' }, limit: '15.5 KB', ...common },
  { name: 'attune/analysis', path: 'dist/analysis.js', import: '*', limit: '4 KB', ...common },
]
