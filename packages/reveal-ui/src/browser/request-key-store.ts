/**
 * Where the creator's browser keeps each request's secret key `sk`: IndexedDB, keyed by the
 * request id (DESIGN.md §10). Never sent anywhere; deleted once the answer is read or the
 * request burned. Every function resolves (never rejects): without IndexedDB (a private
 * window, storage disabled) the private read link is the only copy, and the UI says so.
 */

const DATABASE = 'hushlink';
const STORE = 'request-keys';

function openDatabase(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DATABASE, 1);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) {
        request.result.createObjectStore(STORE);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<{ ok: true; value: T } | { ok: false }> {
  const database = await openDatabase();
  if (database === null) return { ok: false };
  return new Promise((resolve) => {
    try {
      const transaction = database.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => {
        database.close();
        resolve({ ok: true, value: request.result });
      };
      transaction.onerror = transaction.onabort = () => {
        database.close();
        resolve({ ok: false });
      };
    } catch {
      database.close();
      resolve({ ok: false });
    }
  });
}

/**
 * Keeps `sk` for the request `id`.
 * @returns whether it was stored (false without usable IndexedDB).
 */
export async function saveRequestKey(id: string, secretKey: Uint8Array): Promise<boolean> {
  return (await run('readwrite', (store) => store.put(secretKey.slice(), id))).ok;
}

/** The stored `sk` of the request `id`, or null. */
export async function loadRequestKey(id: string): Promise<Uint8Array | null> {
  const result = await run<unknown>('readonly', (store) => store.get(id));
  if (!result.ok) return null;
  const value = result.value;
  return value instanceof Uint8Array && value.length === 32 ? value : null;
}

/** Forgets the `sk` of the request `id` (answer read, request burned). */
export async function deleteRequestKey(id: string): Promise<void> {
  await run('readwrite', (store) => store.delete(id));
}
