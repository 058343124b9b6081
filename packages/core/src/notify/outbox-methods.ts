import type { OutboxStore } from '../store/types';

/** Names every outbox method, to tell a store that can carry webhooks (DESIGN.md §11). */
export const OUTBOX_METHODS = [
  'claimDueOutbox',
  'markOutboxDelivered',
  'markOutboxFailed',
  'listFailedOutbox',
  'purgeOutboxBefore',
] as const satisfies ReadonlyArray<keyof OutboxStore>;
