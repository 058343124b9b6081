import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REVEAL_BUNDLE_BUDGET_BYTES } from './bundle-options';
import { revealUiAssetNames, revealUiAssets } from './reveal-ui-assets';

describe('revealUiAssets', () => {
  it('serves the reveal, creator and request bundles and the stylesheet under content-hashed, immutable names', () => {
    const assets = revealUiAssets();
    const names = revealUiAssetNames();
    expect(names.reveal).toMatch(/^reveal\.[A-Z0-9]{8}\.js$/);
    expect(names.admin).toMatch(/^admin\.[A-Z0-9]{8}\.js$/);
    expect(names.request).toMatch(/^request\.[A-Z0-9]{8}\.js$/);
    expect(names.css).toMatch(/^hushlink\.[A-Z0-9]{8}\.css$/);
    expect(Object.keys(assets).sort()).toEqual(
      [names.admin, names.css, names.request, names.reveal].sort(),
    );
    for (const asset of Object.values(assets)) expect(asset.immutable).toBe(true);
    expect(assets[names.reveal]?.type).toBe('text/javascript; charset=utf-8');
    expect(assets[names.css]?.type).toBe('text/css; charset=utf-8');
  });

  it('keeps the recipient page within 30 KB of gzipped JavaScript', () => {
    const names = revealUiAssetNames();
    const body = revealUiAssets()[names.reveal]?.body ?? '';
    const gzipped = gzipSync(body, { level: 9 }).length;
    console.log(`reveal bundle: ${gzipped} B gzipped (budget ${REVEAL_BUNDLE_BUDGET_BYTES} B)`);
    expect(gzipped).toBeLessThanOrEqual(REVEAL_BUNDLE_BUDGET_BYTES);
  });

  it('leaves the QR code library out of the recipient bundle', () => {
    const assets = revealUiAssets();
    const names = revealUiAssetNames();
    // The QR code (uqr) comes with the create form, which only the creator's bundle holds.
    expect(assets[names.admin]?.body).toContain('hushlink-create');
    expect(assets[names.admin]?.body).toContain('hl-qr');
    expect(assets[names.reveal]?.body).not.toContain('hl-qr');
    expect(assets[names.reveal]?.body).not.toContain('hushlink-create');
    expect(assets[names.reveal]?.body).not.toContain('hushlink-history');
  });

  it('keeps the customer page of a request link (with X25519) within the same 30 KB', () => {
    const names = revealUiAssetNames();
    const body = revealUiAssets()[names.request]?.body ?? '';
    const gzipped = gzipSync(body, { level: 9 }).length;
    console.log(`request bundle: ${gzipped} B gzipped (budget ${REVEAL_BUNDLE_BUDGET_BYTES} B)`);
    expect(gzipped).toBeLessThanOrEqual(REVEAL_BUNDLE_BUDGET_BYTES);
  });

  it('keeps X25519 out of the reveal bundle and the creator code out of the request bundle', () => {
    const assets = revealUiAssets();
    const names = revealUiAssetNames();
    const reveal = assets[names.reveal]?.body ?? '';
    const request = assets[names.request]?.body ?? '';
    expect(request).toContain('hushlink-request');
    expect(request).toContain('hushlink/v1/request');
    expect(reveal).not.toContain('hushlink/v1/request');
    expect(reveal).not.toContain('hushlink-request');
    expect(request).not.toContain('hl-qr');
    expect(request).not.toContain('hushlink-request-form');
    expect(request).not.toContain('hushlink-history');
    expect(assets[names.admin]?.body).toContain('hushlink-request-form');
  });
});
