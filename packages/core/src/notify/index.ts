/**
 * Notifications (DESIGN.md §11): the `onEvent` payload, Standard Webhooks signing and
 * verification, the SSRF policy for webhook targets, and the outbox dispatcher.
 */
export { type NotificationSubject, notificationOf } from './notification-of';
export { type ResolvedWebhook, resolveWebhooks, WEBHOOK_EVENT_TYPES } from './resolve-webhooks';
export { FIRST_RETRY_MS, GIVE_UP_AFTER_MS, nextRetryAt } from './retry-schedule';
export { signedWebhookHeaders, webhookSignature } from './sign-webhook';
export {
  ipLiteralOf,
  isPublicAddress,
  parseWebhookUrl,
  type WebhookTargetPolicy,
  WebhookTargetRefusedError,
  webhookTargetRefusal,
} from './target-policy';
export type { NotificationEvent, OnEvent, WebhookEndpoint } from './types';
export {
  type VerifyWebhookOptions,
  verifyWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
  type WebhookHeaders,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './verify-webhook';
export {
  type DeliveryReport,
  type FailedDelivery,
  outboxStoreOf,
  startWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
} from './webhook-dispatcher';
export {
  decodeWebhookSecret,
  generateWebhookSecret,
  WEBHOOK_SECRET_PREFIX,
} from './webhook-secret';
export {
  createFetchWebhookSender,
  type FetchWebhookSenderOptions,
  type WebhookRequest,
  type WebhookSender,
} from './webhook-sender';
export { type NotificationSettings, withNotifications } from './with-notifications';
