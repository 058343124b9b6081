/**
 * The words for a failed API call, by who sees it: the visitor of a link page, the
 * creator's forms, the creator's lists.
 */
import { fill, type RevealUiStrings } from '../strings';
import type { ApiFailure } from './call-api';

/**
 * The text for a failure worth retrying, because it consumed and stored nothing (rate
 * limit, outage, lost connection), else null.
 */
export function retryableFailureText(s: RevealUiStrings, failure: ApiFailure): string | null {
  if (failure.code === 'rate_limited') {
    return fill(s.rateLimited, { seconds: failure.retryAfterSeconds ?? 60 });
  }
  if (failure.code === 'unavailable' || failure.code === 'network') return s.unavailable;
  return null;
}

/** The final text of a link page after `failure`: gone, a retryable failure's, or failed. */
export function linkPageFailureText(s: RevealUiStrings, failure: ApiFailure): string {
  if (failure.code === 'not_available') return s.gone;
  return retryableFailureText(s, failure) ?? s.failed;
}

/** The text under a creator's form after `failure`: signed out, unavailable, or failed. */
export function formFailureText(s: RevealUiStrings, failure: Pick<ApiFailure, 'code'>): string {
  if (failure.code === 'unauthorized') return s.signedOut;
  if (failure.code === 'unavailable' || failure.code === 'network') return s.unavailable;
  return s.failed;
}

/** The status line of a creator's list after `failure`: signed out, else unavailable. */
export function listFailureText(s: RevealUiStrings, failure: Pick<ApiFailure, 'code'>): string {
  return failure.code === 'unauthorized' ? s.signedOut : s.unavailable;
}
