/**
 * A sale as rung is the record, end to end on real processes: nats-server, head office, a store
 * and the till in an 80×24 tmux pane. Head office changes a price while the till is cut off from
 * its store; the till sells at the price it shows; the sale reaches the store and head office
 * exactly as on the receipt, both list the difference as a price exception, and head office's
 * figures equal the store's.
 */

import { Database } from "bun:sqlite";
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { priceBasket } from "../../src/core/pricing.ts";
import { storeSettingsSchema } from "../../src/core/settings.ts";
import { TILL_DB_FILE } from "../../src/till/data/db.ts";
import { withTestTaxClasses } from "../support/tax-classes.ts";
import { haveTmux, startTillInTmux } from "../till/support/tmux.ts";
import { type Chain, expectExact, PRODUCTS, startChain } from "./support/chain.ts";
import { TcpProxy } from "./support/tcp-proxy.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(240_000);
if (!haveTmux())
  console.warn("as-rung end-to-end test skipped: tmux is not installed (apt-get install tmux)");

let chain: Chain;
let proxy: TcpProxy;
let tillData: string;
beforeAll(async () => {
  if (!haveTmux()) return;
  chain = await startChain({ storeIds: ["S1"], seed: false });
  await chain.hq.json("/api/v1/products/bulk", {
    method: "POST",
    body: JSON.stringify({ products: PRODUCTS, strict: true }),
  });
  proxy = await TcpProxy.start(Number(new URL(chain.store("S1").url).port));
  tillData = await mkdtemp(join(tmpdir(), "ringup-as-rung-"));
});
afterAll(async () => {
  await proxy?.[Symbol.asyncDispose]();
  await chain?.[Symbol.asyncDispose]();
  if (tillData) await rm(tillData, { recursive: true, force: true });
});

interface Sale {
  id: string;
  receiptNo: string;
  totalMinor: number;
  taxMinor: number;
  lines: { code: string; unitPriceMinor: number; totalMinor: number }[];
}

async function storePrice(code: string): Promise<number> {
  const res = await chain.store("S1").api(`/api/v1/products/lookup?code=${code}`);
  if (!res.ok) return -1;
  return ((await res.json()) as { product: { priceMinor: number } }).product.priceMinor;
}

function tillPrice(code: string): number {
  const file = join(tillData, TILL_DB_FILE);
  if (!existsSync(file)) return -1;
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.query<{ p: number }, [string]>("SELECT price_minor AS p FROM products WHERE code = ?1").get(code)
        ?.p ?? -1
    );
  } catch {
    return -1;
  } finally {
    db.close();
  }
}

function pendingAtTill(): number {
  const db = new Database(join(tillData, TILL_DB_FILE), { readonly: true });
  try {
    return (
      db.query<{ n: number }, []>("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get()?.n ?? -1
    );
  } finally {
    db.close();
  }
}

test.if(haveTmux())(
  "a price pushed from head office while the till is cut off: the sale is kept as rung everywhere",
  async () => {
    const store = chain.store("S1");
    await waitFor(async () => (await storePrice("A1")) === 199, "the store's catalog from head office");
    const user = await store.api("/api/v1/users", {
      method: "POST",
      body: JSON.stringify({ name: "Ann", role: "cashier", pin: "1234" }),
    });
    expect(user.status).toBe(201);
    // The shop opened the till's shift with its float (so the till goes straight to selling).
    const shift = await store.api("/api/v1/shifts", {
      method: "POST",
      body: JSON.stringify({ tillId: "T1", floatMinor: 10_000 }),
    });
    expect(shift.status).toBeLessThan(300);

    await using till = await startTillInTmux(`http://127.0.0.1:${proxy.port}`, "T1", tillData);
    await till.waitFor("Type your PIN", "the log-in screen");
    await till.type("1234");
    await till.keys("Enter");
    await till.waitFor("Hello, Ann", "the log-in");
    await waitFor(async () => tillPrice("A1") === 199, "the till's catalog", 60_000);

    // The till is cut off from its store; head office raises the price, and the store has it.
    proxy.cut();
    const put = await chain.hq.api("/api/v1/prices", {
      method: "PUT",
      body: JSON.stringify({ code: "A1", priceMinor: 249 }),
    });
    expect(put.status).toBeLessThan(300);
    await waitFor(async () => (await storePrice("A1")) === 249, "the new price at the store", 60_000);
    expect(tillPrice("A1")).toBe(199);

    // The cashier sells two at the price the till shows, paid in exact cash.
    await till.type("2*A1");
    await till.keys("Enter");
    await till.waitFor("Apple juice", "the line");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    const done = await till.waitFor((s) => /Receipt S1-T1-\d+/.test(s), "the sale to complete");
    const receiptNo = /Receipt (S1-T1-\d+)/.exec(done)?.[1];
    expect(receiptNo).toBeDefined();
    expect(pendingAtTill()).toBe(1);

    // What the customer paid: two at 1.99 with the store's 8.875% tax.
    const settings = storeSettingsSchema.parse(withTestTaxClasses());
    const receipt = priceBasket(
      { lines: [{ code: "A1", name: "Apple juice", qtyMilli: 2000, unitPriceMinor: 199, taxClass: "1" }] },
      settings,
    );

    proxy.restore();
    const recorded = await waitFor(async () => {
      const res = await store.api(`/api/v1/sales/by-receipt/${receiptNo}`);
      return res.ok ? ((await res.json()) as Sale) : undefined;
    }, "the sale at the store");
    expect(recorded.totalMinor).toBe(receipt.totalMinor);
    expect(recorded.taxMinor).toBe(receipt.taxMinor);
    expect(recorded.lines.map((l) => [l.code, l.unitPriceMinor, l.totalMinor])).toEqual([["A1", 199, 398]]);

    const today = new Date().toISOString().slice(0, 10);
    const exceptions = (await (
      await store.api(`/api/v1/reports/exceptions?from=${today}&to=${today}`)
    ).json()) as { exceptions: { saleId: string; kind: string; rungMinor: number; catalogMinor: number }[] };
    expect(exceptions.exceptions).toEqual([
      expect.objectContaining({ saleId: recorded.id, kind: "price", rungMinor: 199, catalogMinor: 249 }),
    ]);

    // Head office has the sale exactly as rung, and the exception.
    const atHq = await waitFor(async () => {
      const res = await chain.hq.api(`/api/v1/sales/${recorded.id}`);
      return res.ok ? ((await res.json()) as Sale) : undefined;
    }, "the sale at head office");
    expect(atHq.totalMinor).toBe(receipt.totalMinor);
    const hqExceptions = await waitFor(async () => {
      const body = await chain.hq.json<{ exceptions: { saleId: string; storeId: string; kind: string }[] }>(
        `/api/v1/reports/exceptions?from=${today}&to=${today}`,
      );
      return body.exceptions.length > 0 ? body.exceptions : undefined;
    }, "the exception at head office");
    expect(hqExceptions).toEqual([
      expect.objectContaining({ saleId: recorded.id, storeId: "S1", kind: "price" }),
    ]);
    await expectExact(chain);
    await waitFor(() => pendingAtTill() === 0, "the till's outbox to drain");
  },
);
