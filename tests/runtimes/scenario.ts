/**
 * The one scenario every runtime answers, driven from Node over real HTTP: secrets sealed
 * by core's crypto, meta, reveal once, reveal again, a wrong passphrase, malformed and
 * refused requests, the page, the creator's routes and the audit trail.
 */
import {
  decodeBase64url,
  deriveProofs,
  encodeBase64url,
  open,
  parseHeader,
  type SealResult,
  seal,
} from '@hushlink/core/crypto';
import { TEST_TOKEN } from './apps/build-handler';
import { type NormalisedAnswer, normaliseAnswer } from './normalise-answer';

/** The plaintexts the scenario seals. */
export const PLAIN_TEXT = 'sk_live_51H… sealed in Node';
export const PROTECTED_TEXT = 'recovery code 7F3K-Q9ZD, behind a passphrase';
export const PASSPHRASE = 'correct horse battery staple';

/** An address the client claims in `X-Forwarded-For`; an untrusted peer must not get it. */
export const SPOOFED_IP = '198.51.100.7';

/** What the scenario posts: sealed once, posted to every runtime's own store. */
export interface ScenarioSecrets {
  plain: SealResult;
  protected: SealResult;
  /** The passphrase proof a recipient derives from a wrong passphrase. */
  wrongPassphraseProof: Uint8Array;
}

/** Seals both secrets (the protected one with scrypt logN 14) and a wrong passphrase's proof. */
export async function sealScenarioSecrets(): Promise<ScenarioSecrets> {
  const plain = await seal(PLAIN_TEXT);
  const kdf = { logN: 14, r: 8, p: 1 };
  const protectedSecret = await seal(PROTECTED_TEXT, { passphrase: PASSPHRASE, kdf });
  const header = parseHeader(protectedSecret.envelope);
  const wrong = await deriveProofs(protectedSecret.key, 'incorrect horse', header);
  if (wrong.passphraseProof === null)
    throw new Error('a protected envelope needs a passphrase proof');
  return { plain, protected: protectedSecret, wrongPassphraseProof: wrong.passphraseProof };
}

/** What one runtime answered, and what Node made of it. */
export interface ScenarioRun {
  answers: NormalisedAnswer[];
  /** The revealed envelopes opened in Node with the link's key (and the passphrase). */
  opened: { plain: string | null; protected: string | null };
  /** The audit trail of the plain secret: event types and their client IPs. */
  audit: { type: string; ip: string | null }[];
}

/**
 * Runs the scenario against `origin` (the handler mounted at the root).
 * @throws {Error} only when an answer lacks what later steps need (an id, an envelope).
 */
export async function runScenario(origin: string, secrets: ScenarioSecrets): Promise<ScenarioRun> {
  const answers: NormalisedAnswer[] = [];
  const creator = { authorization: `Bearer ${TEST_TOKEN}` };
  const b64 = encodeBase64url;

  /** Sends one request, records its normalised answer, returns the parsed JSON (or null). */
  const step = async (
    name: string,
    path: string,
    init: { method?: string; json?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<Record<string, unknown> | null> => {
    const headers: Record<string, string> = { ...init.headers };
    let body: string | undefined;
    if (init.json !== undefined) body = JSON.stringify(init.json);
    if (init.raw !== undefined) body = init.raw;
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${origin}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
    });
    const copy = response.clone();
    answers.push(await normaliseAnswer(name, response));
    const text = await copy.text();
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return null;
    }
  };

  const createBody = (sealed: SealResult) => ({
    envelope: b64(sealed.envelope),
    keyProof: b64(sealed.keyProof),
    ...(sealed.passphraseProof ? { passphraseProof: b64(sealed.passphraseProof) } : {}),
  });
  const plainKeyProof = b64(secrets.plain.keyProof);
  const protectedKeyProof = b64(secrets.protected.keyProof);

  const created = await step('create', '/api/secrets', {
    json: createBody(secrets.plain),
    headers: creator,
  });
  const createdProtected = await step('create with passphrase', '/api/secrets', {
    json: { ...createBody(secrets.protected), ttlSeconds: 3600, label: 'runtime matrix' },
    headers: creator,
  });
  const id = idOf(created);
  const protectedId = idOf(createdProtected);

  await step('create without sign-in', '/api/secrets', { json: createBody(secrets.plain) });
  await step('create with malformed JSON', '/api/secrets', {
    raw: '{"envelope":',
    headers: creator,
  });
  await step('create with unknown field', '/api/secrets', {
    json: { ...createBody(secrets.plain), colour: 'blue' },
    headers: creator,
  });
  await step('create as text/plain', '/api/secrets', {
    raw: JSON.stringify(createBody(secrets.plain)),
    headers: { ...creator, 'content-type': 'text/plain' },
  });
  await step('create too large', '/api/secrets', {
    json: { ...createBody(secrets.plain), label: 'x'.repeat(120_000) },
    headers: creator,
  });

  await step('meta', `/api/secrets/${id}/meta`, { json: { keyProof: plainKeyProof } });
  await step('meta as creator', `/api/secrets/${id}/meta`, {
    json: { keyProof: plainKeyProof },
    headers: creator,
  });
  await step('meta with passphrase', `/api/secrets/${protectedId}/meta`, {
    json: { keyProof: protectedKeyProof },
  });
  await step('meta with wrong keyProof', `/api/secrets/${id}/meta`, {
    json: { keyProof: protectedKeyProof },
  });
  await step('reveal with malformed JSON', `/api/secrets/${id}/reveal`, { raw: '{"keyProof"' });
  await step('reveal with unknown field', `/api/secrets/${id}/reveal`, {
    json: { keyProof: plainKeyProof, colour: 'blue' },
  });

  const revealed = await step('reveal', `/api/secrets/${id}/reveal`, {
    json: { keyProof: plainKeyProof },
    headers: { 'x-forwarded-for': SPOOFED_IP },
  });
  await step('reveal again', `/api/secrets/${id}/reveal`, { json: { keyProof: plainKeyProof } });

  await step('reveal without passphrase proof', `/api/secrets/${protectedId}/reveal`, {
    json: { keyProof: protectedKeyProof },
  });
  await step('reveal with wrong passphrase', `/api/secrets/${protectedId}/reveal`, {
    json: { keyProof: protectedKeyProof, passphraseProof: b64(secrets.wrongPassphraseProof) },
  });
  const revealedProtected = await step(
    'reveal with passphrase',
    `/api/secrets/${protectedId}/reveal`,
    {
      json: {
        keyProof: protectedKeyProof,
        passphraseProof: b64(secrets.protected.passphraseProof ?? new Uint8Array()),
      },
    },
  );

  await step('page', `/s/${id}`, {});
  await step('page HEAD', `/s/${id}`, { method: 'HEAD' });
  await step('unknown route', '/api/nothing-here', {});
  await step('wrong method', '/api/secrets', { method: 'PUT', headers: creator });
  await step('history', '/api/secrets', { headers: creator });
  const events = await step('events', `/api/secrets/${id}/events`, { headers: creator });
  await step('burn an opened secret', `/api/secrets/${id}`, { method: 'DELETE', headers: creator });
  await step('events without sign-in', `/api/secrets/${id}/events`, {});

  return {
    answers,
    opened: {
      plain: await openEnvelope(revealed, secrets.plain.key, null),
      protected: await openEnvelope(revealedProtected, secrets.protected.key, PASSPHRASE),
    },
    audit: auditOf(events),
  };
}

/** The `id` of a 201 answer. */
function idOf(answer: Record<string, unknown> | null): string {
  if (typeof answer?.id !== 'string') throw new Error(`create answered ${JSON.stringify(answer)}`);
  return answer.id;
}

/** Opens a reveal answer's envelope in Node, or null when there is none. */
async function openEnvelope(
  answer: Record<string, unknown> | null,
  key: Uint8Array,
  passphrase: string | null,
): Promise<string | null> {
  if (typeof answer?.envelope !== 'string') return null;
  return open(decodeBase64url(answer.envelope), key, passphrase);
}

/** `{type, ip}` of each event of an events answer. */
function auditOf(answer: Record<string, unknown> | null): { type: string; ip: string | null }[] {
  const events = Array.isArray(answer?.events) ? (answer.events as Record<string, unknown>[]) : [];
  return events.map((event) => ({
    type: String(event.type),
    ip: typeof event.ip === 'string' ? event.ip : null,
  }));
}
