export declare const CANDIDATES: string[]
export declare function findChromium(): string | null
export declare const CHROMIUM_ARGS: string[]
