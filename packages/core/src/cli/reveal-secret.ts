/**
 * `hushlink reveal`: asks meta, derives the proofs locally, reveals, opens the envelope
 * locally and prints the plaintext. Only proofs travel; the key and passphrase stay here.
 */

import { decodeBase64url, deriveKeyProof, deriveProofs, encodeBase64url, open } from '../crypto';
import { CryptoError } from '../errors';
import { type Fetch, postJson } from './call-api';
import { CliError } from './cli-error';
import type { RevealCommand } from './parse-command';
import { parseSecretLink } from './parse-secret-link';
import { type CliIo, promptHidden, readPassphraseFile } from './read-input';

/**
 * Reveals the secret behind `command.link` and writes it to stdout exactly (plus a line
 * break when stdout is a terminal). A single-use secret is consumed.
 * @throws {CliError}
 */
export async function revealSecret(
  command: RevealCommand,
  io: CliIo,
  fetchImpl?: Fetch,
): Promise<void> {
  const link = parseSecretLink(command.link);
  const api = `${link.baseUrl}/api/secrets/${link.id}`;
  const withFetch = fetchImpl === undefined ? {} : { fetch: fetchImpl };
  const keyProof = encodeBase64url(deriveKeyProof(link.key));
  const meta = await postJson({ url: `${api}/meta`, body: { keyProof }, ...withFetch });

  let passphrase: string | null = null;
  let passphraseProof: string | undefined;
  if (meta.passphrase === true) {
    const kdf = meta.kdf as { salt?: unknown; logN?: unknown; r?: unknown; p?: unknown } | null;
    passphrase =
      command.passphraseFile === null
        ? await promptHidden(io, 'Passphrase: ')
        : await readPassphraseFile(command.passphraseFile);
    const proofs = await deriveProofs(link.key, passphrase, {
      version: 1,
      passphrase: true,
      kdf: { logN: Number(kdf?.logN), r: Number(kdf?.r), p: Number(kdf?.p) },
      salt: decodeBase64url(String(kdf?.salt), 16),
      // The nonce plays no part in the proofs; the envelope's own is used to open it.
      nonce: new Uint8Array(24),
    }).catch((error: unknown) => {
      throw asCliError(error);
    });
    passphraseProof = encodeBase64url(proofs.passphraseProof as Uint8Array);
  }

  const revealed = await postJson({
    url: `${api}/reveal`,
    body: passphraseProof === undefined ? { keyProof } : { keyProof, passphraseProof },
    ...withFetch,
  });
  if (typeof revealed.envelope !== 'string')
    throw new CliError('The server answered without an envelope.');
  const plaintext = await open(decodeBase64url(revealed.envelope), link.key, passphrase).catch(
    (error: unknown) => {
      throw asCliError(error);
    },
  );
  link.key.fill(0);
  io.stdout.write(io.stdout.isTTY && !plaintext.endsWith('\n') ? `${plaintext}\n` : plaintext);
  if (revealed.remainingViews === 0) io.stderr.write('This secret can no longer be viewed.\n');
}

function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof CryptoError) {
    return new CliError(
      error.code === 'decrypt_failed'
        ? 'The secret could not be decrypted with this link (the link or passphrase does not match).'
        : `The server's answer is not a valid secret (${error.code}).`,
    );
  }
  return new CliError('The secret could not be opened.');
}
