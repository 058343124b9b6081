/**
 * `hushlink share`: seals stdin locally and stores only the envelope on the server.
 */
import { buildLink, DEFAULT_MAX_PLAINTEXT_BYTES, encodeBase64url, seal } from '../crypto';
import { type Fetch, postJson } from './call-api';
import { CliError, EXIT } from './cli-error';
import type { ShareCommand } from './parse-command';
import { type CliIo, readPassphraseFile, readStdinText } from './read-input';

/**
 * Seals the secret read from stdin, POSTs `{url}/api/secrets`, prints the link on stdout
 * and its expiry on stderr.
 * @throws {CliError}
 */
export async function shareSecret(
  command: ShareCommand,
  io: CliIo,
  fetchImpl?: Fetch,
): Promise<void> {
  const plaintext = await readStdinText(io, DEFAULT_MAX_PLAINTEXT_BYTES);
  if (plaintext === '') throw new CliError('Nothing to share: stdin was empty.', EXIT.usage);
  const passphrase =
    command.passphraseFile === null ? undefined : await readPassphraseFile(command.passphraseFile);
  const sealed = await seal(plaintext, passphrase === undefined ? {} : { passphrase });
  const body: Record<string, unknown> = {
    envelope: encodeBase64url(sealed.envelope),
    keyProof: encodeBase64url(sealed.keyProof),
    ttlSeconds: command.ttlSeconds,
    maxViews: command.maxViews,
  };
  if (sealed.passphraseProof !== null)
    body.passphraseProof = encodeBase64url(sealed.passphraseProof);
  if (command.label !== null) body.label = command.label;
  if (command.notify) body.notify = true;
  const created = await postJson({
    url: `${command.url}/api/secrets`,
    body,
    token: io.env.HUSHLINK_TOKEN,
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
  });
  if (typeof created.id !== 'string') throw new CliError('The server answered without an id.');
  io.stdout.write(`${buildLink(command.url, created.id, sealed.key)}\n`);
  sealed.key.fill(0);
  if (typeof created.expiresAt === 'string') io.stderr.write(`Expires at ${created.expiresAt}.\n`);
}
