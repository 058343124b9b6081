import { ConfigError } from '@hushlink/core';

/** The default prefix of every table and index this adapter creates. */
export const DEFAULT_TABLE_PREFIX = 'hushlink_';

/** The names of this adapter's tables and indexes, all sharing one prefix. */
export interface TableNames {
  prefix: string;
  secrets: string;
  events: string;
  rateLimits: string;
  migrations: string;
  migrationLock: string;
  secretsByCreator: string;
  secretsDueForSweep: string;
  secretsByExpiry: string;
  eventsBySubject: string;
  rateLimitsByTat: string;
  outbox: string;
  outboxDue: string;
  outboxFinished: string;
  requests: string;
  requestsByCreator: string;
  requestsByExpiry: string;
  requestsDueForSweep: string;
}

// The prefix is spliced into SQL text (identifiers cannot be bound as parameters),
// so it must be a plain identifier fragment.
const PREFIX_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,40}$|^$/;

/**
 * Derives every table and index name from a prefix.
 *
 * @throws {ConfigError} when the prefix is not letters, digits and underscores
 *   (starting with a letter or underscore, at most 41 characters).
 */
export function tableNamesFor(prefix: string = DEFAULT_TABLE_PREFIX): TableNames {
  if (typeof prefix !== 'string' || !PREFIX_PATTERN.test(prefix)) {
    throw new ConfigError(
      `tablePrefix must be letters, digits and underscores, starting with a letter or underscore (got ${JSON.stringify(prefix)}).`,
    );
  }
  return {
    prefix,
    secrets: `${prefix}secrets`,
    events: `${prefix}events`,
    rateLimits: `${prefix}rate_limits`,
    migrations: `${prefix}migrations`,
    migrationLock: `${prefix}migrations_lock`,
    secretsByCreator: `${prefix}secrets_by_creator`,
    secretsDueForSweep: `${prefix}secrets_due_for_sweep`,
    secretsByExpiry: `${prefix}secrets_by_expiry`,
    eventsBySubject: `${prefix}events_by_subject`,
    rateLimitsByTat: `${prefix}rate_limits_by_tat`,
    outbox: `${prefix}outbox`,
    outboxDue: `${prefix}outbox_due`,
    outboxFinished: `${prefix}outbox_finished`,
    requests: `${prefix}requests`,
    requestsByCreator: `${prefix}requests_by_creator`,
    requestsByExpiry: `${prefix}requests_by_expiry`,
    requestsDueForSweep: `${prefix}requests_due_for_sweep`,
  };
}
