/** The paths of the creator's paged lists (`GET /api/secrets`, `GET /api/requests`). */

/** `{list}?limit={limit}`, with `&cursor=…` when a later page is asked for. */
export function pagePath(list: string, limit: number, cursor: string | null): string {
  const after = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
  return `${list}?limit=${limit}${after}`;
}
