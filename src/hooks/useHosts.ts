import { useContext } from 'react'
import { HostsContext, type Hosts } from '../providers/AttuneContext'

export type { Hosts }

/**
 * The provider's hosts: elements it renders after its children while some
 * component needs them (the nudge viewport). Null outside a provider. The
 * same object for the provider's life: it also keys what belongs to one
 * provider (its toasts).
 */
export function useHosts(): Hosts | null {
  return useContext(HostsContext)
}
