/** The `--help` text. */
export const HELP_TEXT = `hushlink: share a secret through a link that expires.

Usage:
  hushlink keygen
      Print a new integrity key (64 hex characters) for HUSHLINK_HMAC_KEY.

  printf %s "$SECRET" | hushlink share --url <base-url> [options]
      Encrypt stdin locally, store the ciphertext, print the link on stdout.
      --url <base-url>          The server's origin and base path, e.g.
                                https://app.example.com/hushlink (default: $HUSHLINK_URL)
      --ttl <duration>          1h, 24h, 3d, 7d, 14d, 30d, or <n>m|h|d (default 24h)
      --views <n|unlimited>     How many reveals (default 1: single-use)
      --label <text>            A label for your history (up to 200 characters)
      --passphrase-file <file>  Also require this passphrase (first line break dropped)
      --notify                  Ask the server to notify you of events
      Authenticates with Authorization: Bearer $HUSHLINK_TOKEN.

  hushlink reveal '<link>' [--passphrase-file <file>]
      Reveal a secret (consumes a single-use one) and print it on stdout.
      Asks for the passphrase on the terminal when needed and no file is given.

The plaintext, the key (the part of the link after #) and the passphrase never
leave this machine: only ciphertext and proofs are sent.

Exit codes: 0 ok, 1 failure (network, server), 2 usage, 3 not available
(viewed, expired, destroyed, or wrong link), 4 wrong passphrase,
5 unauthorized or forbidden, 6 rate limited or unavailable (try later).
`;
