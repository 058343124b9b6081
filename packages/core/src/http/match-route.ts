/**
 * Maps a request path onto the route table of DESIGN.md §7.
 *
 * Matching happens in two steps so the handler can answer in the contract's order:
 * first "is this path ours, and which resource is it" (unknown → 404), then "does
 * that resource accept this method" (→ 405 with `Allow`).
 */
import type { RateLimitBudget } from '../ratelimit';

/** Every operation the handler performs. */
export type RouteName =
  | 'createSecret'
  | 'createGroup'
  | 'listSecrets'
  | 'listEvents'
  | 'burnSecret'
  | 'secretMeta'
  | 'revealSecret'
  | 'page'
  | 'asset'
  | 'createRequest'
  | 'listRequests'
  | 'listRequestEvents'
  | 'burnRequest'
  | 'requestMeta'
  | 'answerRequest'
  | 'requestPage';

/** What the handler must do before reaching a route's own work. */
export interface RouteRules {
  /** The rate-limit budget (DESIGN.md §6), or null for unmetered routes (pages, assets). */
  budget: RateLimitBudget | null;
  /** Creator routes require `authorize` to name a user. */
  creator: boolean;
  /** Routes that read a JSON body (media type, size and body checks apply). */
  jsonBody: boolean;
}

/** The rules of every route, keyed by name. */
export const ROUTE_RULES: Readonly<Record<RouteName, RouteRules>> = {
  createSecret: { budget: 'create', creator: true, jsonBody: true },
  createGroup: { budget: 'create', creator: true, jsonBody: true },
  listSecrets: { budget: 'creator', creator: true, jsonBody: false },
  listEvents: { budget: 'creator', creator: true, jsonBody: false },
  burnSecret: { budget: 'creator', creator: true, jsonBody: false },
  secretMeta: { budget: 'recipient', creator: false, jsonBody: true },
  revealSecret: { budget: 'recipient', creator: false, jsonBody: true },
  page: { budget: null, creator: false, jsonBody: false },
  asset: { budget: null, creator: false, jsonBody: false },
  // Request links (DESIGN.md §10): the customer's meta and answer share the recipient budget.
  createRequest: { budget: 'create', creator: true, jsonBody: true },
  listRequests: { budget: 'creator', creator: true, jsonBody: false },
  listRequestEvents: { budget: 'creator', creator: true, jsonBody: false },
  burnRequest: { budget: 'creator', creator: true, jsonBody: false },
  requestMeta: { budget: 'recipient', creator: false, jsonBody: true },
  answerRequest: { budget: 'recipient', creator: false, jsonBody: true },
  requestPage: { budget: null, creator: false, jsonBody: false },
};

/** A resource the handler knows: which route answers each method, plus the path parameter. */
export interface MatchedResource {
  /** Method → route. `HEAD` is served by the `GET` route. */
  methods: Partial<Record<string, RouteName>>;
  /** The `{id}` segment, unvalidated (the record step checks its shape), or the asset name. */
  param: string | null;
}

/** The outcome of matching a path. */
export type PathMatch =
  /** Not under `{basePath}/api/`, `/s/`, `/r/` or `/assets/`: the host's own route. */
  | { owned: false }
  /** Ours; `resource` is null for a path the route table does not list (404). */
  | { owned: true; resource: MatchedResource | null };

const OWNED_PREFIXES = ['/api/', '/s/', '/r/', '/assets/'] as const;

/**
 * Normalises a `basePath` option: `''` or `'/x/y'`, no trailing slash.
 *
 * @throws {TypeError} when the path does not start with `/` or holds `?`, `#` or `//`.
 */
export function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!trimmed.startsWith('/') || /[?#\s]|\/\//.test(trimmed)) {
    throw new TypeError(`basePath must look like "/hushlink" (got ${JSON.stringify(basePath)}).`);
  }
  return trimmed;
}

/** Whether `pathname` falls under one of the prefixes the handler owns. */
export function ownsPath(pathname: string, basePath: string): boolean {
  if (!pathname.startsWith(basePath)) return false;
  const rest = pathname.slice(basePath.length);
  return OWNED_PREFIXES.some((prefix) => rest.startsWith(prefix));
}

/** Matches `pathname` (as it appears in the URL, percent-encoding kept) against the route table. */
export function matchRoute(pathname: string, basePath: string): PathMatch {
  if (!ownsPath(pathname, basePath)) return { owned: false };
  const rest = pathname.slice(basePath.length);
  return { owned: true, resource: matchOwned(rest) };
}

function matchOwned(rest: string): MatchedResource | null {
  if (rest.startsWith('/assets/')) {
    const name = rest.slice('/assets/'.length);
    return name === '' ? null : { methods: { GET: 'asset' }, param: name };
  }
  const segments = rest.slice(1).split('/');
  const [area, first, second, third] = segments;
  if (segments.some((segment) => segment === '')) return null;
  if (area === 's' && first !== undefined && second === undefined) {
    // Any id gets the page: the page itself asks the API, so it reveals nothing about ids.
    return { methods: { GET: 'page' }, param: first };
  }
  if (area === 'r' && first !== undefined && second === undefined) {
    // As for /s/: any id gets the customer's page, so the page tells nothing about ids.
    return { methods: { GET: 'requestPage' }, param: first };
  }
  if (area === 'api' && first === 'groups' && segments.length === 2) {
    return { methods: { POST: 'createGroup' }, param: null };
  }
  if (area === 'api' && first === 'requests') return matchRequests(segments);
  if (area !== 'api' || first !== 'secrets' || segments.length > 4) return null;
  if (segments.length === 2) {
    return { methods: { GET: 'listSecrets', POST: 'createSecret' }, param: null };
  }
  if (second === undefined) return null;
  if (segments.length === 3) return { methods: { DELETE: 'burnSecret' }, param: second };
  if (segments.length !== 4) return null;
  switch (third) {
    case 'events':
      return { methods: { GET: 'listEvents' }, param: second };
    case 'meta':
      return { methods: { POST: 'secretMeta' }, param: second };
    case 'reveal':
      return { methods: { POST: 'revealSecret' }, param: second };
    default:
      return null;
  }
}

/** `/api/requests…` (DESIGN.md §10). */
function matchRequests(segments: readonly string[]): MatchedResource | null {
  const [, , id, action] = segments;
  if (segments.length === 2) {
    return { methods: { GET: 'listRequests', POST: 'createRequest' }, param: null };
  }
  if (id === undefined || segments.length > 4) return null;
  if (segments.length === 3) return { methods: { DELETE: 'burnRequest' }, param: id };
  switch (action) {
    case 'events':
      return { methods: { GET: 'listRequestEvents' }, param: id };
    case 'meta':
      return { methods: { POST: 'requestMeta' }, param: id };
    case 'answer':
      return { methods: { POST: 'answerRequest' }, param: id };
    default:
      return null;
  }
}

/** The route for `method` on `resource`, serving `HEAD` with the `GET` route. */
export function routeForMethod(resource: MatchedResource, method: string): RouteName | null {
  const direct = resource.methods[method];
  if (direct !== undefined) return direct;
  if (method === 'HEAD') return resource.methods.GET ?? null;
  return null;
}

/** The `Allow` header value of a resource (`HEAD` listed wherever `GET` is). */
export function allowHeader(resource: MatchedResource): string {
  const methods = Object.keys(resource.methods);
  if (methods.includes('GET')) methods.splice(methods.indexOf('GET') + 1, 0, 'HEAD');
  return methods.join(', ');
}
