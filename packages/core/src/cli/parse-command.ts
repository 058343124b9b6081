/**
 * Turns `process.argv` into one command. Pure: no I/O, so every rule is unit-tested.
 */
import { parseArgs } from 'node:util';
import { usageError } from './cli-error';
import { parseTtl } from './parse-ttl';

/** `hushlink share …` */
export interface ShareCommand {
  command: 'share';
  /** Origin plus base path of the Hushlink server, e.g. `https://app.example.com/hushlink`. */
  url: string;
  ttlSeconds: number;
  /** 1..1000, or null for unlimited views until expiry. */
  maxViews: number | null;
  label: string | null;
  passphraseFile: string | null;
  notify: boolean;
}

/** `hushlink reveal <link>` */
export interface RevealCommand {
  command: 'reveal';
  link: string;
  passphraseFile: string | null;
}

/** Every command the CLI runs. */
export type Command =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'keygen' }
  | ShareCommand
  | RevealCommand;

/**
 * Parses the arguments after `hushlink`.
 * @param env - read for `HUSHLINK_URL`, the default of `share --url`.
 * @throws {CliError} (usage) naming the first problem.
 */
export function parseCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    return { command: 'help' };
  }
  if (name === '--version' || name === '-v') return { command: 'version' };
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help' };
  switch (name) {
    case 'keygen':
      parse(rest, {}, 0);
      return { command: 'keygen' };
    case 'share':
      return parseShare(rest, env);
    case 'reveal':
      return parseReveal(rest);
    default:
      throw usageError(`Unknown command "${name}".`);
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function parse(args: readonly string[], options: OptionSpec, positionals: number) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length !== positionals) {
    throw usageError(
      positionals === 0
        ? `Unexpected argument "${parsed.positionals[0]}".`
        : `Expected exactly ${positionals} argument(s), got ${parsed.positionals.length}.`,
    );
  }
  return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
}

function parseShare(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ShareCommand {
  const { values } = parse(
    args,
    {
      url: { type: 'string' },
      ttl: { type: 'string' },
      views: { type: 'string' },
      label: { type: 'string' },
      'passphrase-file': { type: 'string' },
      notify: { type: 'boolean' },
    },
    0,
  );
  const url = (values.url as string | undefined) ?? env.HUSHLINK_URL;
  if (url === undefined || url === '') {
    throw usageError(
      'share needs --url (or HUSHLINK_URL), e.g. --url https://app.example.com/hushlink.',
    );
  }
  return {
    command: 'share',
    url: checkServerUrl(url),
    ttlSeconds: parseTtl((values.ttl as string | undefined) ?? '24h'),
    maxViews: parseViews((values.views as string | undefined) ?? '1'),
    label: parseLabel(values.label as string | undefined),
    passphraseFile: (values['passphrase-file'] as string | undefined) ?? null,
    notify: values.notify === true,
  };
}

function parseReveal(args: readonly string[]): RevealCommand {
  const { values, positionals } = parse(args, { 'passphrase-file': { type: 'string' } }, 1);
  return {
    command: 'reveal',
    link: positionals[0] as string,
    passphraseFile: (values['passphrase-file'] as string | undefined) ?? null,
  };
}

/** An http(s) URL without query or fragment; the trailing slash is dropped. */
function checkServerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`--url is not a URL: "${text}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError('--url must start with http:// or https://.');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw usageError(
      '--url takes the origin and base path only (no query, fragment or credentials).',
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function parseViews(text: string): number | null {
  if (text === 'unlimited') return null;
  const views = /^[0-9]{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(views >= 1 && views <= 1000)) {
    throw usageError(`--views must be 1..1000 or "unlimited", got "${text}".`);
  }
  return views;
}

function parseLabel(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  if ([...text].length > 200) throw usageError('--label must be at most 200 characters.');
  return text;
}
