/**
 * A synchronous PostgreSQL database with the part of bun:sqlite's `Database` API that drizzle's
 * bun-sqlite driver and head office's raw statements use, so both run unchanged on PostgreSQL.
 *
 * One connection, owned by a worker thread; each call posts the statement to the worker and
 * waits (`Atomics.wait`) for its answer, so statements run one at a time, as on SQLite's single
 * writer, and the process waits for each. Results look like SQLite's: int8 and numeric become
 * numbers (refused beyond 2^53), booleans 1/0, bytea a Buffer; unique and foreign key violations
 * carry SQLite's error codes.
 *
 * Inside `deferringWrites` and a transaction, `run` (a statement run for its effect) does not
 * wait: it is handed to the worker, which sends it on at once (PostgreSQL answers in order), and
 * the caller goes on. The next statement that waits (a read, a savepoint's end, COMMIT) waits for
 * them all; the first that failed is thrown there (`deferred`), and the transaction (or savepoint)
 * is rolled back as when a statement throws. Plain one-row INSERTs are held back meanwhile and
 * sent together as one COPY (copy-rows.ts) or as multi-row INSERTs (insert-rows.ts).
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { copyRows } from "./copy-rows.ts";
import { insertRows, type PlainInsert, plainInsert } from "./insert-rows.ts";
import { bindValues, type TranslatedSql, translateParameters } from "./params.ts";
import { paramsAsJson } from "./params-json.ts";
import type { PgFailure, PgParam, PgReply, PgRequest, PgRows, PgWorkerData } from "./protocol.ts";

export interface PgOpenOptions {
  /** A statement running longer is cancelled by the server (default 30 s). */
  statementTimeoutMs?: number;
}

/** A statement failed on PostgreSQL; `code` follows SQLite's names where HQ code tells them apart. */
export class PostgresError extends Error {
  override name = "PostgresError";
  constructor(
    message: string,
    readonly code: string,
    readonly sqlState?: string,
    /** Thrown where the caller waited next, not by the statement that failed (a deferred write). */
    readonly deferred = false,
  ) {
    super(message);
  }
}

/** A statement handed to the worker and not answered yet. */
interface Pending {
  deferred: boolean;
  result: PgRows | null;
}

const utf8 = new TextEncoder();

/** Rows of a plain insert held back before they are sent as one statement. */
const HOLD_ROWS = 256;

const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const BYTEA = 17;

function toNumber(value: string, column: string): number {
  const n = Number(value);
  if (/^-?\d+$/.test(value) && !Number.isSafeInteger(n)) {
    throw new PostgresError(
      `${column}: ${value} is beyond the integers a number holds exactly (2^53)`,
      "RANGE",
    );
  }
  return n;
}

function converter(type: number): ((v: unknown, column: string) => unknown) | null {
  if (type === INT8 || type === NUMERIC) {
    return (v, column) => (v === null ? null : toNumber(String(v), column));
  }
  if (type === BOOL) return (v) => (v === null ? null : v ? 1 : 0);
  if (type === BYTEA) return (v) => (v === null ? null : Buffer.from(v as Uint8Array));
  return null;
}

function toParam(value: unknown): PgParam {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number" || typeof value === "string" || typeof value === "bigint") return value;
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`cannot bind a ${typeof value} to a SQL parameter`);
}

function sqliteCode(error: PgFailure): string {
  switch (error.sqlState) {
    case "23505":
      return "SQLITE_CONSTRAINT_UNIQUE";
    case "23503":
      return "SQLITE_CONSTRAINT_FOREIGNKEY";
    case "23502":
      return "SQLITE_CONSTRAINT_NOTNULL";
    case "23514":
      return "SQLITE_CONSTRAINT_CHECK";
    case "57014":
      return "SQLITE_INTERRUPT";
    default:
      return error.lost ? "POSTGRES_CONNECTION_LOST" : "SQLITE_ERROR";
  }
}

function failureMessage(error: PgFailure): string {
  if (error.sqlState === "23505")
    return `UNIQUE constraint failed: ${error.constraint ?? ""} (${error.message})`;
  if (error.sqlState === "23503") return `FOREIGN KEY constraint failed (${error.message})`;
  if (error.lost) return `the PostgreSQL server cannot be reached: ${error.message}`;
  return error.message;
}

/** The request as it crosses to the worker: a query's parameters as JSON when they keep. */
function packed(request: PgRequest): PgRequest {
  if (request.kind !== "query" || !("params" in request)) return request;
  const json = paramsAsJson(request.params);
  return json === null ? request : { kind: "query", sql: request.sql, paramsJson: json };
}

/** One prepared statement: bun:sqlite's `all/get/run/values/iterate` on PostgreSQL. */
export class PgStatement<Row = unknown, Params extends unknown[] = unknown[]> {
  /** The statement as a plain insert (undefined until asked; null when it is not one). */
  private insert: PlainInsert | null | undefined;

  constructor(
    private readonly db: PgDatabase,
    private readonly translated: TranslatedSql,
  ) {}

  private execute(args: Params): PgRows {
    const values = bindValues(this.translated.slots, args).map(toParam);
    return this.db.request({ kind: "query", sql: this.translated.sql, params: values });
  }

  values(...args: Params): unknown[][] {
    const result = this.execute(args);
    const converters = result.columns.map((c) => converter(c.type));
    if (converters.every((c) => c === null)) return result.rows;
    return result.rows.map((row) =>
      row.map((v, i) => {
        const convert = converters[i];
        return convert ? convert(v, result.columns[i]?.name ?? "") : v;
      }),
    );
  }

  all(...args: Params): Row[] {
    const result = this.execute(args);
    const converters = result.columns.map((c) => converter(c.type));
    const names = result.columns.map((c) => this.translated.names.get(c.name) ?? c.name);
    return result.rows.map((row) => {
      const object: Record<string, unknown> = {};
      names.forEach((name, i) => {
        const convert = converters[i];
        object[name] = convert ? convert(row[i], name) : row[i];
      });
      return object as Row;
    });
  }

  get(...args: Params): Row | null {
    return this.all(...args)[0] ?? null;
  }

  run(...args: Params): { changes: number; lastInsertRowid: number } {
    if (!this.db.defersWrites) return { changes: this.execute(args).count, lastInsertRowid: 0 };
    const values = bindValues(this.translated.slots, args).map(toParam);
    const db = this.db;
    this.insert ??= plainInsert(this.translated.sql, this.translated.slots.length);
    if (this.insert !== null) {
      db.hold(this.translated.sql, this.insert, values);
      return {
        get changes(): number {
          db.settle();
          return 1;
        },
        lastInsertRowid: 0,
      };
    }
    const pending = this.db.send({ kind: "query", sql: this.translated.sql, params: values }, true);
    return {
      get changes(): number {
        db.settle();
        return pending.result?.count ?? 0;
      },
      lastInsertRowid: 0,
    };
  }

  *iterate(...args: Params): IterableIterator<Row> {
    yield* this.all(...args);
  }

  finalize(): void {}
}

type TransactionFn<A extends unknown[], R> = ((...args: A) => R) & {
  deferred: (...args: A) => R;
  immediate: (...args: A) => R;
  exclusive: (...args: A) => R;
};

export class PgDatabase {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private waitMs: number;
  private readonly statementTimeoutMs: number;
  private readonly cache = new Map<string, PgStatement>();
  /** Statements sent and not answered yet, oldest first (the worker answers in order). */
  private readonly pending: Pending[] = [];
  /** Plain inserts held back while writes are deferred, by statement, in the order first run. */
  private readonly held = new Map<string, { insert: PlainInsert; rows: PgParam[][] }>();
  private deferring = 0;
  private depth = 0;
  private closed = false;

  constructor(url: string, options: PgOpenOptions = {}) {
    const statementTimeoutMs = options.statementTimeoutMs ?? 30_000;
    this.statementTimeoutMs = statementTimeoutMs;
    // The worker's own deadline is the server's statement timeout; ours adds time to connect.
    this.waitMs = statementTimeoutMs + 15_000;
    const buffer = new SharedArrayBuffer(4);
    this.flag = new Int32Array(buffer);
    const data: PgWorkerData = { url, flag: buffer, statementTimeoutMs };
    this.worker = new Worker(workerUrl(), { workerData: data });
    // A failure inside the worker reaches the caller as the answer to its statement; the worker's
    // own error event (a connection dropped between statements) must not end the process.
    this.worker.on("error", () => {});
    // Nothing waits for the worker asynchronously (every call waits for its answer itself), so it
    // does not keep the process alive.
    this.worker.unref();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker.postMessage(channel.port2, [channel.port2]);
    try {
      // The worker's first answer says whether the server can be reached.
      this.pending.push({ deferred: false, result: null });
      this.settle();
    } catch (err) {
      void this.worker.terminate();
      throw err;
    }
  }

  /**
   * Runs `work` without the statement timeout, waiting for each answer as long as it takes, then
   * puts the timeout back: a schema migration that builds an index over a chain's years of
   * summaries takes minutes, and must not be cancelled halfway through an upgrade.
   */
  withoutTimeout<T>(work: () => T): T {
    this.exec("SET statement_timeout = 0");
    const waitMs = this.waitMs;
    this.waitMs = Number.POSITIVE_INFINITY;
    try {
      return work();
    } finally {
      this.waitMs = waitMs;
      this.exec(`SET statement_timeout = ${this.statementTimeoutMs}`);
    }
  }

  /** Sends one request to the worker and waits for its answer (and for those sent before it). */
  request(request: PgRequest): PgRows {
    const pending = this.send(request, false);
    this.settle();
    return pending.result as PgRows;
  }

  /** Hands a request to the worker without waiting; `settle` collects its answer. */
  send(request: PgRequest, deferred: boolean): Pending {
    if (this.closed) throw new PostgresError("the PostgreSQL database is closed", "SQLITE_MISUSE");
    // Held rows go first, unless this is a deferred write that does not name their tables.
    if (this.held.size > 0 && !(deferred && request.kind === "query" && !this.namesHeld(request.sql))) {
      this.sendHeld();
    }
    return this.post(request, deferred);
  }

  /** Holds back a plain insert's row (see insert-rows.ts). */
  hold(sql: string, insert: PlainInsert, row: PgParam[]): void {
    let held = this.held.get(sql);
    if (held === undefined) {
      held = { insert, rows: [] };
      this.held.set(sql, held);
    }
    held.rows.push(row);
    // A full statement's worth goes now: the server inserts while the caller goes on.
    if (held.rows.length >= HOLD_ROWS) {
      this.postRows(insert, held.rows);
      held.rows = [];
    }
  }

  private namesHeld(sql: string): boolean {
    for (const { insert } of this.held.values()) if (insert.names(sql)) return true;
    return false;
  }

  private sendHeld(): void {
    const held = [...this.held.values()];
    this.held.clear();
    for (const { insert, rows } of held) this.postRows(insert, rows);
  }

  /** Sends a plain insert's held rows: one COPY, or multi-row INSERTs when a value needs them. */
  private postRows(insert: PlainInsert, rows: readonly PgParam[][]): void {
    const copy = copyRows(insert, rows);
    if (copy !== null) {
      this.post({ kind: "copy", sql: copy.sql, data: utf8.encode(copy.data) }, true);
      return;
    }
    for (const { sql, params } of insertRows(insert, rows)) this.post({ kind: "query", sql, params }, true);
  }

  private post(request: PgRequest, deferred: boolean): Pending {
    const pending: Pending = { deferred, result: null };
    this.pending.push(pending);
    const message = packed(request);
    // A COPY's data is moved to the worker, not copied.
    this.port.postMessage(message, message.kind === "copy" ? [message.data.buffer as ArrayBuffer] : []);
    return pending;
  }

  /** Whether `run` hands its statement over without waiting (see `deferringWrites`). */
  get defersWrites(): boolean {
    return this.deferring > 0 && this.depth > 0;
  }

  /** Runs fn with `run` inside transactions not waiting for PostgreSQL (see the module's note). */
  deferringWrites<R>(fn: () => R): R {
    this.deferring++;
    try {
      return fn();
    } finally {
      this.deferring--;
    }
  }

  /**
   * Waits for every statement sent until all are answered; throws the first that failed (after
   * the rest: in a transaction they failed too, as PostgreSQL refuses what follows a failure).
   */
  settle(): void {
    if (this.held.size > 0) this.sendHeld();
    let failure: PostgresError | null = null;
    while (this.pending.length > 0) {
      const reply = this.receive();
      const pending = this.pending.shift() as Pending;
      if (reply.ok) pending.result = reply.result;
      else
        failure ??= new PostgresError(
          failureMessage(reply.error),
          sqliteCode(reply.error),
          reply.error.sqlState,
          pending.deferred,
        );
    }
    if (failure !== null) throw failure;
  }

  /** The next answer from the worker (the worker counts its answers in the shared flag). */
  private receive(): PgReply {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const answered = Atomics.load(this.flag, 0);
      const message = receiveMessageOnPort(this.port);
      if (message !== undefined) return message.message as PgReply;
      const left = deadline - Date.now();
      if (left <= 0) {
        // The answers still owed can no longer be matched to their statements.
        this.pending.length = 0;
        this.held.clear();
        throw new PostgresError(`PostgreSQL did not answer within ${this.waitMs} ms`, "POSTGRES_TIMEOUT");
      }
      Atomics.wait(this.flag, 0, answered, Math.min(left, 1000));
    }
  }

  prepare<Row = unknown, Params extends unknown[] = unknown[]>(sql: string): PgStatement<Row, Params> {
    return new PgStatement<Row, Params>(this, translateParameters(sql));
  }

  query<Row = unknown, Params extends unknown[] = unknown[]>(sql: string): PgStatement<Row, Params> {
    let statement = this.cache.get(sql);
    if (statement === undefined) {
      statement = this.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement as PgStatement<Row, Params>;
  }

  run(sql: string, ...args: unknown[]): { changes: number; lastInsertRowid: number } {
    return this.prepare(sql).run(...args);
  }

  /** Runs one or more statements without parameters (a migration). */
  exec(sql: string): void {
    this.request({ kind: "exec", sql });
  }

  /**
   * COMMIT of a transaction in which a statement failed (and the caller went on) is turned into
   * a ROLLBACK by PostgreSQL without an error; SQLite would have committed the rest. Said loudly.
   */
  private commit(): void {
    const result = this.request({ kind: "exec", sql: "COMMIT" });
    if (result.command === "ROLLBACK") {
      throw new PostgresError(
        "the transaction was rolled back: a statement in it failed and PostgreSQL refuses the rest (catch errors inside a transaction in a nested one, a savepoint)",
        "SQLITE_ABORT",
      );
    }
  }

  /** bun:sqlite's `transaction(fn)`: BEGIN/COMMIT around fn, a savepoint when nested. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): TransactionFn<A, R> {
    const run = (...args: A): R => {
      const outer = this.depth === 0;
      const savepoint = `ringup_sp${this.depth}`;
      this.exec(outer ? "BEGIN" : `SAVEPOINT ${savepoint}`);
      let result: R;
      this.depth++;
      try {
        result = fn(...args);
        // Deferred writes fail here, still inside: the transaction or savepoint is rolled back.
        this.settle();
      } catch (err) {
        this.depth--;
        // Rows held back inside it are dropped with it (a savepoint's start sent those before).
        this.held.clear();
        try {
          this.exec(outer ? "ROLLBACK" : `ROLLBACK TO SAVEPOINT ${savepoint}`);
        } catch {
          // The connection is gone: the server rolls the transaction back itself.
        }
        throw err;
      }
      this.depth--;
      if (outer) this.commit();
      else this.exec(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    };
    return Object.assign(run, { deferred: run, immediate: run, exclusive: run });
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  close(): void {
    if (this.closed) return;
    try {
      this.request({ kind: "close" });
    } catch {
      // Closing a connection to a server that is gone is not an error.
    }
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * The worker's module: beside this file when run from source. Inside the compiled binary it is an
 * extra entrypoint of `bun build` (scripts/build), kept under its path relative to the
 * entrypoints' common folder (src/).
 */
function workerUrl(): URL | string {
  if (import.meta.url.includes("$bunfs")) return "./shared/postgres/worker.ts";
  return new URL("./worker.ts", import.meta.url);
}
