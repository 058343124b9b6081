import { minimalRequest } from '@hushlink/core/testing';
import type { Kysely } from 'kysely';
import { coldQueriesFor } from '../src/cold-queries';
import { hitRateLimitParameters, hotStatementsFor } from '../src/hot-statements';
import { outboxInsertParameters, outboxStatementsFor } from '../src/outbox-statements';
import { requestParameters } from '../src/request-row';
import { requestStatementsFor } from '../src/request-statements';
import { secretParameters } from '../src/secret-row';
import type { SqliteDatabase } from '../src/sqlite-database';
import type { TableNames } from '../src/table-names';
import { eventFor, singleUseRecord } from './record';

/** One statement the stores run, with `EXPLAIN QUERY PLAN`'s detail lines for it. */
export interface QueryPlan {
  name: string;
  hot: boolean;
  sql: string;
  plan: string[];
}

/** Explains every statement the stores run, with representative parameters. */
export function collectQueryPlans(
  database: SqliteDatabase,
  // biome-ignore lint/suspicious/noExplicitAny: tables are named at run time.
  db: Kysely<any>,
  t: TableNames,
): QueryPlan[] {
  const hot = hotStatementsFor(t);
  const outbox = outboxStatementsFor(t);
  const message = { id: 'msg_plan', endpointId: 'e', payload: '{}', createdAt: 1 };
  const cold = coldQueriesFor(db, t);
  const record = singleUseRecord('planaaaaaaaaaaaaaaaaa');
  const cas = secretParameters(record).slice(1).concat([record.id, 1]);
  const event = eventFor(record.id, 'opened', 1);
  const [purgeEvents, purgeSecrets] = cold.purgeExpiredBefore(1000);
  const requests = requestStatementsFor(t);
  const request = minimalRequest({
    id: 'planrequestaaaaaaaaaaa',
    createdAt: 1,
    expiresAt: 2,
    createdBy: 'alice',
  });
  const requestCas = requestParameters(request).slice(1).concat([request.id, 1]);
  const [purgeRequestEvents, purgeRequests] = cold.purgeRequestsBefore(1000);
  const statements: Array<[string, boolean, string, readonly unknown[]]> = [
    ['insert secret', true, hot.insertSecret, secretParameters(record)],
    ['get secret', true, hot.getSecret, [record.id]],
    ['compare-and-set', true, hot.compareAndSetSecret, cas],
    ['append event', true, hot.insertEvent, Object.values(event)],
    ['rate-limit hit', true, hot.hitRateLimit, hitRateLimitParameters('k', 1, 10, 100)],
    ['outbox insert', true, outbox.insert, outboxInsertParameters(message)],
    ['outbox claim', false, outbox.claimDue, [100, 1, 1, 20]],
    ['outbox delivered', false, outbox.markDelivered, [1, message.id]],
    ['outbox retry', false, outbox.markRetry, ['e', 2, message.id, 1]],
    ['outbox gave up', false, outbox.markGaveUp, ['e', 2, message.id, 1]],
    ['outbox failed', false, outbox.listFailed, [20]],
    ['outbox purge', false, outbox.purge, [1]],
    ['insert request', true, requests.insert, requestParameters(request)],
    ['get request', true, requests.get, [request.id]],
    ['request compare-and-set', true, requests.compareAndSet, requestCas],
    ...(
      [
        ['list events', cold.listEvents(record.id)],
        ['history, first page', cold.listByCreator('alice', 20, null)],
        ['history, next page', cold.listByCreator('alice', 20, { createdAt: 5, id: record.id })],
        ['sweep', cold.listDueForSweep(1000, 100)],
        ['purge events', purgeEvents],
        ['purge secrets', purgeSecrets],
        ['prune rate limits', cold.pruneRateLimits(1000)],
        ['requests, first page', cold.listRequestsByCreator('alice', 20, null)],
        [
          'requests, next page',
          cold.listRequestsByCreator('alice', 20, { createdAt: 5, id: request.id }),
        ],
        ['requests due for sweep', cold.listRequestsDueForSweep(1000, 100)],
        ['purge request events', purgeRequestEvents],
        ['purge requests', purgeRequests],
      ] as const
    ).map(
      ([name, q]) => [name, false, q.sql, q.parameters] as [string, boolean, string, unknown[]],
    ),
  ];
  return statements.map(([name, isHot, sql, parameters]) => ({
    name,
    hot: isHot,
    sql,
    plan: (
      database.prepare(`explain query plan ${sql}`).all(parameters) as Array<{ detail: string }>
    ).map((row) => row.detail),
  }));
}

/**
 * Plan lines that read a table without an index: a full `SCAN` (with or without an
 * index: `SCAN t USING INDEX i` still walks all of it), or a sort SQLite had to add.
 */
export function unindexedSteps(plan: readonly string[]): string[] {
  return plan.filter((line) => /^SCAN\b/.test(line) || /TEMP B-TREE/.test(line));
}
