import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

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
  {
    // The core is framework-free: it runs in Node and in workers, and the
    // `attune/core` entry must never pull React in.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['zustand', 'zustand/react', 'zustand/traditional', 'zustand/shallow'].map((name) => ({
            name,
            message: "src/core uses 'zustand/vanilla' and 'zustand/middleware' only: the other entries import React.",
          })),
          patterns: [
            { regex: '^react(-dom)?($|/)', message: 'src/core is framework-free: no React here.' },
            { group: ['../*'], message: 'src/core imports only from src/core.' },
          ],
        },
      ],
    },
  },
  {
    // Hooks never import components; the DOM helpers import neither.
    files: ['src/hooks/**', 'src/dom/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/components', '**/components/*'], message: 'Hooks never import components.' }] }],
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
