/**
 * The engine's records in `profile.state`: each part keeps one object of
 * entries by id there (`exposed`, `converted`, `nudges`, `variants`,
 * `rotation`). One reader for all of them, so that a record damaged in
 * storage (not an object) reads as empty everywhere the same way.
 */
import { isObject } from '../core/guards'
import type { Json, Profile } from '../core/profile'

/** The entries kept under `key` in the profile's state; empty when there are none or they are not an object. */
export function stateEntries(profile: Profile, key: string): Record<string, Json> {
  const value = profile.state[key]
  return isObject(value) ? value : {}
}
