/**
 * `attune/core`: the framework-free behavior core. Runs in browsers, Node and
 * workers; imports nothing from React.
 */
export { createAttune } from './attune'
export type { Attune, AttuneOptions, ProfileListener, SampleNeed } from './attune'
export { eventCount, eventScore } from './aggregate'
export type { Consent } from './consent'
export { parseDuration } from './duration'
export type { Duration } from './duration'
export type { BehaviorEvent, BehaviorEventType } from './events'
export type { StateUpdate } from './extension-state'
export { migrate, STORED_VERSION } from './persistence'
export type { Migrations, PersistedState } from './persistence'
export { createProfile, DEFAULT_LIMITS, EMPTY_PROFILE, PROFILE_VERSION } from './profile'
export { FIELD_KINDS, PROFILE_SCHEMA } from './profile-schema'
export type { EntrySchema, FieldKind, FieldKindName, FieldSpec, FixedSchema, KindValues, MergeRule, ProfileSchema, ValuesOf } from './profile-schema'
export type {
  ClickStats,
  Context,
  DeviceClass,
  EventStats,
  HoverStats,
  IdleState,
  Json,
  Limits,
  PageStats,
  Profile,
  ScrollStats,
  SectionStats,
  TimeOfDay,
  Trait,
  UtmKey,
  Visitor,
} from './profile'
export { memoryStorage } from './storage'
export type { StorageLike, StorageOption } from './storage'
export type { Schedule } from './tracker'
