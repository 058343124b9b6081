import { describe, expect, it } from 'vitest';
import { nextPollDelayMs, readRateLimit } from './rate-limit-pace';

const headers = (policy: string | null, limit: string | null) =>
  new Headers({
    ...(policy === null ? {} : { 'ratelimit-policy': policy }),
    ...(limit === null ? {} : { ratelimit: limit }),
  });

describe('readRateLimit', () => {
  it("reads the server's budget headers", () => {
    expect(readRateLimit(headers('"creator";q=1200;w=3600', '"creator";r=1100;t=5'))).toEqual({
      quota: 1200,
      windowSeconds: 3600,
      remaining: 1100,
      resetSeconds: 5,
    });
  });

  it('gives null for missing or malformed headers', () => {
    expect(readRateLimit(headers(null, '"creator";r=1;t=1'))).toBeNull();
    expect(readRateLimit(headers('"creator";q=x;w=3600', '"creator";r=1;t=1'))).toBeNull();
    expect(readRateLimit(headers('"creator";q=0;w=3600', '"creator";r=0;t=1'))).toBeNull();
  });
});

describe('nextPollDelayMs', () => {
  const state = (remaining: number) => ({
    quota: 1200,
    windowSeconds: 3600,
    remaining,
    resetSeconds: 30,
  });

  it('polls at the base pace while more than half the budget is left, or without headers', () => {
    expect(nextPollDelayMs(state(1000), 2, 5000)).toBe(5000);
    expect(nextPollDelayMs(null, 2, 5000)).toBe(5000);
  });

  it('spends at most a quarter of the budget per window below half, and waits below a tenth', () => {
    // 2 requests per poll, 300 per hour: one poll every 24 s.
    expect(nextPollDelayMs(state(500), 2, 5000)).toBe(24_000);
    expect(nextPollDelayMs(state(100), 2, 5000)).toBe(30_000);
    expect(nextPollDelayMs({ ...state(100), resetSeconds: 1 }, 2, 5000)).toBe(24_000);
  });
});
