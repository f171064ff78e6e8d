/**
 * Tills are paired, not trusted by address: a manager's one-time code (ringup admin till pair)
 * becomes the till's own device token (ringup till --pair), with which a real till data layer
 * syncs the catalog before anyone logs in; revoking the till stops it at once. Codes are single
 * use and wrong ones are bounded.
 */

import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTillServices, tillDbPath } from "../../src/till/data/index.ts";
import { seedProducts, startStore } from "../support/store-process.ts";
import { bearer, ringup, secretFile, until } from "./support.ts";

function deviceTokenOf(dataDir: string): string | null {
  const db = new Database(tillDbPath(dataDir), { readonly: true });
  try {
    return (
      db.query<{ value: string }, []>("SELECT value FROM meta WHERE key = 'deviceToken'").get()?.value ?? null
    );
  } finally {
    db.close();
  }
}

describe("pairing a till", () => {
  test("admin pair → till --pair → the device token syncs before any log-in → revoke → refused", async () => {
    await using store = await startStore();
    await seedProducts(store, [{ code: "4011", name: "Bananas", priceMinor: 69 }]);
    const tokenFile = await secretFile(store.token);
    const admin = (...args: string[]) =>
      ringup(["admin", "--server", store.url, "--token-file", tokenFile, ...args]);
    const tillDir = await mkdtemp(join(tmpdir(), "ringup-paired-till-"));
    try {
      const pairing = await admin("till", "pair", "--till", "T7", "--json");
      expect(pairing.code).toBe(0);
      const { code } = JSON.parse(pairing.stdout) as { code: string };
      expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

      const paired = await ringup([
        "till",
        "--server",
        store.url,
        "--till-id",
        "T7",
        "--data",
        tillDir,
        "--pair",
        code,
      ]);
      expect(paired.stderr).toBe("");
      expect(paired.code).toBe(0);
      expect(paired.stdout).toContain("till T7 is paired with store S1");
      const token = deviceTokenOf(tillDir);
      expect(token).not.toBeNull();
      expect((await stat(tillDbPath(tillDir))).mode & 0o077).toBe(0);
      // The code was for one use only.
      const again = await ringup([
        "till",
        "--server",
        store.url,
        "--till-id",
        "T7",
        "--data",
        tillDir,
        "--pair",
        code,
      ]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("already used");

      // A real till data layer syncs the catalog with its own token, nobody logged in.
      const till = await createTillServices({ server: store.url, tillId: "T7", dataDir: tillDir });
      try {
        await till.syncNow();
        expect(till.lookup("4011").product.name).toBe("Bananas");

        const listed = await admin("till", "list");
        expect(listed.stdout).toContain("T7: paired");
        expect(listed.stdout).not.toContain("last seen never");

        const revoked = await admin("till", "revoke", "T7");
        expect(revoked.code).toBe(0);
        const res = await fetch(`${store.url}/api/v1/settings`, { headers: bearer(token ?? "") });
        expect(res.status).toBe(401);
        await till.syncNow();
        await until("the till says it was revoked", () =>
          (till.status().lastError ?? "").includes("pair it again"),
        );
      } finally {
        await till.close();
      }
      expect((await admin("till", "list")).stdout).toContain("no paired tills");
    } finally {
      await rm(tillDir, { recursive: true, force: true });
    }
  });

  test("a code for one till does not pair another; wrong codes close pairing for a while", async () => {
    await using store = await startStore();
    const res = await store.api("/api/v1/tills/pairings", {
      method: "POST",
      body: JSON.stringify({ tillId: "T1" }),
    });
    const { code } = (await res.json()) as { code: string };
    const pair = (body: unknown) =>
      fetch(`${store.url}/api/v1/tills/pair`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await pair({ code, tillId: "T2" })).status).toBe(401);
    for (let i = 0; i < 9; i += 1)
      expect((await pair({ code: `WRONG-${i}`, tillId: "T1" })).status).toBe(401);
    const locked = await pair({ code, tillId: "T1" });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe("PAIRING_LOCKED");
    // A cashier's session cannot ask for codes; only a manager or the admin.
    expect(
      (
        await store.api("/api/v1/tills/pairings", {
          method: "POST",
          body: "{}",
          headers: bearer("nope_nope_nope_nope"),
        })
      ).status,
    ).toBe(401);
  });
});
