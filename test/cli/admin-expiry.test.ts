/**
 * `ringup admin report expiry --days N` against a real `ringup store`: the lots on hand that
 * expire within N days, as a table and as JSON.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let store: StoreProcess;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  store = await startStore();
  await seedProducts(store, [{ code: "MILK", name: "Milk 1l", priceMinor: 199, taxClass: null }]);
  const res = await store.api("/api/v1/stock/documents", {
    method: "POST",
    body: JSON.stringify({
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: [
        { code: "MILK", qty: 6, unitCostMinor: 90, lot: "SOON", expiry: day(5) },
        { code: "MILK", qty: 4, unitCostMinor: 90, lot: "LATER", expiry: day(200) },
      ],
    }),
  });
  expect(res.status).toBe(201);
}, 60_000);
afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
});

test("lists the lots expiring within the days asked", async () => {
  const run = await runAdmin(store, "report", "expiry", "--days", "30");
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("SOON");
  expect(run.stdout).toContain("MILK");
  expect(run.stdout).not.toContain("LATER");
  const json = await runAdmin(store, "report", "expiry", "--days", "365", "--json");
  expect(json.code).toBe(0);
  const answer = JSON.parse(json.stdout) as { lots: { lot: string; onHand: number }[] };
  expect(answer.lots.map((l) => [l.lot, l.onHand])).toEqual([
    ["SOON", 6],
    ["LATER", 4],
  ]);
  const bad = await runAdmin(store, "report", "expiry", "--days", "soon");
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toContain("--days");
}, 60_000);
