/**
 * `@hushlink/core/testing`: the contract suites every store runs (vitest).
 * Test-only: it imports `vitest`, so never import it from application code.
 */
export { runRateLimitStoreContract } from '../ratelimit/rate-limit-store-contract';
export {
  CONTRACT_EPOCH,
  eventOf,
  fullRecord,
  fullRequest,
  minimalRecord,
  minimalRequest,
  normalizeBytes,
} from './record-fixtures';
export { runSecretStoreContract } from './secret-store-contract';
export type { StoreContractSubject, StoreProbe } from './store-probe';
