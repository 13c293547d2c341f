// The development flag (scripts/dev-flag.mjs): true in development builds and
// tests, false in an app's production build, where what it guards folds away.
declare const __DEV__: boolean
