/**
 * Reading a JSON body at the boundary: media type (415), size (413, enforced while
 * reading so an oversized body is refused after at most `cap + 1` bytes), then parsing.
 */

/** Whether the `Content-Type` is `application/json`, parameters (charset, …) ignored. */
export function isJsonMediaType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const essence = contentType.split(';', 1)[0]?.trim().toLowerCase();
  return essence === 'application/json';
}

/** The outcome of reading a body under a cap. */
export type BodyRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'too_large' | 'unreadable' };

/**
 * Reads the request body, refusing more than `cap` bytes. A declared `Content-Length`
 * above the cap is refused without reading anything; otherwise the stream is read
 * chunk by chunk and cancelled as soon as the count passes the cap.
 */
export async function readBodyWithCap(request: Request, cap: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared.trim()) > cap) {
    return { ok: false, reason: 'too_large' };
  }
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = request.body.getReader();
  } catch {
    // Already read by someone else (e.g. a host's `authorize` that consumed it).
    return { ok: false, reason: 'unreadable' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away or the stream broke: there is nothing to answer from.
    return { ok: false, reason: 'unreadable' };
  }
  return { ok: true, bytes: concat(chunks, total) };
}

/**
 * Parses the bytes as a UTF-8 JSON object. Returns null for invalid UTF-8, invalid JSON,
 * or any top-level value that is not a plain object.
 */
export function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
