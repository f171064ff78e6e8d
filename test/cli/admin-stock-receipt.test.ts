/**
 * `ringup admin stock count` and `ringup admin receipt` end to end: a real `ringup store`
 * process, the admin CLI run as a process against it, a network receipt printer as a TCP sink.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { decodeEscPos } from "../../src/devices/escpos/decode.ts";
import { EscPosSink } from "../devices/support/escpos-sink.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

const admin = (...args: string[]) => runAdmin(store, ...args);

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await store.api(`/api/v1${path}`, init);
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as T;
}

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

describe("ringup admin stock and receipts", () => {
  test("stock count sets stock to the quantity counted", async () => {
    await api("POST", "/stock/adjustments", { code: "BREAD", qty: 22, reason: "delivery", kind: "receive" });
    const run = await admin("stock", "count", "--code", "BREAD", "--qty", "20", "--reason", "shelf count");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("counted 20, system had 22, difference -2");
    const level = await api<{ onHandMilli: number }>("GET", "/stock?code=BREAD");
    expect(level.onHandMilli).toBe(20_000);

    const bad = await admin("stock", "count", "--code", "BREAD", "--qty", "-1");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--qty");
  });

  test("receipt prints a copy of any recorded sale, on the terminal and on a printer", async () => {
    const sale = await api<{ id: string; receiptNo: string; totalMinor: number }>("POST", "/sales", {
      id: uuidv7(),
      tillId: "T1",
      lines: [{ code: "MILK", qty: 2 }],
      tenders: [{ type: "card", amountMinor: 398 }],
    });
    await api("POST", "/sales", {
      id: uuidv7(),
      tillId: "T1",
      lines: [{ code: "BREAD", qty: 1 }],
      tenders: [{ type: "card", amountMinor: 350 }],
    });

    const bySale = await admin("receipt", "--sale", sale.id);
    expect(bySale.code).toBe(0);
    expect(bySale.stdout).toContain("*** COPY ***");
    expect(bySale.stdout).toContain(sale.receiptNo);

    await using sink = await EscPosSink.start();
    const printed = await admin("receipt", "--receipt", sale.receiptNo, "--printer", sink.uri);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toContain(`printed a copy of receipt ${sale.receiptNo}`);
    const deadline = Date.now() + 5000;
    while (sink.jobs.length === 0 && Date.now() < deadline) await Bun.sleep(5);
    const text = sink.jobs.map((job) => decodeEscPos(job).lines.join("\n")).join("\n");
    expect(text).toContain("COPY");
    expect(text).toContain("Milk 1l");

    const neither = await admin("receipt");
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain("--sale ID or --receipt NO");
  });
});
