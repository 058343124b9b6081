/**
 * Reading forwarded headers as a list of hops, nearest proxy first (right to left).
 *
 * The right end of a forwarded header is written by our own proxies; the left end is
 * whatever the client sent. So both readers work from the right, and nothing to the left
 * of a hop can change how that hop reads: an attacker's unbalanced quote, stray comma or
 * megabyte of garbage only ever affects hops that are further from us than the real ones.
 * Work is capped so that a hostile header costs a bounded amount.
 */
import { type ParsedAddress, parseAddress } from './parse-address';

/** A hop: its parsed address, or null when the hop is malformed (the walk stops there). */
export type Hop = ParsedAddress | null;

/** At most this many hops are read, nearest first. Real chains have a handful. */
export const MAX_FORWARDED_HOPS = 64;
/** At most this many characters are read, from the right end of the header. */
export const MAX_FORWARDED_HEADER_CHARS = 8 * 1024;

const COMMA = 0x2c;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
/** Longer `for=` values cannot hold an address; checked before any regex runs on them. */
const MAX_NODE_CHARS = 200;

/** Trims HTTP optional whitespace (SP, HTAB) with a loop: linear even on hostile input. */
function trimOws(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isOws(text.charCodeAt(start))) start++;
  while (end > start && isOws(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isOws(code: number): boolean {
  return code === SPACE || code === TAB;
}

/**
 * The header's readable tail. When the header is cut, the leftmost piece is a fragment
 * of an element, so readers treat reaching it as a malformed hop.
 */
function readableTail(value: string): { text: string; truncated: boolean } {
  if (value.length <= MAX_FORWARDED_HEADER_CHARS) return { text: value, truncated: false };
  return { text: value.slice(-MAX_FORWARDED_HEADER_CHARS), truncated: true };
}

/**
 * Reads `X-Forwarded-For` hops, nearest first. Each element is one address (ports and
 * brackets accepted); an empty or unparsable element is a malformed hop and ends the list.
 */
export function readXForwardedForHops(value: string): Hop[] {
  const { text, truncated } = readableTail(value);
  const hops: Hop[] = [];
  let end = text.length;
  while (hops.length < MAX_FORWARDED_HOPS) {
    const comma = end > 0 ? text.lastIndexOf(',', end - 1) : -1;
    if (comma < 0 && truncated) {
      hops.push(null);
      break;
    }
    const hop = parseAddress(trimOws(text.slice(comma + 1, end)), { allowPort: true });
    hops.push(hop);
    if (hop === null || comma < 0) break;
    end = comma;
  }
  return hops;
}

/**
 * Reads RFC 7239 `Forwarded` hops (`for=` of each element), nearest first.
 *
 * Elements are split on commas outside quoted strings, scanning from the right. An
 * element without exactly one `for=`, with `for=unknown`, an obfuscated identifier
 * (`for=_hidden`), a backslash escape, or unbalanced quotes is a malformed hop.
 */
export function readForwardedHops(value: string): Hop[] {
  const { text, truncated } = readableTail(value);
  const hops: Hop[] = [];
  let end = text.length;
  let inQuote = false;
  for (let i = text.length - 1; hops.length < MAX_FORWARDED_HOPS; i--) {
    if (i >= 0) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) inQuote = !inQuote;
      if (inQuote || code !== COMMA) continue;
    } else if (inQuote || truncated) {
      hops.push(null);
      break;
    }
    const hop = parseForwardedElement(text.slice(i + 1, end));
    hops.push(hop);
    if (hop === null || i < 0) break;
    end = i;
  }
  return hops;
}

/** `name=value` pairs are separated by semicolons; names are tokens (RFC 7230). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** An obfuscated port (`:_8080x`) carries no information; the address before it still does. */
const OBFUSCATED_PORT = /^(.+):_[A-Za-z0-9._-]+$/;

function parseForwardedElement(element: string): Hop {
  // Quoted-pair escapes never appear in a real address; refusing them keeps the
  // right-to-left quote tracking exact.
  if (element.includes('\\')) return null;
  let forValue: string | undefined;
  for (const rawPair of splitOutsideQuotes(element, ';')) {
    const pair = trimOws(rawPair);
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    if (equals <= 0 || !TOKEN.test(pair.slice(0, equals))) return null;
    if (pair.slice(0, equals).toLowerCase() !== 'for') continue;
    if (forValue !== undefined) return null;
    const unquoted = unquote(pair.slice(equals + 1));
    if (unquoted === null) return null;
    forValue = unquoted;
  }
  return forValue === undefined ? null : parseForwardedNode(forValue);
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') inQuote = !inQuote;
    else if (char === separator && !inQuote) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(value: string): string | null {
  if (!value.startsWith('"')) return value.includes('"') ? null : value;
  if (value.length < 2 || !value.endsWith('"')) return null;
  const inner = value.slice(1, -1);
  return inner.includes('"') ? null : inner;
}

/** RFC 7239 §6: `unknown` and obfuscated names (`_abc`) identify no address. */
function parseForwardedNode(node: string): Hop {
  if (node.length > MAX_NODE_CHARS) return null;
  if (node.toLowerCase() === 'unknown' || node.startsWith('_')) return null;
  const withoutObfuscatedPort = OBFUSCATED_PORT.exec(node)?.[1] ?? node;
  return parseAddress(withoutObfuscatedPort, { allowPort: true });
}
