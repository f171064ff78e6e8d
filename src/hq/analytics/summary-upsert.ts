/**
 * One summary table's upsert: each call adds its figures to the row of its key
 * (`INSERT … ON CONFLICT DO UPDATE SET figure = figure + excluded.figure`). While folding, the
 * calls are added up in memory by key instead, and `flush` writes each key once with multi-row
 * statements: a batch of sales costs a few statements per table, not one per sale and line. The
 * rows come out the same: figures are sums, the columns kept (a product's name) take the
 * last value given, and the earliest columns (a customer's first day) the least value given
 * (null counting as none), as one upsert after another would.
 */
import type { Database, Statement } from "bun:sqlite";

export type SummaryParams = Record<string, string | number | null>;

export interface SummaryShape {
  table: string;
  keys: readonly string[];
  /** Columns added to on conflict. */
  figures: readonly string[];
  /** Columns replaced on conflict (the latest value wins). */
  keep?: readonly string[];
  /** Columns that keep the least value given on conflict; null is no value. */
  earliest?: readonly string[];
}

/** Rows per multi-row statement; a remainder is written in power-of-two chunks below it. */
const CHUNK = 256;

function columnsOf(shape: SummaryShape): string[] {
  return [...shape.keys, ...(shape.keep ?? []), ...(shape.earliest ?? []), ...shape.figures];
}

/** The least of two values, null counting as none. */
function earlier(a: string | number | null, b: string | number | null): string | number | null {
  return a === null || (b !== null && b < a) ? b : a;
}

function conflictClause(shape: SummaryShape): string {
  const set = [
    ...(shape.keep ?? []).map((c) => `${c} = excluded.${c}`),
    // A scalar min() is SQLite's alone (and null wins there): the least of the two, spelt out.
    ...(shape.earliest ?? []).map(
      (c) =>
        `${c} = CASE WHEN excluded.${c} IS NULL OR ${shape.table}.${c} <= excluded.${c} THEN ${shape.table}.${c} ELSE excluded.${c} END`,
    ),
    // The table-qualified old value: PostgreSQL finds a bare name ambiguous beside `excluded`.
    ...shape.figures.map((c) => `${c} = ${shape.table}.${c} + excluded.${c}`),
  ];
  return `ON CONFLICT (${shape.keys.join(", ")}) DO UPDATE SET ${set.join(", ")}`;
}

/** The one-row upsert, with named parameters (`$column`). */
export function upsertSql(shape: SummaryShape): string {
  const columns = columnsOf(shape);
  return `INSERT INTO ${shape.table} (${columns.join(", ")}) VALUES (${columns.map((c) => `$${c}`).join(", ")})
    ${conflictClause(shape)}`;
}

/** The upsert of `rows` rows with positional parameters; their keys must differ. */
function multiRowSql(shape: SummaryShape, rows: number): string {
  const columns = columnsOf(shape);
  const row = `(${columns.map(() => "?").join(", ")})`;
  return `INSERT INTO ${shape.table} (${columns.join(", ")}) VALUES ${Array(rows).fill(row).join(", ")}
    ${conflictClause(shape)}`;
}

export class SummaryUpsert {
  readonly #sqlite: Database;
  readonly #shape: SummaryShape;
  readonly #columns: string[];
  readonly #keep: readonly string[];
  readonly #earliest: readonly string[];
  readonly #one: Statement<unknown, [SummaryParams]>;
  readonly #multi = new Map<number, Statement<unknown, (string | number | null)[]>>();
  #folded: Map<string, SummaryParams> | null = null;

  constructor(sqlite: Database, shape: SummaryShape) {
    this.#sqlite = sqlite;
    this.#shape = shape;
    this.#columns = columnsOf(shape);
    this.#keep = shape.keep ?? [];
    this.#earliest = shape.earliest ?? [];
    this.#one = sqlite.query(upsertSql(shape));
  }

  add(params: SummaryParams): void {
    const folded = this.#folded;
    if (folded === null) {
      this.#one.run(params);
      return;
    }
    const keys = this.#shape.keys;
    let key = String(params[keys[0] as string]);
    for (let i = 1; i < keys.length; i++) key += `\u0000${params[keys[i] as string]}`;
    const row = folded.get(key);
    if (row === undefined) {
      folded.set(key, { ...params });
      return;
    }
    for (const c of this.#keep) row[c] = params[c] as string | number;
    for (const c of this.#earliest) row[c] = earlier(row[c] ?? null, params[c] ?? null);
    for (const c of this.#shape.figures) row[c] = (row[c] as number) + (params[c] as number);
  }

  /** From now on, calls are added up until `flush` (or forgotten by `discard`). */
  fold(): void {
    this.#folded = new Map();
  }

  discard(): void {
    this.#folded = null;
  }

  get folding(): boolean {
    return this.#folded !== null;
  }

  /** Writes what was added up so far (before the table is read) and goes on folding. */
  settle(): void {
    if (this.#folded === null) return;
    this.flush();
    this.fold();
  }

  /** Writes what was added up, each key once, and stops folding. */
  flush(): void {
    const rows = [...(this.#folded?.values() ?? [])];
    this.#folded = null;
    let at = 0;
    while (at < rows.length) {
      const left = rows.length - at;
      const size = left >= CHUNK ? CHUNK : 2 ** Math.floor(Math.log2(left));
      const values = rows.slice(at, at + size).flatMap((row) => this.#columns.map((c) => row[c] ?? null));
      let statement = this.#multi.get(size);
      if (statement === undefined) {
        statement = this.#sqlite.query(multiRowSql(this.#shape, size));
        this.#multi.set(size, statement);
      }
      statement.run(...values);
      at += size;
    }
  }
}

/**
 * Runs fn with the upserts folded, and writes what they added up at its end; nothing is written
 * if fn throws. Nested (already folding), it just runs fn.
 */
export function folding<R>(upserts: readonly SummaryUpsert[], fn: () => R): R {
  if (upserts.some((u) => u.folding)) return fn();
  for (const u of upserts) u.fold();
  try {
    const result = fn();
    for (const u of upserts) u.flush();
    return result;
  } finally {
    for (const u of upserts) u.discard();
  }
}
