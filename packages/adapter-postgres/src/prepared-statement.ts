import type { CompiledQuery } from 'kysely';

/**
 * A named placeholder put into a Kysely query where a value will go at run time.
 * Kysely passes unknown objects through as parameters untouched, so after compiling
 * we can read back which `$n` belongs to which name.
 */
class Slot {
  constructor(readonly name: string) {}
}

/** A placeholder for the value named `name` of the statement's layout, bound by {@link bind}. */
export function slot(name: string): unknown {
  return new Slot(name);
}

/** SQL compiled once, run many times as a named prepared statement. */
export interface PreparedStatement {
  /** Unique per SQL text, so two stores (two schemas) can share one pool. */
  readonly name: string;
  readonly text: string;
  /** For each `$n`, the index of its value in the statement's value layout. */
  readonly positions: readonly number[];
}

/**
 * Turns a query compiled with {@link slot} placeholders into a prepared statement whose
 * values are passed as one array in `layout` order (no per-call objects or lookups).
 * @throws {Error} if a parameter is a literal (it would be frozen in) or a slot is not in `layout`.
 */
export function prepare(
  label: string,
  compiled: CompiledQuery,
  layout: readonly string[],
): PreparedStatement {
  const positions = compiled.parameters.map((parameter, index) => {
    if (!(parameter instanceof Slot)) {
      throw new Error(`Statement ${label}: parameter $${index + 1} is not a slot.`);
    }
    const position = layout.indexOf(parameter.name);
    if (position < 0)
      throw new Error(`Statement ${label}: slot ${parameter.name} is not in its layout.`);
    return position;
  });
  return { name: `hushlink_${label}_${fnv1a(compiled.sql)}`, text: compiled.sql, positions };
}

/** The parameter array for one run of `statement`, from values in its layout order. */
export function bind(statement: PreparedStatement, values: readonly unknown[]): unknown[] {
  return statement.positions.map((position) => values[position]);
}

/** 32-bit FNV-1a of the SQL text, hex: distinct texts get distinct statement names. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
