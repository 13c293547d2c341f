import { useEffect, useLayoutEffect } from 'react'

/** Layout effects run in the browser only; on the server (where React 18 warns of them) a plain effect, which never runs, stands in. */
export const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect
