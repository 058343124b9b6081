/**
 * `TRUSTED_PROXIES` as the handler's options: IPs / CIDRs, and `cloudflare` for
 * Cloudflare's published ranges.
 */
import type { HandlerOptions } from '@hushlink/core/http';

/**
 * The handler's `trustedProxies` and `cloudflareConnectingIp` for the configured entries.
 * `CF-Connecting-IP` is read only when `cloudflare` is the sole entry (the README's
 * promise); with other proxies listed, the forwarded headers name the client.
 */
export function proxyOptions(
  entries: readonly string[],
): Pick<HandlerOptions, 'trustedProxies' | 'cloudflareConnectingIp'> {
  return {
    trustedProxies: trustedProxiesOption(entries),
    cloudflareConnectingIp: entries.length === 1 && entries[0] === 'cloudflare',
  };
}

/** The entries as `trustedProxies`; `cloudflare` (any case) selects the preset. */
function trustedProxiesOption(entries: readonly string[]): HandlerOptions['trustedProxies'] {
  if (entries.length === 0) return undefined;
  const extra = entries.filter((entry) => entry.toLowerCase() !== 'cloudflare');
  if (extra.length === entries.length) return extra;
  return { preset: 'cloudflare', extra };
}
