/**
 * `ringup admin stock print ID --printer URI`: a stock document on a receipt printer (ESC/POS),
 * end to end with a real store process, the admin CLI as a process and a TCP printer sink.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { decodeEscPos } from "../../src/devices/escpos/decode.ts";
import { EscPosSink } from "../devices/support/escpos-sink.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let store: StoreProcess;
beforeAll(async () => {
  store = await startStore();
  await seedProducts(store, [
    { code: "BREAD", name: "Rye bread", priceMinor: 350 },
    { code: "MILK", name: "Milk 1l", priceMinor: 199 },
  ]);
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
}, 60_000);

test("a posted receipt prints on the receipt printer with its lines, lots and costs", async () => {
  const id = uuidv7();
  const res = await store.api("/api/v1/stock/documents", {
    method: "POST",
    body: JSON.stringify({
      id,
      type: "receipt",
      post: true,
      reason: "delivery 42",
      lines: [
        { code: "BREAD", qty: 12, unitCostMinor: 180, lot: "L1", expiry: "2027-01-31" },
        { code: "MILK", qty: 6, unitCostMinor: 90 },
      ],
    }),
  });
  expect(res.status).toBe(201);

  await using sink = await EscPosSink.start();
  const run = await runAdmin(store, "stock", "print", id, "--printer", sink.uri);
  expect([run.code, run.stderr]).toEqual([0, `printed stock document 1 on ${sink.uri} (48 columns)\n`]);
  const deadline = Date.now() + 5000;
  while (sink.jobs.length === 0 && Date.now() < deadline) await Bun.sleep(5);
  const lines = sink.jobs.flatMap((job) => decodeEscPos(job).lines).map((l) => l.trimEnd());
  expect(lines.some((l) => l.includes("Goods receipt 1"))).toBe(true);
  expect(lines.some((l) => /^BREAD Rye bread +12$/.test(l))).toBe(true);
  expect(lines).toContain("  lot L1, exp 2027-01-31, cost 180");
  expect(lines.some((l) => /^total cost +2700$/.test(l))).toBe(true);

  // An unknown document prints nothing and says so.
  const before = sink.jobs.length;
  const unknown = await runAdmin(store, "stock", "print", uuidv7(), "--printer", sink.uri);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain("there is no stock document");
  expect(sink.jobs.length).toBe(before);
}, 60_000);
