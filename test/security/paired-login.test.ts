/**
 * With `requirePairedTills = true`, a PIN log-in is taken only from a paired till: a stranger on
 * the shop LAN who names a till id gets nothing, the paired till logs its cashier in with its
 * device token, and a revoked till is refused again.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StoreProcess, startStore } from "../support/store-process.ts";

const dir = mkdtempSync(join(tmpdir(), "ringup-paired-"));
let store: StoreProcess;

function logIn(tillId: string, pin: string, token?: string) {
  return fetch(`${store.url}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ tillId, pin }),
  });
}

beforeAll(async () => {
  const config = join(dir, "store.toml");
  writeFileSync(config, "requirePairedTills = true\n");
  store = await startStore({ args: ["--config", config] });
  const user = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Ann", role: "cashier", pin: "1357" }),
  });
  expect(user.status).toBe(201);
}, 60_000);
afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
  rmSync(dir, { recursive: true, force: true });
});

describe("log-in only from paired tills", () => {
  test("an unpaired till id is refused, even with the right PIN, and says how to pair", async () => {
    const res = await logIn("T1", "1357");
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("TILL_NOT_PAIRED");
    expect(body.error.message).toContain("ringup admin till pair");
  });

  test("a paired till logs its cashier in with its device token; revoked, it is refused", async () => {
    const pairing = await store.api("/api/v1/tills/pairings", {
      method: "POST",
      body: JSON.stringify({ tillId: "T1" }),
    });
    expect(pairing.status).toBe(201);
    const { code } = (await pairing.json()) as { code: string };
    const paired = await fetch(`${store.url}/api/v1/tills/pair`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code, tillId: "T1" }),
    });
    expect(paired.status).toBeLessThan(300);
    const { token } = (await paired.json()) as { token: string };
    expect((await logIn("T1", "1357", token)).status).toBe(201);
    // The device token proves T1, not T2.
    expect((await logIn("T2", "1357", token)).status).toBe(403);
    const revoked = await store.api("/api/v1/tills/T1/revoke", { method: "POST", body: "{}" });
    expect(revoked.status).toBeLessThan(300);
    expect((await logIn("T1", "1357", token)).status).toBe(403);
  });
});
