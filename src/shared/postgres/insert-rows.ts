/**
 * Plain one-row INSERTs gathered into multi-row ones. While writes are deferred (database.ts), an
 * `INSERT INTO t (…) VALUES (…)` with no conflict clause, RETURNING or sub-query (it inserts its
 * row or fails) is held back; the rows of each such statement are sent together, as one COPY
 * (copy-rows.ts) or in statements of many rows, before anything that may read or write their
 * table and before the transaction ends.
 */
import type { PgParam } from "./protocol.ts";

export interface PlainInsert {
  table: string;
  /** `INSERT INTO t (columns) VALUES ` */
  head: string;
  /** The row's tuple with its parameters as `$1…$n`. */
  tuple: string;
  parameters: number;
  /** Whether a statement's text names the table (then the held rows go first). */
  names: (sql: string) => boolean;
  /** The text of the statement of n rows, by n, written once. */
  texts: Map<number, string>;
  /** `COPY t (columns) FROM STDIN` */
  copy: string;
  /** The tuple's values in column order: a parameter's index (from 0), or a literal as COPY's text. */
  values: (number | string)[];
}

/** A tuple of parameters, NULLs, numbers and plain lower-case literals only. */
const TUPLE = /^\(\s*(?:\$\d+|null|-?\d+|'[a-z_]*')(?:\s*,\s*(?:\$\d+|null|-?\d+|'[a-z_]*'))*\s*\)$/i;
const INSERT = /^\s*insert\s+into\s+("?[a-z_][a-z0-9_]*"?)\s*(\([^()]*\))\s*values\s*(\(.*\))\s*;?\s*$/is;

/** The statement as a plain insert, or null when it is anything else. */
export function plainInsert(sql: string, parameters: number): PlainInsert | null {
  const match = INSERT.exec(sql);
  if (match === null) return null;
  const [, quoted, columns, tuple] = match as unknown as [string, string, string, string];
  if (!TUPLE.test(tuple.trim()) || parameters === 0) return null;
  const table = quoted.replaceAll('"', "");
  const word = new RegExp(`(^|[^a-z0-9_])${table}($|[^a-z0-9_])`, "i");
  return {
    table,
    head: `INSERT INTO ${quoted} ${columns} VALUES `,
    tuple: tuple.trim(),
    parameters,
    names: (text) => word.test(text),
    texts: new Map(),
    copy: `COPY ${quoted} ${columns} FROM STDIN`,
    values: tupleValues(tuple.trim()),
  };
}

/** A tuple's parts (parameters, NULL, numbers, plain literals) as COPY needs them. */
function tupleValues(tuple: string): (number | string)[] {
  return tuple
    .slice(1, -1)
    .split(",")
    .map((part) => {
      const value = part.trim();
      if (value.startsWith("$")) return Number(value.slice(1)) - 1;
      if (value.toLowerCase() === "null") return "\\N";
      return value.startsWith("'") ? value.slice(1, -1) : value;
    });
}

/** Rows per statement: up to 256, within PostgreSQL's 65,535 parameters, a power of two. */
function chunkSize(left: number, parameters: number): number {
  const most = Math.min(256, Math.floor(65_535 / parameters), left);
  return 2 ** Math.floor(Math.log2(most));
}

/** The insert of `size` rows: its tuple repeated with the parameters numbered on. */
function rowsSql(insert: PlainInsert, size: number): string {
  let sql = insert.texts.get(size);
  if (sql === undefined) {
    const tuples: string[] = [];
    for (let r = 0; r < size; r++) {
      const offset = r * insert.parameters;
      tuples.push(insert.tuple.replace(/\$(\d+)/g, (_all, n: string) => `$${Number(n) + offset}`));
    }
    sql = insert.head + tuples.join(", ");
    insert.texts.set(size, sql);
  }
  return sql;
}

/** The multi-row statements for the rows held back, in order. */
export function insertRows(
  insert: PlainInsert,
  rows: readonly PgParam[][],
): { sql: string; params: PgParam[] }[] {
  const out: { sql: string; params: PgParam[] }[] = [];
  let at = 0;
  while (at < rows.length) {
    const size = chunkSize(rows.length - at, insert.parameters);
    out.push({ sql: rowsSql(insert, size), params: rows.slice(at, at + size).flat() });
    at += size;
  }
  return out;
}
