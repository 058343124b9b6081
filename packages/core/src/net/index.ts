/**
 * Client IP resolution (DESIGN.md §6): who is the client behind trusted proxies, how
 * their address is stored, and which rate-limit bucket they fall into.
 */
export { clientBucketKey } from './client-bucket-key';
export { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6 } from './cloudflare-ranges';
export { type IpStorageMode, ipForStorage } from './ip-for-storage';
export { parseIpStrict } from './parse-ip-strict';
export {
  type ClientIpOptions,
  type ClientIpResolver,
  createClientIpResolver,
  type ForwardedHeaderName,
  resolveClientIp,
} from './resolve-client-ip';
export type { TrustedProxiesOption, TrustedProxyEntry } from './trusted-proxies';
