/** A fixed integrity key shared by the race's processes (test only: never reuse a published key). */
export const RACE_KEY = '5e'.repeat(32);
