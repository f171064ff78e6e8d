/**
 * The worker that owns head office's one PostgreSQL connection. It answers each request from
 * the main thread on the port it was given, then raises the shared flag the main thread waits on
 * with `Atomics.wait`. One statement at a time, in the order asked.
 */

import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { SQL } from "bun";
import type { PgFailure, PgReply, PgRequest, PgWorkerData } from "./protocol.ts";

const data = workerData as PgWorkerData;
const flag = new Int32Array(data.flag);
const sql = new SQL({
  url: data.url,
  max: 1,
  idleTimeout: 0,
  connectionTimeout: 10,
  connection: { statement_timeout: String(data.statementTimeoutMs), client_min_messages: "warning" },
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
    if (request.kind === "exec") {
      const r = await sql.unsafe(request.sql);
      const command = (r as unknown as { command?: string }).command;
      return {
        ok: true,
        result: { columns: [], rows: [], count: Number(r.count ?? 0), ...(command ? { command } : {}) },
      };
    }
    const r = await sql.unsafe(request.sql, request.params).values();
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
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

// The main thread hands over its port first; requests then come on it one at a time.
parentPort?.once("message", (port: MessagePort) => {
  let queue = Promise.resolve();
  port.on("message", (request: PgRequest) => {
    queue = queue.then(async () => reply(port, await answer(request)));
  });
  // The first answer says whether the server can be reached at all.
  queue = answer({ kind: "query", sql: "SELECT 1", params: [] }).then(async (ready) => {
    if (!ready.ok) await sql.close({ timeout: 0 }).catch(() => {});
    reply(port, ready);
  });
});
