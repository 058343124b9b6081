import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { TableNames } from './postgres-stores-options';
import { type PreparedStatement, prepare, slot } from './prepared-statement';
import {
  EVENT_COLUMNS,
  EVENT_SLOTS,
  OUTBOX_COLUMNS,
  OUTBOX_SLOTS,
  REQUEST_COLUMNS,
  REQUEST_SLOTS,
  SECRET_COLUMNS,
  type SecretColumn,
} from './table-schema';

/** Every statement the secret store runs, compiled once per store. */
export interface SecretStatements {
  insert: PreparedStatement;
  get: PreparedStatement;
  compareAndSet: PreparedStatement;
  appendEvents: PreparedStatement;
  listEvents: PreparedStatement;
  listByCreator: PreparedStatement;
  listByCreatorAfter: PreparedStatement;
  listDueForSweep: PreparedStatement;
  purgeExpiredBefore: PreparedStatement;
  claimDueOutbox: PreparedStatement;
  markOutboxDelivered: PreparedStatement;
  markOutboxRetry: PreparedStatement;
  markOutboxGaveUp: PreparedStatement;
  listFailedOutbox: PreparedStatement;
  purgeOutbox: PreparedStatement;
  insertRequest: PreparedStatement;
  getRequest: PreparedStatement;
  compareAndSetRequest: PreparedStatement;
  listRequestsByCreator: PreparedStatement;
  listRequestsByCreatorAfter: PreparedStatement;
  listRequestsDueForSweep: PreparedStatement;
  answerRequest: PreparedStatement;
}

/**
 * Each secrets column's type, for the answer statement's `INSERT … SELECT`: there, unlike
 * in `VALUES`, PostgreSQL does not infer a parameter's type from the target column.
 */
const SECRET_COLUMN_TYPES: Readonly<Record<SecretColumn, string>> = {
  id: 'text',
  version: 'integer',
  status: 'text',
  created_at: 'timestamptz',
  expires_at: 'timestamptz',
  first_viewed_at: 'timestamptz',
  last_viewed_at: 'timestamptz',
  burned_at: 'timestamptz',
  burn_reason: 'text',
  created_by: 'text',
  label: 'text',
  max_views: 'integer',
  views: 'integer',
  failed_attempts: 'integer',
  kdf_log_n: 'integer',
  kdf_r: 'integer',
  kdf_p: 'integer',
  salt: 'bytea',
  key_proof_verifier: 'bytea',
  passphrase_verifier: 'bytea',
  envelope: 'bytea',
  notify: 'boolean',
  group_id: 'text',
  request_id: 'text',
  ephemeral_key: 'bytea',
  key_id: 'text',
  mac: 'bytea',
};

/** Value layouts: the order in which the store passes each statement's values. */
export const LAYOUT = {
  /** `secretValues(record)`, `eventValues(events)`, then `outboxValues(messages)`. */
  insert: [...SECRET_COLUMNS, ...EVENT_SLOTS, ...OUTBOX_SLOTS],
  /** `secretValues(next)`, `eventValues(events)`, `outboxValues(messages)`, then the id and version to match. */
  compareAndSet: [
    ...SECRET_COLUMNS,
    ...EVENT_SLOTS,
    ...OUTBOX_SLOTS,
    'where_id',
    'expected_version',
  ],
  /** `eventValues(events)`, then `outboxValues(messages)`. */
  events: [...EVENT_SLOTS, ...OUTBOX_SLOTS],
  id: ['id'],
  subject: ['subject_id'],
  history: ['created_by', 'limit'],
  historyAfter: ['created_by', 'limit', 'after_created_at', 'after_id'],
  sweep: ['now', 'limit'],
  purge: ['cutoff'],
  claim: ['lease_until', 'now', 'limit'],
  delivered: ['at', 'id'],
  retry: ['error', 'retry_at', 'id', 'attempt'],
  gaveUp: ['error', 'at', 'id', 'attempt'],
  limit: ['limit'],
  /** `requestValues(record)`, `eventValues(events)`, then `outboxValues(messages)`. */
  insertRequest: [...REQUEST_SLOTS, ...EVENT_SLOTS, ...OUTBOX_SLOTS],
  /** `requestValues(next)`, events, outbox, then the id and version to match. */
  compareAndSetRequest: [
    ...REQUEST_SLOTS,
    ...EVENT_SLOTS,
    ...OUTBOX_SLOTS,
    'where_id',
    'expected_version',
  ],
  /** `requestValues(next)`, `secretValues(answer)`, events, outbox, then the id and version. */
  answerRequest: [
    ...REQUEST_SLOTS,
    ...SECRET_COLUMNS,
    ...EVENT_SLOTS,
    ...OUTBOX_SLOTS,
    'where_id',
    'expected_version',
  ],
} as const satisfies Record<string, readonly string[]>;

/** A history list's first page: no condition beyond the creator. */
const FIRST_PAGE = sql``;
/** A history list's next page: rows strictly below the cursor (createdAt desc, id desc). */
const AFTER_CURSOR = sql`
        and (created_at, id) < (${slot('after_created_at')}::timestamptz, ${slot('after_id')}::text)`;

/**
 * Builds the statements with Kysely and compiles them once. Slots are named after the
 * columns they fill; `LAYOUT` says in which order the store passes their values.
 *
 * Concurrency model: each write is ONE statement. A data-modifying CTE moves the record
 * and appends its events together, and PostgreSQL runs a statement atomically, so no
 * explicit transaction, no `SELECT … FOR UPDATE` and no lock is held across round trips.
 */
// biome-ignore lint/suspicious/noExplicitAny: compiling needs only the dialect.
export function compileSecretStatements(db: Kysely<any>, t: TableNames): SecretStatements {
  const secrets = sql.table(`${t.schema}.${t.secrets}`);
  const events = sql.table(`${t.schema}.${t.events}`);
  const outbox = sql.table(`${t.schema}.${t.outbox}`);
  const requests = sql.table(`${t.schema}.${t.requests}`);
  const requestColumns = sql.join(REQUEST_COLUMNS.map((c) => sql.id(c)));
  const requestSlots = sql.join(REQUEST_COLUMNS.map((c) => slot(`rq_${c}`)));
  /** The request's compare-and-set on (id, version), returning the id when it moved. */
  const moveRequest = sql`update ${requests}
    set ${sql.join(REQUEST_COLUMNS.filter((c) => c !== 'id').map((c) => sql`${sql.id(c)} = ${slot(`rq_${c}`)}`))}
    where id = ${slot('where_id')} and version = ${slot('expected_version')}
    returning id`;
  const outboxColumns = sql.join(OUTBOX_COLUMNS.map((c) => sql.id(c)));
  const secretColumns = sql.join(SECRET_COLUMNS.map((c) => sql.id(c)));
  const eventColumns = sql.join(EVENT_COLUMNS.map((c) => sql.id(c)));
  const compile = (label: string, layout: readonly string[], query: RawBuilder<unknown>) =>
    prepare(label, query.compile(db), layout);

  /** A creator's rows (secrets or requests), newest first, from the top or below a cursor. */
  const byCreator = (
    table: RawBuilder<unknown>,
    columns: RawBuilder<unknown>,
    page: RawBuilder<unknown>,
  ) => sql`select ${columns} from ${table}
      where created_by = ${slot('created_by')}${page}
      order by created_at desc, id desc limit ${slot('limit')}`;

  /** The events of one call, in order; `guard` limits them to a successful write. */
  const insertEvents = (guard: RawBuilder<unknown>) => sql`
    insert into ${events} (${eventColumns})
    select e.subject_id, e.type, e.at, e.ip, e.user_agent, e.detail
    from unnest(
      ${slot('ev_subject_id')}::text[], ${slot('ev_type')}::text[],
      ${slot('ev_at')}::timestamptz[], ${slot('ev_ip')}::text[],
      ${slot('ev_user_agent')}::text[], ${slot('ev_detail')}::jsonb[]
    ) with ordinality as e(subject_id, type, at, ip, user_agent, detail, ord)
    where ${guard}
    order by e.ord`;

  /** The outbox messages of one call (pending, due at once); `guard` as for events. */
  const insertOutbox = (guard: RawBuilder<unknown>) => sql`
    insert into ${outbox} (id, endpoint_id, payload, created_at, status, attempts, next_attempt_at)
    select o.id, o.endpoint_id, o.payload, o.created_at, 'pending', 0, o.created_at
    from unnest(
      ${slot('ob_id')}::text[], ${slot('ob_endpoint_id')}::text[],
      ${slot('ob_payload')}::text[], ${slot('ob_created_at')}::timestamptz[]
    ) as o(id, endpoint_id, payload, created_at)
    where ${guard}`;

  return {
    insert: compile(
      'insert',
      LAYOUT.insert,
      sql`with inserted as (
        insert into ${secrets} (${secretColumns})
        values (${sql.join(SECRET_COLUMNS.map((c) => slot(c)))})
        returning id
      ), queued as (
        ${insertOutbox(sql`exists (select 1 from inserted)`)}
      )
      ${insertEvents(sql`exists (select 1 from inserted)`)}`,
    ),
    get: compile(
      'get',
      LAYOUT.id,
      sql`select ${secretColumns} from ${secrets} where id = ${slot('id')}`,
    ),
    // The compare-and-set: a conditional UPDATE on (id, version). Under READ COMMITTED a
    // concurrent winner makes PostgreSQL re-check `version` on the committed row, so of
    // any number of racing callers with the same expected version exactly one moves it.
    // Events are written only when the update matched (`exists (select 1 from moved)`).
    compareAndSet: compile(
      'cas',
      LAYOUT.compareAndSet,
      sql`with moved as (
        update ${secrets}
        set ${sql.join(SECRET_COLUMNS.filter((c) => c !== 'id').map((c) => sql`${sql.id(c)} = ${slot(c)}`))}
        where id = ${slot('where_id')} and version = ${slot('expected_version')}
        returning id
      ), logged as (
        ${insertEvents(sql`exists (select 1 from moved)`)}
      ), queued as (
        ${insertOutbox(sql`exists (select 1 from moved)`)}
      )
      select count(*)::int as moved from moved`,
    ),
    appendEvents: compile(
      'events_append',
      LAYOUT.events,
      sql`with queued as (${insertOutbox(sql`true`)}) ${insertEvents(sql`true`)}`,
    ),
    listEvents: compile(
      'events_list',
      LAYOUT.subject,
      sql`select ${eventColumns} from ${events}
      where subject_id = ${slot('subject_id')} order by seq`,
    ),
    listByCreator: compile(
      'history',
      LAYOUT.history,
      byCreator(secrets, secretColumns, FIRST_PAGE),
    ),
    listByCreatorAfter: compile(
      'history_after',
      LAYOUT.historyAfter,
      byCreator(secrets, secretColumns, AFTER_CURSOR),
    ),
    // Same predicate as the partial sweep index, so the planner can use it.
    listDueForSweep: compile(
      'sweep_due',
      LAYOUT.sweep,
      sql`select ${secretColumns} from ${secrets}
      where expires_at <= ${slot('now')}::timestamptz
        and (status = 'active' or envelope is not null)
      order by expires_at, id limit ${slot('limit')}`,
    ),
    // Secrets and request links past retention, with their events, in one statement.
    purgeExpiredBefore: compile(
      'purge',
      LAYOUT.purge,
      sql`with purged as (
        delete from ${secrets} where expires_at < ${slot('cutoff')}::timestamptz returning id
      ), purged_requests as (
        delete from ${requests} where expires_at < ${slot('cutoff')}::timestamptz returning id
      ), purged_events as (
        delete from ${events}
        where subject_id in (select id from purged union all select id from purged_requests)
      )
      select ((select count(*) from purged) + (select count(*) from purged_requests))::int
        as purged`,
    ),
    // The claim: FOR UPDATE SKIP LOCKED makes concurrent claimers pass over rows another
    // is claiming, and a row claimed and committed meanwhile is re-checked on its new
    // version (lease now in the future) and left out. One statement, so the lease is
    // taken atomically; a crashed dispatcher's lease simply runs out.
    claimDueOutbox: compile(
      'outbox_claim',
      LAYOUT.claim,
      sql`update ${outbox} set attempts = attempts + 1, lease_until = ${slot('lease_until')}::timestamptz
      where id in (
        select id from ${outbox}
        where status = 'pending' and next_attempt_at <= ${slot('now')}::timestamptz
          and (lease_until is null or lease_until <= ${slot('now')}::timestamptz)
        order by next_attempt_at, id limit ${slot('limit')}
        for update skip locked
      )
      returning ${outboxColumns}`,
    ),
    markOutboxDelivered: compile(
      'outbox_delivered',
      LAYOUT.delivered,
      sql`update ${outbox} set status = 'delivered', lease_until = null,
        finished_at = ${slot('at')}::timestamptz
      where id = ${slot('id')} and status <> 'delivered'`,
    ),
    markOutboxRetry: compile(
      'outbox_retry',
      LAYOUT.retry,
      sql`update ${outbox} set last_error = ${slot('error')}, lease_until = null,
        next_attempt_at = ${slot('retry_at')}::timestamptz
      where id = ${slot('id')} and status = 'pending' and attempts = ${slot('attempt')}`,
    ),
    markOutboxGaveUp: compile(
      'outbox_gave_up',
      LAYOUT.gaveUp,
      sql`update ${outbox} set last_error = ${slot('error')}, lease_until = null,
        status = 'failed', finished_at = ${slot('at')}::timestamptz
      where id = ${slot('id')} and status = 'pending' and attempts = ${slot('attempt')}`,
    ),
    listFailedOutbox: compile(
      'outbox_failed',
      LAYOUT.limit,
      sql`select ${outboxColumns} from ${outbox} where status = 'failed'
      order by finished_at desc, id desc limit ${slot('limit')}`,
    ),
    insertRequest: compile(
      'request_insert',
      LAYOUT.insertRequest,
      sql`with inserted as (
        insert into ${requests} (${requestColumns}) values (${requestSlots}) returning id
      ), queued as (
        ${insertOutbox(sql`exists (select 1 from inserted)`)}
      )
      ${insertEvents(sql`exists (select 1 from inserted)`)}`,
    ),
    getRequest: compile(
      'request_get',
      LAYOUT.id,
      sql`select ${requestColumns} from ${requests} where id = ${slot('id')}`,
    ),
    // As the secrets' compare-and-set: one conditional UPDATE, events only if it matched.
    compareAndSetRequest: compile(
      'request_cas',
      LAYOUT.compareAndSetRequest,
      sql`with moved as (${moveRequest}), logged as (
        ${insertEvents(sql`exists (select 1 from moved)`)}
      ), queued as (
        ${insertOutbox(sql`exists (select 1 from moved)`)}
      )
      select count(*)::int as moved from moved`,
    ),
    listRequestsByCreator: compile(
      'requests',
      LAYOUT.history,
      byCreator(requests, requestColumns, FIRST_PAGE),
    ),
    listRequestsByCreatorAfter: compile(
      'requests_after',
      LAYOUT.historyAfter,
      byCreator(requests, requestColumns, AFTER_CURSOR),
    ),
    // Same predicate as the partial request sweep index, so the planner can use it.
    listRequestsDueForSweep: compile(
      'requests_sweep_due',
      LAYOUT.sweep,
      sql`select ${requestColumns} from ${requests}
      where status = 'open' and expires_at <= ${slot('now')}::timestamptz
      order by expires_at, id limit ${slot('limit')}`,
    ),
    // The answer (DESIGN.md §10): ONE statement moves the request on (id, version) and,
    // only when it moved, inserts the answer secret, its events and outbox rows. Racing
    // answers serialize on the request row: the losers re-check the version, match
    // nothing, and so insert nothing: no orphan secret. A failing insert fails it all.
    answerRequest: compile(
      'request_answer',
      LAYOUT.answerRequest,
      sql`with moved as (${moveRequest}), inserted as (
        insert into ${secrets} (${secretColumns})
        select ${sql.join(SECRET_COLUMNS.map((c) => sql`${slot(c)}::${sql.raw(SECRET_COLUMN_TYPES[c])}`))}
        where exists (select 1 from moved)
        returning id
      ), logged as (
        ${insertEvents(sql`exists (select 1 from moved)`)}
      ), queued as (
        ${insertOutbox(sql`exists (select 1 from moved)`)}
      )
      select count(*)::int as moved from moved`,
    ),
    purgeOutbox: compile(
      'outbox_purge',
      LAYOUT.purge,
      sql`delete from ${outbox}
      where status <> 'pending' and finished_at < ${slot('cutoff')}::timestamptz`,
    ),
  };
}
