import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** zustand's entries that import React. */
const ZUSTAND_REACT = ['zustand', 'zustand/react', 'zustand/traditional', 'zustand/shallow']
/** The folders of src/, one layer each. */
const OUTSIDE = ['core', 'engine', 'analysis', 'dom', 'providers', 'hooks', 'motion', 'components']
/** Import patterns for a folder of src/ and anything in it, from anywhere below src/. */
const folder = (name) => [`**/${name}`, `**/${name}/**`]
/** @param {string} where */
const NO_REACT = (where) => ({ regex: '^(react|react-dom|framer-motion|motion|@radix-ui/.*)($|/)', message: `${where} is framework-free: no React here.` })

export default tseslint.config(
  // types/ holds ambient declarations for the library build alone (tsconfig.build.json).
  { ignores: ['dist', 'storybook-static', 'coverage', 'node_modules', '.cache', 'types', '!.storybook'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', '.ci/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
  },
  reactHooks.configs.flat['recommended-latest'] ?? reactHooks.configs.flat.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The layers (README, Development): each folder imports only from the
  // folders below it. The React entry (src/index.ts) gathers them all.
  {
    // attune/core: framework-free, the bottom layer. It runs in Node and in
    // workers, and the `attune/core` entry must never pull React in.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ZUSTAND_REACT.map((name) => ({ name, message: "src/core uses 'zustand/vanilla' and 'zustand/middleware' only: the other entries import React." })),
          patterns: [NO_REACT('src/core'), { group: ['../*'], message: 'src/core imports only from src/core: not the engine, analysis, or anything with React.' }],
        },
      ],
    },
  },
  {
    // attune/engine: framework-free; builds on the core only.
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ZUSTAND_REACT.map((name) => ({ name, message: 'src/engine is framework-free: no React bindings here.' })),
          patterns: [NO_REACT('src/engine'), { group: OUTSIDE.filter((layer) => layer !== 'core' && layer !== 'engine').flatMap(folder), message: 'src/engine imports only from src/core and src/engine.' }],
        },
      ],
    },
  },
  {
    // attune/analysis: framework-free; reads rule documents through the engine.
    files: ['src/analysis/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ZUSTAND_REACT.map((name) => ({ name, message: 'src/analysis is framework-free: no React bindings here.' })),
          patterns: [
            NO_REACT('src/analysis'),
            { group: OUTSIDE.filter((layer) => !['core', 'engine', 'analysis'].includes(layer)).flatMap(folder), message: 'src/analysis imports only from src/core and src/engine.' },
          ],
        },
      ],
    },
  },
  {
    // Hooks never import components.
    files: ['src/hooks/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: folder('components'), message: 'Hooks never import components.' }] }],
    },
  },
  {
    // The shared DOM listeners serve the hooks: they know the core, nothing of React's layers.
    files: ['src/dom/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: OUTSIDE.filter((layer) => layer !== 'core' && layer !== 'dom').flatMap(folder), message: 'src/dom imports only from src/core.' }] }],
    },
  },
  {
    // The provider sits below the hooks and components that read it.
    files: ['src/providers/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...folder('hooks'), ...folder('components')], message: 'src/providers imports neither hooks nor components: they read it.' }] }],
    },
  },
  {
    // Motion sits below the provider: the provider imports motion's setting, never the other way.
    files: ['src/motion/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...folder('providers'), ...folder('hooks'), ...folder('components')], message: 'src/motion sits below the provider, hooks and components: it imports none of them.' }] }],
    },
  },
  {
    // Components reach behavior through hooks: from core and engine they take types only.
    files: ['src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Durations are the API's unit of time, not behavior: a variant check parses them as the hooks do.
            { regex: '(^|/)(core(/(?!duration$).*)?|engine(/.*)?)$', allowTypeImports: true, message: 'Components import only types from src/core and src/engine; behavior comes through a hook (src/hooks).' },
            { group: [...folder('providers'), ...folder('analysis')], message: 'Components reach the provider through hooks (src/hooks), never directly.' },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript tooling scripts: no type information to check against.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['test/**', 'stories/**', '.storybook/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
