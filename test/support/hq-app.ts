/**
 * A throwaway head office for route tests: a real SQLite file in a temp dir, the Elysia app
 * driven through `app.handle(new Request(…))`, an admin token, a settable clock, and a
 * publisher that records what it is handed.
 *
 *   using hq = createTestHq();
 *   const res = await hq.request("POST", "/api/v1/stores", { storeId: "S1", name: "Main St" });
 */
import { afterEach } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHqApp, type HqApp, type HqServices, hqServices } from "../../src/hq/app.ts";
import type { Scope } from "../../src/hq/auth/scopes.ts";
import { newToken, saveToken } from "../../src/hq/auth/tokens.ts";
import { RecordingPublisher } from "../../src/hq/catalog/publisher.ts";
import type { HqContext } from "../../src/hq/context.ts";
import { type OpenHqOptions, openHq } from "../../src/hq/open.ts";
import { testHqDatabase } from "./postgres.ts";
import type { JsonObject, TestClock, TestResponse } from "./store-app.ts";

export type { JsonObject, TestResponse } from "./store-app.ts";

export interface TestHq {
  ctx: HqContext;
  app: HqApp;
  services: HqServices;
  dir: string;
  adminToken: string;
  clock: TestClock;
  publisher: RecordingPublisher;
  /** Lines head office logged. */
  logs: string[];
  /** Sends a request; `token` is the admin token unless given, `null` sends none. */
  request<T = JsonObject>(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<TestResponse<T>>;
  /** A new token with these scopes. */
  token(...scopes: Scope[]): string;
  /** Rows in a table, for "changes nothing" checks. */
  count(table: string): number;
  close(): void;
  [Symbol.dispose](): void;
}

/**
 * For a test file: answers a function that makes a head office for the running test; every
 * one made is closed after its test.
 */
export function testHqPerTest(): () => TestHq {
  const made: TestHq[] = [];
  afterEach(() => {
    for (const hq of made.splice(0)) hq.close();
  });
  return () => {
    const hq = createTestHq();
    made.push(hq);
    return hq;
  };
}

/**
 * Head office's context alone (no app) on a data dir, for tests of ingest and writers: on the
 * database the run asks for (a fresh PostgreSQL one with RINGUP_TEST_HQ_DATABASE=postgres,
 * else hq.db in the dir). `close` closes it and drops a PostgreSQL database.
 */
export function openTestHqContext(dir: string, options: OpenHqOptions = {}): HqContext & { close(): void } {
  const database = testHqDatabase();
  let ctx: HqContext;
  try {
    ctx = openHq(dir, { ...options, database: database?.url });
  } catch (err) {
    database?.drop();
    throw err;
  }
  return Object.assign(ctx, {
    close() {
      ctx.sqlite.close();
      database?.drop();
    },
  });
}

export function createTestHq(options: { startAt?: Date | string } = {}): TestHq {
  const dir = mkdtempSync(join(tmpdir(), "ringup-hq-test-"));
  const clock: TestClock = {
    now: new Date(options.startAt ?? "2026-03-02T15:00:00.000Z"),
    set(at) {
      clock.now = new Date(at);
    },
    advance(ms) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const logs: string[] = [];
  let ctx: HqContext;
  // RINGUP_TEST_HQ_DATABASE=postgres: a fresh PostgreSQL database, dropped on close.
  const database = testHqDatabase();
  try {
    ctx = openHq(dir, {
      now: () => new Date(clock.now.getTime()),
      log: (line) => logs.push(line),
      database: database?.url,
    });
  } catch (err) {
    database?.drop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const publisher = new RecordingPublisher();
  ctx.publisher = publisher;
  const adminToken = "rgh_test_admin_token";
  saveToken(ctx.db, adminToken, "admin", ["admin"], ctx.now());
  const services = hqServices(ctx);
  const app = createHqApp(ctx, services);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    services.scheduler.stop();
    ctx.sqlite.close();
    database?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    ctx,
    app,
    services,
    dir,
    adminToken,
    clock,
    publisher,
    logs,
    async request<T = JsonObject>(method: string, path: string, body?: unknown, token?: string | null) {
      const headers = new Headers();
      const bearer = token === undefined ? adminToken : token;
      if (bearer !== null) headers.set("authorization", `Bearer ${bearer}`);
      const init: RequestInit = { method, headers };
      if (body !== undefined) {
        headers.set("content-type", "application/json");
        init.body = typeof body === "string" ? body : JSON.stringify(body);
      }
      const res = await app.handle(new Request(`http://hq.test${path}`, init));
      const text = await res.text();
      let parsed: unknown = text;
      if (text && (res.headers.get("content-type") ?? "").includes("json")) parsed = JSON.parse(text);
      return { status: res.status, body: parsed as T, headers: res.headers };
    },
    token(...scopes: Scope[]) {
      const token = newToken();
      saveToken(ctx.db, token, `test ${scopes.join(" ")}`, scopes, ctx.now());
      return token;
    },
    count(table: string) {
      if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
      return ctx.sqlite.query<{ n: number }, []>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
    },
    close,
    [Symbol.dispose]: close,
  };
}
