import { describe, expect, it } from 'vitest';
import {
  CONTRACT_EPOCH,
  eventOf,
  fullRecord,
  fullRequest,
  minimalRecord,
  minimalRequest,
} from '../testing/record-fixtures';
import { type ColumnCodec, EVENT_COLUMNS, REQUEST_COLUMNS, SECRET_COLUMNS } from './columns';
import {
  eventFromColumns,
  eventToColumns,
  requestFromColumns,
  requestToColumns,
  secretFromColumns,
  secretToColumns,
} from './record-columns';

/** A dialect like SQLite's, with ISO times so a value bound unconverted would show. */
const codec: ColumnCodec<{ time: string; bytes: Uint8Array; flag: number; json: string }> = {
  writeTime: (ms) => new Date(ms).toISOString(),
  readTime: (value) => Date.parse(value),
  readBytes: (value) => Uint8Array.from(value),
  writeFlag: (value) => (value ? 1 : 0),
  readFlag: (value) => value !== 0,
  readJson: (value) => JSON.parse(value),
};

/** Binds values to their column names, as a database would store them. */
// biome-ignore lint/suspicious/noExplicitAny: a row of any table.
const rowOf = (columns: readonly string[], values: unknown[]): any =>
  Object.fromEntries(columns.map((column, i) => [column, values[i]]));

describe('record ↔ columns', () => {
  it('binds one value per column and reads every secret back unchanged', () => {
    for (const record of [fullRecord(), minimalRecord()]) {
      const values = secretToColumns(record, codec);
      expect(values).toHaveLength(SECRET_COLUMNS.length);
      expect(secretFromColumns(rowOf(SECRET_COLUMNS, values), codec)).toEqual(record);
    }
    const row = rowOf(SECRET_COLUMNS, secretToColumns(fullRecord(), codec));
    expect(row).toMatchObject({ created_at: new Date(CONTRACT_EPOCH).toISOString(), notify: 1 });
  });

  it('reads every request back unchanged', () => {
    for (const request of [fullRequest(), minimalRequest()]) {
      const values = requestToColumns(request, codec);
      expect(values).toHaveLength(REQUEST_COLUMNS.length);
      expect(requestFromColumns(rowOf(REQUEST_COLUMNS, values), codec)).toEqual(request);
    }
  });

  it('stores an event detail as JSON text and reads it back', () => {
    for (const event of [eventOf('s1'), eventOf('s1', { detail: { reason: 'creator' } })]) {
      const row = rowOf(EVENT_COLUMNS, eventToColumns(event, codec));
      expect(eventFromColumns(row, codec)).toEqual(event);
    }
  });
});
