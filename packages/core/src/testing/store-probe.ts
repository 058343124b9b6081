import type { SecretStore } from '../store/types';

/** Reads a store's raw state around it, so the contract can check what really reached the database. */
export interface StoreProbe {
  /** Every row of every table the store wrote, read bypassing the store. */
  dumpRows(): Promise<Array<Record<string, unknown>>>;
}

/** One store under test: a fresh, empty store, its probe, and how to dispose of it. */
export interface StoreContractSubject {
  store: SecretStore;
  probe: StoreProbe;
  /** Called after each test (drop tables, close connections). */
  cleanup?: () => Promise<void>;
}
