import { buildLink, encodeBase64url, seal } from '../crypto';
import { InvalidRequestError, PayloadTooLargeError } from '../errors';
import type { ServiceContext } from './context';
import { createSecret } from './create-secret';
import type { ClientInfo, SharedText, ShareTextInput } from './types';

/**
 * Server-side sharing: seals `plaintext` in this process and stores only the envelope. The
 * fragment key is returned to the caller once (and inside `link` when `baseUrl` is given);
 * it is never stored. Prefer sealing in the browser when the server should not see the text.
 * @throws {PayloadTooLargeError} over the plaintext cap; {InvalidRequestError} for a bad
 *   passphrase or field; {StoreUnavailableError} when the store fails.
 */
export async function shareText(
  ctx: ServiceContext,
  input: ShareTextInput,
  client: ClientInfo,
): Promise<SharedText> {
  const { plaintext, passphrase, baseUrl, ...rest } = input;
  if (typeof plaintext !== 'string' || plaintext.length === 0) {
    throw new InvalidRequestError('plaintext must be non-empty text.', 'plaintext');
  }
  if (new TextEncoder().encode(plaintext).length > ctx.maxPlaintextBytes)
    throw new PayloadTooLargeError();
  let sealed: Awaited<ReturnType<typeof seal>>;
  try {
    sealed = await seal(plaintext, {
      ...(passphrase === undefined ? {} : { passphrase }),
      maxPlaintextBytes: ctx.maxPlaintextBytes,
    });
  } catch (error) {
    throw new InvalidRequestError(
      error instanceof Error ? error.message : 'Cannot seal this text.',
      'passphrase',
    );
  }
  try {
    const created = await createSecret(
      ctx,
      {
        ...rest,
        envelope: sealed.envelope,
        keyProof: sealed.keyProof,
        passphraseProof: sealed.passphraseProof,
      },
      client,
    );
    return {
      ...created,
      key: encodeBase64url(sealed.key),
      link: baseUrl === undefined ? null : buildLink(baseUrl, created.id, sealed.key),
    };
  } finally {
    sealed.key.fill(0);
  }
}
