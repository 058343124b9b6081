import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database path in a fresh temporary directory, and how to remove it (file, -wal, -shm). */
export interface TempDatabase {
  dir: string;
  filename: string;
  remove(): void;
}

export function tempDatabase(): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'hushlink-sqlite-'));
  return {
    dir,
    filename: join(dir, 'hushlink.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
