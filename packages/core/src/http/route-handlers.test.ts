import { describe, expect, it } from 'vitest';
import type { HandlerContext } from './handler-options';
import { toRouteHandlers } from './route-handlers';

describe('toRouteHandlers', () => {
  it('passes the peer header as remoteAddress and warns once when it is missing', async () => {
    const seen: Array<HandlerContext | undefined> = [];
    const warnings: string[] = [];
    const { GET, POST } = toRouteHandlers(
      async (_request, context) => {
        seen.push(context);
        return new Response(null, { status: 204 });
      },
      { warn: (message) => warnings.push(message) },
    );
    await GET(new Request('https://x.test/s/a', { headers: { 'x-hushlink-peer': '203.0.113.9' } }));
    await POST(new Request('https://x.test/api/secrets', { method: 'POST' }));
    await GET(new Request('https://x.test/s/a'));
    expect(seen.map((context) => context?.remoteAddress)).toEqual(['203.0.113.9', null, null]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('unknown');
  });
});
