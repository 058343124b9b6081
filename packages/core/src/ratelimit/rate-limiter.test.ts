import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { createClientIpResolver } from '../net';
import { rateLimitBucketKey } from './bucket-key';
import { createMemoryRateLimitStore } from './memory-rate-limit-store';
import { DEFAULT_RATE_LIMITS } from './policies';
import { createRateLimiter } from './rate-limiter';

const T0 = 1_700_000_000_000;

function limiter(budgets?: Parameters<typeof createRateLimiter>[0]['budgets']) {
  return createRateLimiter({ store: createMemoryRateLimitStore(), budgets });
}

describe('createRateLimiter', () => {
  it('uses the documented default budgets', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({
      recipient: { limit: 60, windowSeconds: 600 },
      create: { limit: 120, windowSeconds: 3600 },
      creator: { limit: 1200, windowSeconds: 3600 },
    });
  });

  it('answers the first request with the full policy and one unit spent', async () => {
    const decision = await limiter().check('recipient', '203.0.113.7', T0);
    expect(decision).toEqual({
      allowed: true,
      budget: 'recipient',
      limit: 60,
      windowSeconds: 600,
      remaining: 59,
      resetSeconds: 10,
      retryAfterSeconds: null,
      headers: {
        'RateLimit-Policy': '"recipient";q=60;w=600',
        RateLimit: '"recipient";r=59;t=10',
      },
    });
  });

  it('refuses the request after the budget, with Retry-After until one unit is back', async () => {
    const rl = limiter({ create: { limit: 3, windowSeconds: 60 } });
    for (let i = 0; i < 3; i++)
      expect((await rl.check('create', '203.0.113.7', T0)).allowed).toBe(true);
    const refused = await rl.check('create', '203.0.113.7', T0 + 5_000);
    expect(refused).toMatchObject({
      allowed: false,
      remaining: 0,
      resetSeconds: 55,
      retryAfterSeconds: 15,
    });
    expect(refused.headers).toEqual({
      'RateLimit-Policy': '"create";q=3;w=60',
      RateLimit: '"create";r=0;t=55',
      'Retry-After': '15',
    });
    expect((await rl.check('create', '203.0.113.7', T0 + 19_999)).allowed).toBe(false);
    expect((await rl.check('create', '203.0.113.7', T0 + 20_000)).allowed).toBe(true);
  });

  it('never allows twice the limit across a window edge (GCRA, not a fixed window)', async () => {
    const rl = limiter({ recipient: { limit: 10, windowSeconds: 60 } });
    let allowed = 0;
    // Everything in the last second of one minute and the first second of the next.
    for (const at of [T0 + 59_000, T0 + 60_000]) {
      for (let i = 0; i < 10; i++)
        if ((await rl.check('recipient', '198.51.100.1', at)).allowed) allowed++;
    }
    expect(allowed).toBe(10);
  });

  it('keeps budgets apart for the same client', async () => {
    const rl = limiter({ create: { limit: 1, windowSeconds: 60 } });
    await rl.check('create', '203.0.113.7', T0);
    expect((await rl.check('create', '203.0.113.7', T0)).allowed).toBe(false);
    expect((await rl.check('creator', '203.0.113.7', T0)).allowed).toBe(true);
  });

  it('counts one IPv6 /64 as one client and puts every unknown client in one bucket', async () => {
    const rl = limiter({ recipient: { limit: 1, windowSeconds: 60 } });
    await rl.check('recipient', '2001:db8:1:2::1', T0);
    expect((await rl.check('recipient', '2001:db8:1:2:ffff::9', T0)).allowed).toBe(false);
    expect((await rl.check('recipient', '2001:db8:1:3::1', T0)).allowed).toBe(true);
    await rl.check('recipient', null, T0);
    expect((await rl.check('recipient', null, T0)).allowed).toBe(false);
  });

  it('keeps the burst exactly `limit` when the window does not divide evenly', async () => {
    const rl = limiter({ recipient: { limit: 7, windowSeconds: 10 } });
    const results = [];
    for (let i = 0; i < 8; i++)
      results.push((await rl.check('recipient', '203.0.113.7', T0)).allowed);
    expect(results.filter(Boolean)).toHaveLength(7);
  });

  it('refuses invalid budgets at configuration time', () => {
    expect(() => limiter({ create: { limit: 0, windowSeconds: 60 } })).toThrow(ConfigError);
    expect(() => limiter({ create: { limit: 10, windowSeconds: 1.5 } })).toThrow(/windowSeconds/);
    expect(() => limiter({ create: { limit: 5000, windowSeconds: 1 } })).toThrow(/millisecond/);
    expect(() => limiter({ nope: { limit: 1, windowSeconds: 1 } } as never)).toThrow(
      /Unknown rate-limit budget/,
    );
  });

  it('propagates a store failure instead of deciding', async () => {
    const failure = new Error('database down');
    const rl = createRateLimiter({ store: { hit: () => Promise.reject(failure) } });
    await expect(rl.check('recipient', '203.0.113.7', T0)).rejects.toBe(failure);
  });
});

describe('rateLimitBucketKey', () => {
  it('gives every (budget, client) pair its own key', () => {
    expect(rateLimitBucketKey('recipient', '203.0.113.7')).toBe('recipient:203.0.113.7');
    expect(rateLimitBucketKey('create', '2001:db8:1:2:3::4')).toBe('create:2001:db8:1:2::/64');
    expect(rateLimitBucketKey('creator', null)).toBe('creator:unknown');
  });
});

describe('clients behind a trusted CDN', () => {
  it('cannot exhaust one another’s budget', async () => {
    const clientIp = createClientIpResolver({ trustedProxies: 'cloudflare' });
    const rl = limiter({ recipient: { limit: 5, windowSeconds: 600 } });
    const edge = '172.68.1.10'; // one Cloudflare edge serves both clients
    const viaEdge = (client: string) =>
      clientIp(edge, new Headers({ 'x-forwarded-for': `${client}` }));

    for (let i = 0; i < 20; i++) await rl.check('recipient', viaEdge('198.51.100.66'), T0);
    expect((await rl.check('recipient', viaEdge('198.51.100.66'), T0)).allowed).toBe(false);
    // The abuser cannot move into someone else's bucket by forging a hop either.
    const forged = clientIp(edge, new Headers({ 'x-forwarded-for': '203.0.113.7, 198.51.100.66' }));
    expect(forged).toBe('198.51.100.66');
    expect((await rl.check('recipient', viaEdge('203.0.113.7'), T0)).allowed).toBe(true);
  });
});
