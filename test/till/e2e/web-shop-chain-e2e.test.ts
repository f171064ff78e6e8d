/**
 * The web shop and the pick-up point end to end on real processes: nats-server, head office, a
 * store, a local HTTP server standing in for the web shop (taking head office's signed webhooks,
 * placing its orders through head office) and the compiled till in an 80×24 tmux pane. An order
 * placed online and prepaid is reserved at the store, changed at the counter, its balance paid at
 * the till and collected (the reservation released); the shop hears of each stock change exactly
 * once; an invoice is issued for the sale; head office's accounting export equals its daily
 * figures and the store's own export.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AccountingExport } from "../../../src/api/store/accounting.ts";
import { businessDay } from "../../../src/core/business-day.ts";
import { uuidv7 } from "../../../src/core/ids.ts";
import { type Chain, giveTestTaxClasses, startChain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { startWebShop, type WebShop } from "../../support/web-shop.ts";
import { haveTmux, loggedInTill, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("web shop chain end-to-end test skipped: tmux is not installed");

const SECRET = "web-shop-chain-secret-0123";
const LEGAL = {
  name: "Green Basket Co-op Ltd",
  address: ["12 Market Street", "75011 Paris"],
  taxId: "FR40123456789",
};

describe.if(haveTmux())("a web shop's order through head office, collected at the till", () => {
  let chain: Chain;
  let shop: WebShop;
  let till: TmuxSession;
  let dir: string;

  const hq = async (path: string, body?: unknown, method = "POST") => {
    const res = await chain.hq.api(
      `/api/v1${path}`,
      body === undefined ? {} : { method, body: JSON.stringify(body) },
    );
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const store = () => chain.store("S1");
  const atStore = async <T>(path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await store().api(
      `/api/v1${path}`,
      body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
    );
    return { status: res.status, body: (await res.json()) as T };
  };
  const stockOf = async (code: string) =>
    (await atStore<{ onHand: number; reserved: number; available: number }>(`/stock?code=${code}`)).body;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-shop-chain-e2e-"));
    const config = join(dir, "hq.toml");
    await writeFile(config, "[webhooks]\nretryMinMs = 20\nretryMaxMs = 200\n");
    chain = await startChain({ storeIds: ["S1"], seed: false, hqArgs: ["--config", config] });
    await giveTestTaxClasses(chain.hq, "S1", { legal: LEGAL });
    for (const p of [
      { code: "MILK", name: "Milk 1l", priceMinor: 350, taxClass: null },
      { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
    ]) {
      expect((await hq("/products", p)).status).toBe(200);
    }
    await waitFor(
      async () => (await store().api("/api/v1/products/BREAD")).status === 200,
      "products at the store",
    );
    shop = startWebShop({ secret: SECRET });
    expect((await hq("/webhooks", { url: shop.url, events: ["*"], secret: SECRET })).status).toBe(201);
    const received = await atStore("/stock/documents", {
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: ["MILK", "BREAD"].map((code) => ({ code, qty: 20, unitCostMinor: 90 })),
    });
    expect(received.status).toBe(201);
    till = await loggedInTill(store(), "T1", join(dir, "till"));
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await shop?.[Symbol.asyncDispose]();
    await chain?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("placed online, changed at the counter, paid at the till, invoiced and exported", async () => {
    const id = uuidv7();
    const today = businessDay(new Date(), "UTC");
    const placed = await hq("/orders", {
      id,
      customerId: "C-7-Ada",
      pickupStore: "S1",
      slot: { date: today, from: "17:00", to: "18:00" },
      lines: [{ code: "MILK", qty: 3 }],
      prepaid: [{ type: "card", amountMinor: 500, ref: "shop-pay-1" }],
    });
    expect(placed.status).toBe(202);
    await waitFor(async () => (await stockOf("MILK")).reserved === 3, "the milk reserved at the store");

    // At the counter: the order found by its barcode, bread added, the balance paid in cash.
    await till.keys("C-o");
    await till.waitFor("C-7-Ada", "today's orders");
    await till.type("ORD1");
    await till.keys("Enter");
    await till.waitFor(/Balance due\s+\$?5\.50/, "the balance: 10.50 − 5.00 prepaid");
    await till.type("BREAD");
    await till.keys("Enter");
    await till.waitFor(/Balance due\s+\$?8\.25/, "the balance with the bread");
    expect([(await stockOf("BREAD")).reserved, (await stockOf("MILK")).reserved]).toEqual([1, 3]);
    await till.type("10");
    await till.keys("F10");
    await till.waitFor("Order collected", "the order collected");
    const order = (
      await atStore<{ status: string; saleId: string; history: { action: string }[] }>(`/orders/${id}`)
    ).body;
    expect(order.status).toBe("collected");
    expect(await stockOf("MILK")).toMatchObject({ onHand: 17, reserved: 0, available: 17 });
    expect(await stockOf("BREAD")).toMatchObject({ onHand: 19, reserved: 0, available: 19 });

    // The shop heard of each stock change once: the last it knows is the store's.
    const last = (code: string) =>
      shop.processed
        .filter((d) => d.event === "stock.changed" && d.body.data.code === code)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .at(-1)?.body.data;
    await shop.waitFor(
      () => last("MILK")?.onHandMilli === 17_000 && last("BREAD")?.onHandMilli === 19_000,
      30_000,
    );
    await shop.waitFor(
      (s) => s.processed.filter((d) => d.event === "order.changed").length === order.history.length,
      30_000,
    );
    expect(last("MILK")).toMatchObject({ onHandMilli: 17_000, reservedMilli: 0, availableMilli: 17_000 });
    expect(last("BREAD")).toMatchObject({ onHandMilli: 19_000, reservedMilli: 0, availableMilli: 19_000 });
    expect(new Set(shop.processed.map((d) => d.id)).size).toBe(shop.processed.length);
    expect(shop.badSignatures).toBe(0);
    const milkChanges = shop.processed.filter(
      (d) => d.event === "stock.changed" && d.body.data.code === "MILK",
    );
    // Received, reserved, re-reserved with the bread, sold, released: once each.
    expect(milkChanges.map((d) => d.body.data.cause)).toEqual([
      "stock.document_posted",
      "order.changed",
      "order.changed",
      "sale.completed",
      "order.changed",
    ]);

    // An invoice for the sale, on request.
    const invoice = await waitFor(async () => {
      const res = await atStore<{ number: string; totalMinor: number }>("/invoices", {
        saleId: order.saleId,
        buyer: { name: "Ada Lovelace", address: "1 Analytical Row\nLondon" },
      });
      return res.status === 201 ? res.body : null;
    }, "the invoice (once the store has its legal details)");
    expect(invoice.totalMinor).toBe(1325);

    // Head office's accounting export equals its daily figures and the store's export.
    await waitFor(async () => {
      const report = (await hq(`/reports/sales?from=${today}&to=${today}&storeId=S1`)).body as {
        stores: { totalMinor: number }[];
      };
      return report.stores[0]?.totalMinor === 1325;
    }, "the sale at head office");
    const exported = (await hq(`/export/accounting?from=${today}&to=${today}&format=json`)).body as {
      stores: AccountingExport[];
    };
    const own = (await atStore<AccountingExport>(`/export/accounting?from=${today}&to=${today}&format=json`))
      .body;
    const day = exported.stores[0]?.days[0];
    expect(day?.totals.grossMinor).toBe(1325);
    expect([day?.totals, day?.taxes, day?.tenders]).toEqual([
      own.days[0]?.totals,
      own.days[0]?.taxes,
      own.days[0]?.tenders,
    ]);
    expect(Object.fromEntries((day?.tenders ?? []).map((t) => [t.type, t.netMinor]))).toEqual({
      card: 500,
      cash: 825,
    });
  }, 180_000);
});
