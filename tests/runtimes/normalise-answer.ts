/**
 * Turns an HTTP answer into what must be equal on every runtime: status, header names
 * and values, and the body's shape. Transport details each server chooses for itself
 * (dates, framing, compression) and values that depend on timing are left out.
 */

/** One answer as the runtimes are compared. */
export interface NormalisedAnswer {
  /** The scenario step, e.g. `reveal again`. */
  step: string;
  status: number;
  /** Sorted header names, transport headers left out. */
  headerNames: string[];
  /** Header values, except the timing-dependent ones. */
  headerValues: Record<string, string>;
  /** The JSON body with every free-form string replaced by `<string>`, or the text. */
  body: unknown;
}

/**
 * Headers a server or its HTTP stack adds or rewrites on its own: framing, compression
 * (workerd and Deno compress, node:http does not), connection management and dates.
 */
export const TRANSPORT_HEADERS: ReadonlySet<string> = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'content-encoding',
]);

/** Headers whose names are compared but whose values depend on the clock. */
export const TIMING_HEADERS: ReadonlySet<string> = new Set(['ratelimit', 'retry-after']);

/** JSON members whose strings are contract values (codes, event types), kept as they are. */
const KEPT_STRINGS: ReadonlySet<string> = new Set(['code', 'message', 'type', 'reason']);

/** Reads and normalises one answer (consumes its body). */
export async function normaliseAnswer(step: string, response: Response): Promise<NormalisedAnswer> {
  const headerNames: string[] = [];
  const headerValues: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    if (TRANSPORT_HEADERS.has(name) || isCompressionVary(name, value)) continue;
    headerNames.push(name);
    if (!TIMING_HEADERS.has(name)) headerValues[name] = value;
  }
  headerNames.sort();
  const text = await response.text();
  return { step, status: response.status, headerNames, headerValues, body: bodyShape(text) };
}

/** `Vary: Accept-Encoding` comes with compression, which is the server's choice. */
function isCompressionVary(name: string, value: string): boolean {
  return name === 'vary' && value.trim().toLowerCase() === 'accept-encoding';
}

/** JSON → its shape; other text (the page) stays as it is; no body → null. */
function bodyShape(text: string): unknown {
  if (text === '') return null;
  try {
    return shape(JSON.parse(text), null);
  } catch {
    return text;
  }
}

/** Keeps structure, numbers, booleans and contract strings; hides ids, dates and bytes. */
function shape(value: unknown, key: string | null): unknown {
  if (Array.isArray(value)) return value.map((item) => shape(item, null));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return Object.fromEntries(entries.map(([name, item]) => [name, shape(item, name)]));
  }
  if (typeof value === 'string' && (key === null || !KEPT_STRINGS.has(key))) return '<string>';
  return value;
}
