/**
 * A throwaway store for route tests: a real SQLite file in a temp dir, the Elysia app driven
 * through `app.handle(new Request(…))`, an admin token, and a settable clock.
 *
 *   using store = createTestStore();
 *   const res = await store.request("POST", "/api/v1/users", { name: "Ann", role: "cashier", pin: "1234" });
 *   expect(res.status).toBe(201);
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StoreSettingsInput, storeSettingsSchema } from "../../src/core/settings.ts";
import { createStoreApp, type StoreApp } from "../../src/store-server/app.ts";
import { saveToken } from "../../src/store-server/auth/tokens.ts";
import type { StoreContext } from "../../src/store-server/context.ts";
import { openStore } from "../../src/store-server/open.ts";
import { withTestTaxClasses } from "./tax-classes.ts";

export type JsonObject = Record<string, unknown>;

export interface TestResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestClock {
  /** The time `ctx.now()` answers. */
  now: Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

export interface TestStore {
  ctx: StoreContext;
  app: StoreApp;
  dir: string;
  adminToken: string;
  clock: TestClock;
  /**
   * Sends a request to the app. `path` is the full path (e.g. "/api/v1/users"). `body`: an
   * object is sent as JSON, a string is sent as is (for malformed-JSON tests). `token`: the
   * admin token unless given; `null` sends no Authorization header.
   */
  request<T = JsonObject>(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<TestResponse<T>>;
  /** Rows in a table (e.g. "events", "users"), for "changes nothing" checks. */
  count(table: string): number;
  /** Length of the event journal. */
  journalLength(): number;
  close(): void;
  [Symbol.dispose](): void;
}

export interface TestStoreOptions {
  storeId?: string;
  settings?: StoreSettingsInput;
  /** Start time of the clock; default 2026-03-02T15:00:00.000Z. */
  startAt?: Date | string;
  adminToken?: string;
}

export function createTestStore(options: TestStoreOptions = {}): TestStore {
  const dir = mkdtempSync(join(tmpdir(), "ringup-store-test-"));
  const clock: TestClock = {
    now: new Date(options.startAt ?? "2026-03-02T15:00:00.000Z"),
    set(at) {
      clock.now = new Date(at);
    },
    advance(ms) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  let ctx: StoreContext;
  try {
    ctx = openStore(
      dir,
      options.storeId ?? "S1",
      storeSettingsSchema.parse(withTestTaxClasses(options.settings)),
      {
        now: () => new Date(clock.now.getTime()),
      },
    );
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const adminToken = options.adminToken ?? "rgp_test_admin_token";
  saveToken(ctx.db, adminToken, "admin", ctx.now());
  const app = createStoreApp(ctx);
  let closed = false;

  const close = () => {
    if (closed) return;
    closed = true;
    ctx.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  };

  return {
    ctx,
    app,
    dir,
    adminToken,
    clock,
    async request<T = JsonObject>(method: string, path: string, body?: unknown, token?: string | null) {
      const headers = new Headers();
      const bearer = token === undefined ? adminToken : token;
      if (bearer !== null) headers.set("authorization", `Bearer ${bearer}`);
      let payload: string | undefined;
      if (body !== undefined) {
        headers.set("content-type", "application/json");
        payload = typeof body === "string" ? body : JSON.stringify(body);
      }
      const init: RequestInit = { method, headers };
      if (payload !== undefined) init.body = payload;
      const res = await app.handle(new Request(`http://store.test${path}`, init));
      const text = await res.text();
      let parsed: unknown = text;
      if (text && (res.headers.get("content-type") ?? "").includes("json")) parsed = JSON.parse(text);
      return { status: res.status, body: parsed as T, headers: res.headers };
    },
    count(table: string) {
      if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
      const row = ctx.sqlite.query<{ n: number }, []>(`SELECT count(*) AS n FROM ${table}`).get();
      return row?.n ?? 0;
    },
    journalLength() {
      const row = ctx.sqlite.query<{ n: number }, []>("SELECT count(*) AS n FROM events").get();
      return row?.n ?? 0;
    },
    close,
    [Symbol.dispose]: close,
  };
}

/** Adds a user through `POST /api/v1/users` (as admin) and answers its id. */
export async function addUser(
  store: TestStore,
  user: { name: string; role: "cashier" | "supervisor" | "manager" | "admin"; pin: string },
): Promise<string> {
  const res = await store.request<{ id: string }>("POST", "/api/v1/users", user);
  if (res.status !== 201) throw new Error(`adding user ${user.name} failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Logs in at a till with a PIN through `POST /api/v1/sessions` and answers the session token. */
export async function loginAt(store: TestStore, tillId: string, pin: string): Promise<string> {
  const res = await store.request<{ token: string }>("POST", "/api/v1/sessions", { tillId, pin }, null);
  if (res.status !== 201) throw new Error(`log-in at ${tillId} failed: ${JSON.stringify(res.body)}`);
  return res.body.token;
}
