/** The lifecycle of a secret (DESIGN.md §4): pure rules, no I/O. */
export { attemptsLeft, effectiveStatus, isRevealable, remainingViews } from './availability';
export {
  effectiveRequestStatus,
  isAnswerable,
  type RequestEvent,
  type RequestRefusal,
  type RequestTransitionResult,
  transitionRequest,
} from './request-transition';
export { transition } from './transition';
export {
  resolveTtlPolicy,
  resolveTtlSeconds,
  TTL_DEFAULT_SECONDS,
  TTL_MAX_SECONDS,
  TTL_MIN_SECONDS,
  TTL_PRESETS,
  type TtlPolicy,
  type TtlPolicyOptions,
  type TtlPreset,
  ttlPresetsWithin,
} from './ttl-policy';
export type {
  LifecycleEffect,
  LifecycleEvent,
  LifecyclePolicy,
  TransitionRefusal,
  TransitionResult,
} from './types';
export { DEFAULT_MAX_VIEWS, MAX_VIEWS_LIMIT, resolveMaxViews } from './view-limit';
