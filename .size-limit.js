// Size budgets, checked by `npm test`: today's figures with a hair of room,
// so that any growth is a decision written down here.
//
// Version 0.1's budgets were core 6, engine 11, createAttune + withDecisions
// 16, provider + button 20 and every component 46 kB. Issue 10 (0.2.0)
// built three things those budgets did not hold: the engine in parts
// (+1.3 kB minified over the one closure), the profile declared once as data
// that the sanitizer, the merge, the aggregator, the event checks and the
// rule signals read (+0.8 kB), and writeState with its commit queue and JSON
// copy (+1.1 kB); about +1 kB gzip in an app with rules. Two rounds of
// trimming won back what could be won without undoing them (every bundle
// 0.2 to 0.3 kB). The budget that matters to users, what Attune adds to a
// shop page against its peers, is issue 11's; never raise these without
// saying why here. Measured as an app ships the code:
// esbuild, minified, gzip level 9, production mode (development warnings
// folded away), every dependency bundled except React.

/**
 * What a component imports dynamically (the animation code, Radix Toast's
 * part of the viewport) is a separate chunk, fetched when first needed: a
 * first load does not carry it, so the first-load check leaves it out, and
 * other checks weigh those chunks.
 * @type {import('esbuild').Plugin}
 */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined))
  },
}

/**
 * size-limit leaves every peer dependency out of the bundle on its own; an
 * app ships them, so only React (which every app has anyway) stays out.
 * @param {import('esbuild').BuildOptions} config
 */
const production = (config) => ({ ...config, external: ['react', 'react-dom'], define: { ...config.define, 'process.env.NODE_ENV': '"production"' } })
/** @param {import('esbuild').BuildOptions} config */
const firstLoad = (config) => ({ ...production(config), plugins: [...(config.plugins ?? []), lazyChunks] })
const common = { gzip: true, ignore: ['react', 'react-dom'], modifyEsbuildConfig: production }

export default [
  { name: 'attune/core: the whole entry, zustand bundled', path: 'dist/core.js', import: '*', limit: '6.7 KB', ...common },
  { name: 'attune/engine: the whole entry', path: 'dist/engine.js', import: '*', limit: '11.95 KB', ...common },
  { name: 'createAttune + withDecisions (an app with rules, experiments, nudges)', import: { 'dist/core.js': '{ createAttune }', 'dist/engine.js': '{ withDecisions }' }, limit: '16.8 KB', ...common },
  { name: 'attune/analysis', path: 'dist/analysis.js', import: '*', limit: '4 KB', ...common },
  {
    name: 'PersonalizationProvider + AdaptiveButton, first load (framer-motion features load later)',
    path: 'dist/index.js',
    import: '{ PersonalizationProvider, AdaptiveButton }',
    limit: '20.4 KB',
    ...common,
    modifyEsbuildConfig: firstLoad,
  },
  {
    // Issue 11: 46.52 kB while the components rendered framer-motion's `m`
    // components and Radix Toast at mount; the animation code and Radix
    // Toast now load on the first animation and the first toast (below).
    name: 'every component, first load (animation code and Radix Toast load later)',
    import: { 'dist/index.js': '{ PersonalizationProvider, AdaptiveButton, NudgeToast, NudgeViewport, SmartCarousel, Adaptive, AdaptiveHint }' },
    limit: '29.75 KB',
    ...common,
    modifyEsbuildConfig: firstLoad,
  },
  { name: "the button's animation, loaded on its first play", import: { 'dist/motion/play.js': '{ play }' }, limit: '4.5 KB', ...common },
  {
    name: "the components' animations (entrances, slide, reorder), loaded on the first animation",
    import: { 'dist/motion/animations.js': '{ enter, move }' },
    limit: '5.35 KB',
    ...common,
  },
  {
    name: 'Radix Toast and the toasts, loaded with the first toast (their animations apart)',
    import: { 'dist/components/NudgeToast/ToastLayer.js': '{ ToastLayer }' },
    limit: '14.4 KB',
    ...common,
    modifyEsbuildConfig: firstLoad,
  },
]
