// The API report: the public surface of each entry (attune, attune/core,
// attune/engine, attune/analysis), as API Extractor reads it from the built
// declarations, committed in api/*.api.md. `npm test` fails when the surface
// differs from the committed report, so every change to it shows in review;
// `npm run api` (after `npm run build`) writes the new report to commit.
//
//   node scripts/api-report.mjs           check (CI): fail on any difference
//   node scripts/api-report.mjs --update  write api/*.api.md
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const update = process.argv.includes('--update')
const ENTRIES = [
  ['attune', 'dist/index.d.mts'],
  ['attune-core', 'dist/core.d.mts'],
  ['attune-engine', 'dist/engine.d.mts'],
  ['attune-analysis', 'dist/analysis.d.mts'],
]

mkdirSync('api', { recursive: true })
mkdirSync('.cache/api', { recursive: true })
let failed = 0
for (const [name, entry] of ENTRIES) {
  if (!existsSync(entry)) {
    console.error(`✗ ${entry} is missing: run \`npm run build\` first.`)
    failed++
    continue
  }
  const config = ExtractorConfig.prepare({
    packageJsonFullPath: resolve('package.json'),
    configObjectFullPath: resolve('api', `${name}.json`),
    configObject: {
      projectFolder: resolve('.'),
      mainEntryPointFilePath: resolve(entry),
      compiler: { overrideTsconfig: { compilerOptions: { lib: ['ES2022', 'DOM', 'DOM.Iterable'], skipLibCheck: true, strict: true, moduleResolution: 'bundler', module: 'ESNext', target: 'ES2022', jsx: 'react-jsx' }, files: [resolve(entry)] } },
      apiReport: { enabled: true, reportFileName: `${name}.api.md`, reportFolder: resolve('api'), reportTempFolder: resolve('.cache/api') },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // The report is the point here; doc-comment style is not checked.
        extractorMessageReporting: { default: { logLevel: 'none' }, 'ae-missing-release-tag': { logLevel: 'none' } },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
        compilerMessageReporting: { default: { logLevel: 'warning' } },
      },
    },
  })
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false, messageCallback: (message) => { if (message.logLevel === 'none') message.handled = true } })
  if (result.apiReportChanged && !update) {
    console.error(`✗ the public surface of ${name} differs from api/${name}.api.md. Review the change, then run \`npm run api\` and commit the report (and a CHANGELOG entry).`)
    console.error(`  The new report: .cache/api/${name}.api.md`)
    failed++
  } else if (!result.succeeded && !update) {
    console.error(`✗ API Extractor failed on ${entry} (${result.errorCount} errors).`)
    failed++
  } else {
    const lines = readFileSync(resolve('api', `${name}.api.md`), 'utf8').split('\n').length
    console.log(`✓ ${name}: api/${name}.api.md ${update && result.apiReportChanged ? 'updated' : 'matches'} (${lines} lines)`)
  }
}
process.exit(failed ? 1 : 0)
