/**
 * Head office never answers PIN hashes over its API: a store's token reads its catalog feed and
 * snapshot without them, and the change log sends a user's hash only in entries of the stores
 * the user works at. Its database and PIN key are mode 0600. Against a real `ringup hq` process.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import { callJson, modeOf } from "./http.ts";

interface Registered {
  credentials: { apiToken: string };
}

let hq: HqProcess;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  hq = await startHq();
  for (const storeId of ["S1", "S2"]) {
    const res = await callJson<Registered>(
      hq.url,
      "POST",
      "/api/v1/stores",
      { storeId, name: storeId },
      hq.token,
    );
    expect(res.status).toBe(201);
    tokens[storeId] = res.body.credentials.apiToken;
  }
  for (const user of [
    { name: "Ann", role: "cashier", pin: "1234" },
    { name: "Bob", role: "supervisor", pin: "7355", storeIds: ["S1"] },
  ]) {
    expect((await callJson(hq.url, "POST", "/api/v1/users", user, hq.token)).status).toBe(201);
  }
});
afterAll(async () => {
  await hq?.[Symbol.asyncDispose]();
});

describe("PIN hashes at head office", () => {
  test("a store's token reads its feed and snapshot without any PIN hash", async () => {
    for (const storeId of ["S1", "S2"]) {
      const token = tokens[storeId] ?? "";
      for (const path of [
        `/api/v1/catalog/changes?storeId=${storeId}`,
        `/api/v1/catalog/snapshot?storeId=${storeId}`,
      ]) {
        const res = await fetch(`${hq.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text).toContain('"kind":"user"');
        expect(text).not.toContain("$argon2");
      }
    }
  });

  test("a user's hash is sent only for the stores they work at", () => {
    const rows = hq
      .db()
      .query<{ storeId: string; value: string }, []>(
        "SELECT store_id AS storeId, value FROM catalog_changes WHERE kind = 'user'",
      )
      .all()
      .map((r) => ({
        storeId: r.storeId,
        value: JSON.parse(r.value) as { name: string; pinHash: string | null },
      }));
    const sent = rows.map((r) => ({
      storeId: r.storeId,
      name: r.value.name,
      hash: r.value.pinHash !== null,
    }));
    expect(sent.sort((a, b) => `${a.name}${a.storeId}`.localeCompare(`${b.name}${b.storeId}`))).toEqual([
      { storeId: "S1", name: "Ann", hash: true },
      { storeId: "S2", name: "Ann", hash: true },
      { storeId: "S1", name: "Bob", hash: true },
      { storeId: "S2", name: "Bob", hash: false },
    ]);
  });

  test("hq.db and pin.key are mode 0600, and no PIN secret is kept in the database", async () => {
    expect((await modeOf(join(hq.dataDir, "hq.db"))).toString(8)).toBe("600");
    expect((await modeOf(join(hq.dataDir, "pin.key"))).toString(8)).toBe("600");
    expect(hq.db().query("SELECT key FROM hq_meta WHERE key LIKE '%pin%'").all()).toEqual([]);
  });
});
