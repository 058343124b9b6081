/**
 * `@hushlink/core/node`: runs the fetch-standard handler on node:http and Express 5.
 */

export {
  createNodeWebhookSender,
  type NodeWebhookSenderOptions,
} from './node-webhook-sender';
export { type NodeHandlerOptions, type NodeListener, toNodeHandler } from './to-node-handler';
