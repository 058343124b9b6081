/** The service API (DESIGN.md §3–§5): `createHushlink` over a `SecretStore`. */

export { MIN_ANSWER_LIFETIME_MS } from './answer-request';
export { MAX_GROUP_RECIPIENTS } from './create-group';
export { createHushlink, type HushlinkOptions } from './create-hushlink';
export { MAX_LABEL_CODE_POINTS } from './create-secret';
export { DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT } from './list-history';
export { DEFAULT_MAX_PASSPHRASE_ATTEMPTS, DEFAULT_RETENTION_SECONDS } from './options';
export { OPENED_DEDUP_MS } from './read-meta';
export { type Sweeper, type SweeperOptions, startSweeper } from './start-sweeper';
export type * from './types';
