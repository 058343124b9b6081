import { describe, expect, it } from 'vitest';
import { ConfigError, InvalidRequestError } from '../errors';
import { minimalRecord } from '../testing/record-fixtures';
import { effectiveStatus, isRevealable, remainingViews } from './availability';
import { resolveTtlPolicy, resolveTtlSeconds, TTL_PRESETS, ttlPresetsWithin } from './ttl-policy';
import { resolveMaxViews } from './view-limit';

describe('TTL policy', () => {
  it('offers the product’s presets and defaults to 1 hour..30 days, 24 hours', () => {
    expect(TTL_PRESETS.map((p) => p.seconds)).toEqual([
      3600, 86_400, 259_200, 604_800, 1_209_600, 2_592_000,
    ]);
    expect(resolveTtlPolicy()).toEqual({
      minSeconds: 3600,
      maxSeconds: 2_592_000,
      defaultSeconds: 86_400,
    });
  });

  it('lets a host narrow the range, moving the default inside it', () => {
    expect(resolveTtlPolicy({ maxSeconds: 3600 })).toEqual({
      minSeconds: 3600,
      maxSeconds: 3600,
      defaultSeconds: 3600,
    });
    const week = resolveTtlPolicy({ minSeconds: 259_200, maxSeconds: 604_800 });
    expect(week.defaultSeconds).toBe(259_200);
    expect(ttlPresetsWithin(week).map((p) => p.label)).toEqual(['3 days', '7 days']);
  });

  it.each([
    { maxSeconds: 2_592_001 },
    { minSeconds: 60 },
    { minSeconds: 7200, maxSeconds: 3600 },
    { defaultSeconds: 60 },
    { maxSeconds: 7200, defaultSeconds: 86_400 },
    { minSeconds: 3600.5 },
  ])('refuses to widen or contradict the bounds: %o', (options) => {
    expect(() => resolveTtlPolicy(options)).toThrow(ConfigError);
  });

  it('validates a creator’s ttlSeconds against the policy', () => {
    const policy = resolveTtlPolicy();
    expect(resolveTtlSeconds(policy, undefined)).toBe(86_400);
    expect(resolveTtlSeconds(policy, 3600)).toBe(3600);
    for (const bad of [3599, 2_592_001, 3600.5, Number.NaN]) {
      expect(() => resolveTtlSeconds(policy, bad)).toThrow(InvalidRequestError);
    }
  });
});

describe('view limits and availability', () => {
  it('accepts 1..1000 or null for maxViews, default 1', () => {
    expect(resolveMaxViews(undefined)).toBe(1);
    expect(resolveMaxViews(null)).toBeNull();
    expect(resolveMaxViews(1000)).toBe(1000);
    for (const bad of [0, 1001, 2.5, -1])
      expect(() => resolveMaxViews(bad)).toThrow(InvalidRequestError);
  });

  it('treats expiry as hard from the expiry instant, without a sweep', () => {
    const record = minimalRecord({ expiresAt: 1000, maxViews: 3 });
    expect(effectiveStatus(record, 999)).toBe('active');
    expect(isRevealable(record, 999)).toBe(true);
    expect(remainingViews(record, 999)).toBe(3);
    expect(effectiveStatus(record, 1000)).toBe('expired');
    expect(isRevealable(record, 1000)).toBe(false);
    expect(remainingViews(record, 1000)).toBe(0);
    expect(effectiveStatus({ ...record, status: 'viewed', views: 1 }, 2000)).toBe('viewed');
  });

  it('reports null remaining views for an unlimited secret until it expires', () => {
    const record = minimalRecord({ expiresAt: 1000, maxViews: null, views: 7 });
    expect(remainingViews(record, 0)).toBeNull();
    expect(remainingViews(record, 1000)).toBe(0);
  });
});
