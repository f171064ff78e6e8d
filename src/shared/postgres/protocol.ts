/**
 * The messages between the synchronous PostgreSQL facade (main thread) and the worker that owns
 * the one connection. Values cross as structured clones: numbers, strings, null, bigint, byte
 * arrays.
 */
export type PgParam = string | number | bigint | null | Uint8Array;

export type PgRequest =
  | { kind: "query"; sql: string; params: PgParam[] }
  /** The same, its parameters written as one JSON array (params-json.ts). */
  | { kind: "query"; sql: string; paramsJson: string }
  | { kind: "exec"; sql: string }
  /** `COPY … FROM STDIN` with its data in COPY's text format (copy-rows.ts), as UTF-8 moved over. */
  | { kind: "copy"; sql: string; data: Uint8Array }
  | { kind: "close" };

/** A result in arrays with each column's type OID (so the facade converts int8 and numeric). */
export interface PgRows {
  columns: { name: string; type: number }[];
  rows: unknown[][];
  count: number;
  /** The command tag (`COMMIT`, or `ROLLBACK` when a COMMIT found the transaction failed). */
  command?: string;
}

export interface PgFailure {
  message: string;
  /** PostgreSQL's SQLSTATE (`23505` unique violation, `23503` foreign key, …) when it sent one. */
  sqlState?: string;
  constraint?: string;
  /** True when the connection is gone (server down, network), not a fault of the statement. */
  lost?: boolean;
}

export type PgReply = { ok: true; result: PgRows } | { ok: false; error: PgFailure };

/** What the worker is started with. */
export interface PgWorkerData {
  url: string;
  /** Int32 counter: the worker adds 1 and notifies once a reply is posted. */
  flag: SharedArrayBuffer;
  statementTimeoutMs: number;
}
