/** The notify API these tests use, from the package entry as a host imports it. */
export { generateWebhookSecret, startWebhookDispatcher, verifyWebhook } from '@hushlink/core';
