/**
 * The worker that owns head office's one PostgreSQL connection. It answers each request from
 * the main thread on the port it was given, in the order asked, then counts the answer in the
 * shared flag the main thread waits on with `Atomics.wait`.
 *
 * A query is sent on as soon as it arrives, without waiting for the answers to those before it:
 * the client pipelines them on the connection (each a prepared statement, kept per connection)
 * and PostgreSQL runs them in order. A script (`exec`: BEGIN, COMMIT, a migration), a COPY (the
 * connection runs nothing else until its data is in) and `close` wait for everything before
 * them, and what follows them waits for them.
 */

import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { SQL } from "bun";
import type { PgFailure, PgParam, PgReply, PgRequest, PgWorkerData } from "./protocol.ts";

const data = workerData as PgWorkerData;
const flag = new Int32Array(data.flag);
const sql = new SQL({
  url: data.url,
  max: 1,
  idleTimeout: 0,
  connectionTimeout: 10,
  // Without the JIT compiler: head office's statements and reports run in milliseconds to a few
  // hundred, and compiling a plan cost more than it saved (a month of a 200-store chain's
  // customers: 137 ms of 1.1 s compiling it). Every statement is planned for its own values:
  // after five runs PostgreSQL may keep a prepared statement's generic plan, which cannot see
  // how few rows a report's date range selects (the same month of customers took 843 ms at the
  // median with it and 476 ms planned each time; planning a statement costs about a millisecond).
  connection: {
    statement_timeout: String(data.statementTimeoutMs),
    client_min_messages: "warning",
    jit: "off",
    plan_cache_mode: "force_custom_plan",
  },
});

function failure(err: unknown): PgFailure {
  const e = err as { message?: string; errno?: unknown; constraint?: unknown; code?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(err);
  const sqlState = typeof e?.errno === "string" ? e.errno : undefined;
  const code = typeof e?.code === "string" ? e.code : "";
  const lost =
    sqlState === undefined &&
    (code.startsWith("ERR_POSTGRES_CONNECTION") || /connection|closed|ECONNREFUSED|socket/i.test(message));
  return {
    message,
    ...(sqlState !== undefined ? { sqlState } : {}),
    ...(typeof e?.constraint === "string" ? { constraint: e.constraint } : {}),
    ...(lost ? { lost: true } : {}),
  };
}

async function answer(request: PgRequest): Promise<PgReply> {
  try {
    if (request.kind === "close") {
      await sql.close({ timeout: 1 });
      return { ok: true, result: { columns: [], rows: [], count: 0 } };
    }
    if (request.kind === "copy") {
      const query = sql.unsafe(request.sql);
      const writer = query.writable().getWriter();
      await writer.write(request.data);
      // Resolves once the server has stored the rows; rejects with its error.
      await writer.close();
      const r = await query;
      return { ok: true, result: { columns: [], rows: [], count: Number(r.count ?? 0) } };
    }
    if (request.kind === "exec") {
      const r = await sql.unsafe(request.sql);
      const command = (r as unknown as { command?: string }).command;
      return {
        ok: true,
        result: { columns: [], rows: [], count: Number(r.count ?? 0), ...(command ? { command } : {}) },
      };
    }
    const params = "paramsJson" in request ? (JSON.parse(request.paramsJson) as PgParam[]) : request.params;
    const r = await sql.unsafe(request.sql, params).values();
    const meta = r as unknown as { columns?: { name: string; type: number }[]; count?: number | null };
    return {
      ok: true,
      result: {
        columns: (meta.columns ?? []).map((c) => ({ name: c.name, type: c.type })),
        rows: [...r] as unknown[][],
        count: Number(meta.count ?? 0),
      },
    };
  } catch (err) {
    return { ok: false, error: failure(err) };
  }
}

function reply(port: MessagePort, message: PgReply): void {
  port.postMessage(message);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
}

// The main thread hands over its port first; requests then come on it one at a time.
parentPort?.once("message", (port: MessagePort) => {
  /** Settles once every answer so far is posted. */
  let replied: Promise<void>;
  /** Settles once the last script (or the first answer) is done: queries after it start then. */
  let barrier: Promise<unknown>;
  port.on("message", (request: PgRequest) => {
    const answered =
      request.kind === "query" ? barrier.then(() => answer(request)) : replied.then(() => answer(request));
    if (request.kind !== "query") barrier = answered;
    replied = replied.then(async () => reply(port, await answered));
  });
  // The first answer says whether the server can be reached at all.
  replied = answer({ kind: "query", sql: "SELECT 1", params: [] }).then(async (ready) => {
    if (!ready.ok) await sql.close({ timeout: 0 }).catch(() => {});
    reply(port, ready);
  });
  barrier = replied;
});
