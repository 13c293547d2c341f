import type { Plugin } from 'vite'
/** The guard `__DEV__` is replaced with at each site. */
export const DEV_GUARD: string
/** Replaces `__DEV__` in the library's source (src/) with {@link DEV_GUARD}. */
export function devFlag(): Plugin
