import type { AuditEventInput, AuditEventType } from '../store/types';
import type { NotificationEvent } from './types';

/** The facts about a subject that a notification repeats (from its record). */
export interface NotificationSubject {
  /** A request link's events are keyed `requestId`, a secret's `secretId`. Default `secret`. */
  kind?: 'secret' | 'request';
  label: string | null;
  notify: boolean;
  createdBy: string | null;
}

/** Events about a request link (DESIGN.md §10): their subject id is a `requestId`. */
const REQUEST_EVENTS: ReadonlySet<AuditEventType> = new Set(['request_created', 'answered']);

/**
 * The notification of one audit event: `{ type, secretId | requestId, label, at, ip,
 * userAgent, notify, createdBy, detail }`. Built only from the event and the subject's
 * label, notify flag and creator, so no secret material can reach it.
 * @param subject - the record the event belongs to, or null when it is gone.
 */
export function notificationOf(
  event: AuditEventInput,
  subject: NotificationSubject | null,
): NotificationEvent {
  const isRequest = subject?.kind === 'request' || REQUEST_EVENTS.has(event.type);
  const subjectKey = isRequest ? 'requestId' : 'secretId';
  // Built key by key so the JSON reads in the documented order.
  return {
    type: event.type,
    [subjectKey]: event.subjectId,
    label: subject?.label ?? null,
    at: new Date(event.at).toISOString(),
    ip: event.ip,
    userAgent: event.userAgent,
    notify: subject?.notify ?? false,
    createdBy: subject?.createdBy ?? null,
    detail: event.detail,
  } as unknown as NotificationEvent;
}
