/**
 * What the Express and Next.js examples share: the environment variables, the integrity
 * key, store selection, the single-admin login and the service built from them. Each app
 * keeps only its framework's glue.
 */
export {
  type AdminSessions,
  type AdminSessionsOptions,
  createAdminSessions,
  readCookie,
  SESSION_COOKIE,
} from './admin-sessions';
export {
  createHushlinkService,
  type HushlinkService,
  type HushlinkServiceOptions,
} from './create-hushlink-service';
export { type ResolvedKey, resolveIntegrityKey } from './integrity-key';
export {
  DEFAULT_AFTER_SIGN_IN,
  isSameOriginPost,
  LOGIN_ERRORS,
  type LoginError,
  pathAfterSignIn,
} from './login-form';
export { type AppStores, openStores } from './open-stores';
export { proxyOptions } from './proxy-options';
export { readSharedConfig, type SharedConfig, type SharedConfigDefaults } from './shared-config';
export { notificationLine, webhookEndpoints } from './webhook-settings';
