/**
 * Types of notifications (DESIGN.md §11): what an in-process observer and a webhook
 * receiver are told about each audited transition.
 */
import type { AuditEventType } from '../store/types';

/** A webhook endpoint the host configures. */
export interface WebhookEndpoint {
  /** `http:` or `https:` URL. Private and loopback targets are refused unless allowed. */
  url: string;
  /** The Standard Webhooks signing secret, `whsec_<base64>` (24..64 bytes): `generateWebhookSecret()`. */
  secret: string;
  /** Event types this endpoint receives; default every type. */
  events?: readonly AuditEventType[];
  /**
   * Stable name of the endpoint in the outbox. Default the URL: change it (or keep the old
   * id) when you move an endpoint, or messages still queued for the old one are given up.
   */
  id?: string;
}

/** Fields every notification carries, whichever subject it is about. */
interface NotificationFields {
  type: AuditEventType;
  /** The secret's (or request's) label, or null. */
  label: string | null;
  /** ISO-8601 UTC time of the event (`Date.prototype.toISOString()`). */
  at: string;
  /** The client IP as the audit trail stores it (per the IP storage mode), or null. */
  ip: string | null;
  userAgent: string | null;
  /** Whether the creator asked to be told about this secret ("Notify me when opened"). */
  notify: boolean;
  /** The creator's user id, so the host can decide whom to tell; null if unknown. */
  createdBy: string | null;
  /** The event's detail as in the audit trail (`{reason}`, `{views, remainingViews}`, …) or null. */
  detail: Record<string, unknown> | null;
}

/**
 * One audited transition, as `onEvent` receives it and as a webhook body carries it (JSON).
 * Never holds secret material: no envelope, key, proof or verifier.
 */
export type NotificationEvent =
  | (NotificationFields & { secretId: string })
  | (NotificationFields & { requestId: string });

/** Hears every audited event after its transition is committed. Its throws are logged, never surfaced. */
export type OnEvent = (event: NotificationEvent) => void | Promise<void>;
