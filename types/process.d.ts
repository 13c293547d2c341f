// The library builds without Node's types (tsconfig.build.json); all it
// reads of `process` is the NODE_ENV that bundlers replace.
declare var process: { env: { NODE_ENV?: string } }
