/** Store sessions expire: after `sessionIdleMinutes` without use, and `sessionMaxHours` after log-in. */
import { describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StoreProcess, startStore } from "../support/store-process.ts";
import { bearer, until } from "./support.ts";

async function storeWith(toml: string): Promise<{ store: StoreProcess; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-sessions-"));
  const config = join(dir, "store.toml");
  await writeFile(config, toml);
  const store = await startStore({ args: ["--config", config] });
  return {
    store,
    cleanup: async () => {
      await store[Symbol.asyncDispose]();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function login(store: StoreProcess): Promise<string> {
  const user = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Ann", role: "cashier", pin: "2468" }),
  });
  expect(user.status).toBe(201);
  const res = await fetch(`${store.url}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tillId: "T1", pin: "2468" }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

async function refusal(
  store: StoreProcess,
  token: string,
): Promise<{ status: number; code?: string; message?: string }> {
  const res = await fetch(`${store.url}/api/v1/settings`, { headers: bearer(token) });
  if (res.ok) return { status: res.status };
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

describe("session expiry", () => {
  test("a session unused for sessionIdleMinutes is refused; the admin token is not", async () => {
    const { store, cleanup } = await storeWith("sessionIdleMinutes = 0.02\n"); // 1.2 s
    try {
      const token = await login(store);
      expect((await refusal(store, token)).status).toBe(200);
      const usedAt = Date.now();
      // Every use counts as activity, so the session is left alone until its idle window is over.
      await until("1.2 s without use have passed", () => Date.now() - usedAt > 1_500);
      const last = await refusal(store, token);
      expect(last.status).toBe(401);
      expect(last.code).toBe("SESSION_EXPIRED");
      expect(last.message).toContain("log in again");
      expect((await store.api("/api/v1/settings")).status).toBe(200);
    } finally {
      await cleanup();
    }
  });

  test("a session in constant use still ends sessionMaxHours after its log-in", async () => {
    const { store, cleanup } = await storeWith("sessionMaxHours = 0.0005\n"); // 1.8 s
    try {
      const token = await login(store);
      const started = Date.now();
      let last = await refusal(store, token);
      await until("the old session is refused", async () => {
        last = await refusal(store, token);
        return last.status === 401;
      });
      expect(Date.now() - started).toBeGreaterThan(1_000);
      expect(last.code).toBe("SESSION_EXPIRED");
      expect(last.message).toContain("hours after its log-in");
    } finally {
      await cleanup();
    }
  });
});
