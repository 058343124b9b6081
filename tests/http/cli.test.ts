/**
 * The `hushlink` CLI against a real server on loopback, spawned as users run it.
 * The server records every request it receives, to prove the plaintext, the key and the
 * passphrase never reach it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../../packages/core/src/http';
import { toNodeHandler } from '../../packages/core/src/node';
import { createHushlink } from '../../packages/core/src/service';
import { createMemoryStore } from '../../packages/core/src/store';
import { bearerAuthorize, TEST_KEY } from './harness';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'packages/core/src/cli/main.ts');

let server: Server;
let baseUrl: string;
let dir: string;
const seen: string[] = [];

beforeAll(async () => {
  const handler = createHandler({
    hushlink: createHushlink({ store: createMemoryStore(), keys: TEST_KEY }),
    authorize: bearerAuthorize,
    basePath: '/vault',
  });
  const recording = async (request: Request, context?: { remoteAddress?: string | null }) => {
    seen.push(
      `${request.method} ${request.url} ${JSON.stringify([...request.headers])} ${await request.clone().text()}`,
    );
    return handler(request, context);
  };
  server = createServer(toNodeHandler(Object.assign(recording, { owns: handler.owns })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/vault`;
  dir = await mkdtemp(join(tmpdir(), 'hushlink-cli-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

/** Runs `hushlink <args>` with `input` on stdin. */
function hushlink(
  args: string[],
  options: { input?: string; token?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@hushlink/source', MAIN, ...args],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          ...(options.token ? { HUSHLINK_TOKEN: options.token } : {}),
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

describe('hushlink CLI', () => {
  it('keygen prints 64 hex characters', async () => {
    const result = await hushlink(['keygen']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('share then reveal round-trips the exact text, once; nothing secret reaches the server', async () => {
    const plaintext = 'line one\nsk_live_Ωmega "quoted"\n';
    const shared = await hushlink(
      ['share', '--url', baseUrl, '--ttl', '1h', '--label', 'API key'],
      {
        input: plaintext,
        token: 'alice',
      },
    );
    expect(shared.code).toBe(0);
    const link = shared.stdout.trim();
    expect(link).toMatch(new RegExp(`^${baseUrl}/s/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}$`));
    expect(shared.stderr).toMatch(/^Expires at \d{4}-/);

    const revealed = await hushlink(['reveal', link]);
    expect(revealed.code).toBe(0);
    expect(revealed.stdout).toBe(plaintext);

    const again = await hushlink(['reveal', link]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('no longer available');

    const key = link.split('#')[1] as string;
    const everything = seen.join('\n');
    expect(everything).not.toContain(key);
    expect(everything).not.toContain('sk_live');
    expect(everything).toContain('"label":"API key"');
  });

  it('protects with a passphrase file; a wrong one counts attempts', async () => {
    const right = join(dir, 'right.txt');
    const wrong = join(dir, 'wrong.txt');
    await writeFile(right, 'correct horse battery\n');
    await writeFile(wrong, 'incorrect\n');
    const shared = await hushlink(
      ['share', '--url', baseUrl, '--passphrase-file', right, '--views', '2'],
      { input: 'two views', token: 'alice' },
    );
    expect(shared.code).toBe(0);
    const link = shared.stdout.trim();

    const denied = await hushlink(['reveal', link, '--passphrase-file', wrong]);
    expect(denied.code).toBe(4);
    expect(denied.stderr).toContain('4 attempts left');
    const noPassphrase = await hushlink(['reveal', link]);
    expect(noPassphrase.code).toBe(2);
    expect(noPassphrase.stderr).toContain('--passphrase-file');

    const revealed = await hushlink(['reveal', link, '--passphrase-file', right]);
    expect(revealed.code).toBe(0);
    expect(revealed.stdout).toBe('two views');
    expect(seen.join('\n')).not.toContain('correct horse');
  });

  it('explains a missing token, a bad TTL and a link without its key', async () => {
    const noToken = await hushlink(['share', '--url', baseUrl], { input: 'x' });
    expect(noToken.code).toBe(5);
    expect(noToken.stderr).toContain('HUSHLINK_TOKEN');
    const badTtl = await hushlink(['share', '--url', baseUrl, '--ttl', '31d'], {
      input: 'x',
      token: 'alice',
    });
    expect(badTtl.code).toBe(2);
    expect(badTtl.stderr).toContain('--ttl');
    const noKey = await hushlink(['reveal', `${baseUrl}/s/AAAAAAAAAAAAAAAAAAAAAA`]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('after "#"');
  });
});
