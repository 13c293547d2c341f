export declare function buildStorybook(outDir: string): boolean
export declare function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }>
