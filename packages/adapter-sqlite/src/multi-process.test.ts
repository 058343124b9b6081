import { createHushlink, NotAvailableError } from '@hushlink/core';
import { encodeBase64url, seal } from '@hushlink/core/crypto';
import { describe, expect, it } from 'vitest';
import { type Child, exited, spawnFixture, waitForLine } from '../test/child-process';
import { RACE_KEY } from '../test/race-key';
import { tempDatabase } from '../test/temp-database';
import { createSqliteStores } from './create-sqlite-stores';

const PROCESSES = 4;
const SECRETS = 10;
// Each worker tries 5 reveals per secret: 4 processes × 10 secrets × 5 = 200 concurrent reveals.
const CLIENT = { ip: '198.51.100.1', userAgent: 'test' };

describe('several processes on one database file', () => {
  it('reveal each single-use secret exactly once across 200 concurrent reveals', async () => {
    const temp = tempDatabase();
    const stores = createSqliteStores({ filename: temp.filename });
    const children: Child[] = [];
    try {
      await stores.migrate();
      const hushlink = createHushlink({ store: stores.secrets, keys: RACE_KEY });
      const secrets = await Promise.all(
        Array.from({ length: SECRETS }, async (_, i) => {
          const sealed = await seal(`race secret ${i}`);
          const { id } = await hushlink.createSecret(
            { envelope: sealed.envelope, keyProof: sealed.keyProof, createdBy: 'alice' },
            CLIENT,
          );
          return {
            id,
            keyProof: sealed.keyProof,
            pair: `${id}:${encodeBase64url(sealed.keyProof)}`,
          };
        }),
      );

      for (let i = 0; i < PROCESSES; i++) {
        // Each process attacks the secrets in its own order, so the races interleave.
        const order = secrets.map(
          (_, j) => (secrets[(j + i * 3) % SECRETS] as { pair: string }).pair,
        );
        children.push(spawnFixture('reveal-worker.ts', [temp.filename, ...order]));
      }
      await Promise.all(children.map((c) => waitForLine(c, (l) => l === 'ready')));
      const results = children.map((c) => waitForLine(c, (l) => l.startsWith('{')));
      for (const child of children) child.stdin.end('go\n');
      const reports = (await Promise.all(results)).map(
        (l) => JSON.parse(l) as { won: string[]; errors: string[] },
      );

      expect(reports.flatMap((r) => r.errors)).toEqual([]);
      expect(reports.flatMap((r) => r.won).sort()).toEqual(secrets.map((s) => s.id).sort());
      for (const { id, keyProof } of secrets) {
        expect(await stores.secrets.get(id)).toMatchObject({ status: 'viewed', envelope: null });
        const revealed = (await stores.secrets.listEvents(id)).filter((e) => e.type === 'revealed');
        expect(revealed).toHaveLength(1);
        await expect(hushlink.reveal(id, { keyProof }, CLIENT)).rejects.toBeInstanceOf(
          NotAvailableError,
        );
      }
      expect(await Promise.all(children.map(exited))).toEqual(children.map(() => 0));
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await stores.close();
      temp.remove();
    }
  });
});
