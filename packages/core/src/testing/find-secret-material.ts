import { base64, base64urlnopad, hex } from '@scure/base';

/** One thing that must never reach storage, under a name for the failure message. */
export interface Needle {
  name: string;
  /** Raw bytes (searched inside byte values). */
  bytes: Uint8Array;
  /** Text forms (searched inside strings and inside bytes read as Latin-1 text). */
  texts: string[];
}

/** The forms a careless store could write bytes in: raw, base64url, base64, hex (both cases). */
export function needleOf(name: string, bytes: Uint8Array, extraTexts: string[] = []): Needle {
  const hexText = hex.encode(bytes);
  return {
    name,
    bytes,
    texts: [
      base64urlnopad.encode(bytes),
      base64.encode(bytes).replace(/=+$/, ''),
      hexText,
      hexText.toUpperCase(),
      ...extraTexts,
    ],
  };
}

/**
 * Walks every value of every row and returns where a needle appears, as
 * `"<needle name> in <row table>.<field path>"`, or an empty list.
 */
export function findSecretMaterial(
  rows: ReadonlyArray<Record<string, unknown>>,
  needles: readonly Needle[],
): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const n of needles)
        if (n.texts.some((t) => value.includes(t))) found.push(`${n.name} in ${path}`);
    } else if (value instanceof Uint8Array) {
      const asText = latin1(value);
      for (const n of needles) {
        if (containsBytes(value, n.bytes) || n.texts.some((t) => asText.includes(t))) {
          found.push(`${n.name} in ${path}`);
        }
      }
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    }
  };
  for (const [i, row] of rows.entries()) visit(row, `row${i}(${String(row.table ?? '?')})`);
  return found;
}

/** True when `needle` occurs in `haystack` as a contiguous run. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return text;
}
