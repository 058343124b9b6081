/**
 * Reads a request's answer in the creator's browser (DESIGN.md §10): `K` is derived from
 * `sk` (IndexedDB or the private read link) and the answer's `epk`, then the answer secret
 * goes through the ordinary meta and reveal of §7, so it is consumed and audited like any
 * secret. Only `keyProof` leaves the browser.
 */
import {
  decodeBase64url,
  deriveKeyProof,
  deriveRequestAnswerKey,
  encodeBase64url,
  open,
} from '@hushlink/core/crypto';
import { type ApiFailure, callApi } from './call-api';
import type { RequestItemJson } from './request-item';
import { deleteRequestKey, loadRequestKey } from './request-key-store';

/** The outcome: the text, or why not. */
export type AnswerOutcome =
  | { ok: true; text: string }
  /** `no_key`: no `sk` here; `gone`: read already, expired or burned; `retry`: nothing consumed. */
  | { ok: false; reason: 'no_key' | 'gone' | 'retry' | 'failed'; failure?: ApiFailure };

/**
 * Reveals the answer of an answered request.
 * @param secretKey - `sk` when the caller has it (the private read link); else IndexedDB's.
 */
export async function revealRequestAnswer(
  basePath: string,
  item: Pick<RequestItemJson, 'id' | 'answerSecretId' | 'ephemeralKey'>,
  secretKey?: Uint8Array | null,
): Promise<AnswerOutcome> {
  if (item.answerSecretId === null || item.ephemeralKey === null) {
    return { ok: false, reason: 'failed' };
  }
  const sk = secretKey ?? (await loadRequestKey(item.id));
  if (sk === null) return { ok: false, reason: 'no_key' };
  let key: Uint8Array;
  try {
    key = deriveRequestAnswerKey(sk, decodeBase64url(item.ephemeralKey, 32));
  } catch {
    return { ok: false, reason: 'failed' };
  }
  try {
    const secretPath = `secrets/${encodeURIComponent(item.answerSecretId)}`;
    const body = { keyProof: encodeBase64url(deriveKeyProof(key)) };
    const meta = await callApi<{ passphrase: boolean }>(basePath, `${secretPath}/meta`, { body });
    if (!meta.ok) return failed(item.id, meta);
    // An answer never has a passphrase; anything else is not what this request produced.
    if (meta.data.passphrase) return { ok: false, reason: 'failed' };
    const revealed = await callApi<{ envelope: string }>(basePath, `${secretPath}/reveal`, {
      body,
    });
    if (!revealed.ok) return failed(item.id, revealed);
    const text = await open(decodeBase64url(revealed.data.envelope), key, null);
    // Single answer, now consumed: the key has nothing left to open.
    await deleteRequestKey(item.id);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'failed' };
  } finally {
    key.fill(0);
  }
}

async function failed(id: string, failure: ApiFailure): Promise<AnswerOutcome> {
  if (failure.code === 'not_available') {
    await deleteRequestKey(id);
    return { ok: false, reason: 'gone', failure };
  }
  const retry = ['rate_limited', 'unavailable', 'network'].includes(failure.code);
  return { ok: false, reason: retry ? 'retry' : 'failed', failure };
}
