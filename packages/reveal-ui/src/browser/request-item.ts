/** A request as `GET /api/requests` lists it (DESIGN.md §10). */
export interface RequestItemJson {
  id: string;
  label: string | null;
  status: 'open' | 'answered' | 'expired' | 'burned';
  createdAt: string;
  expiresAt: string;
  /** The last three are null until the request is answered. */
  answeredAt: string | null;
  answerSecretId: string | null;
  ephemeralKey: string | null;
}

/** One page of `GET /api/requests`. */
export interface RequestPageJson {
  items: RequestItemJson[];
  nextCursor: string | null;
}
