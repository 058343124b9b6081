import Database from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-database';

/** Default time a writer waits for another process's write lock before failing. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a database file for Hushlink with the settings its guarantees rest on:
 * - `journal_mode = WAL`: readers never block the writer and vice versa, and a process
 *   killed mid-write leaves the file consistent (the WAL is replayed or discarded);
 * - `synchronous = NORMAL`: safe with WAL against process crashes; an OS crash or power
 *   loss may drop the last transactions but never corrupts the file;
 * - `busy_timeout`: a writer waits for the lock instead of failing at once.
 *
 * @throws {Error} (better-sqlite3 `SqliteError`) when the file cannot be opened.
 */
export function openDatabase(filename: string, busyTimeoutMs: number): SqliteDatabase {
  const database = new Database(filename, { timeout: busyTimeoutMs });
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  } catch (error) {
    database.close();
    throw error;
  }
  return database as unknown as SqliteDatabase;
}
