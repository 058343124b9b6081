import { describe, expect, it } from 'vitest';
import { differencesBetween } from './compare-runs';
import { normaliseAnswer } from './normalise-answer';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });

describe('comparing a runtime with Node', () => {
  it('ignores transport headers, timing values, ids and dates', async () => {
    const node = await normaliseAnswer(
      'create',
      json(201, { id: 'abc', expiresAt: '2026-01-01T00:00:00.000Z' }, { ratelimit: 'r=1;t=5' }),
    );
    const other = await normaliseAnswer(
      'create',
      json(
        201,
        { expiresAt: '2027-02-02T00:00:00.000Z', id: 'xyz' },
        {
          ratelimit: 'r=1;t=6',
          'content-encoding': 'gzip',
          vary: 'Accept-Encoding',
          date: 'Thu, 01 Jan 2026 00:00:00 GMT',
        },
      ),
    );
    expect(differencesBetween('node', [node], 'bun', [other])).toEqual([]);
  });

  it('names each difference in status, headers, header values and body', async () => {
    const node = await normaliseAnswer(
      'reveal again',
      json(
        404,
        { error: { code: 'not_available', message: 'gone' } },
        { 'x-frame-options': 'DENY' },
      ),
    );
    const other = await normaliseAnswer(
      'reveal again',
      new Response(JSON.stringify({ error: { code: 'internal', message: 'gone' } }), {
        status: 500,
        headers: { 'content-type': 'text/plain', 'cache-control': 'no-store', server: 'x' },
      }),
    );
    expect(differencesBetween('node', [node], 'deno', [other])).toEqual([
      'reveal again: status: node 404, deno 500',
      'reveal again: headers only node sent: x-frame-options',
      'reveal again: headers only deno sent: server',
      'reveal again: header content-type: node "application/json", deno "text/plain"',
      'reveal again: body: node {"error":{"code":"not_available","message":"gone"}}, deno {"error":{"code":"internal","message":"gone"}}',
    ]);
  });
});
