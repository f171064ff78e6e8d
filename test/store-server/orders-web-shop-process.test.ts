/**
 * A real store process and a local HTTP server standing in for the web shop: the shop adds its
 * webhook, places a prepaid order, changes it, and the order is collected at the store. Stock is
 * reserved and released as it goes, and the shop is told of every change of available stock
 * exactly once (by delivery id, through refused first attempts and retries), signed; an endpoint
 * that keeps failing is parked with its reason and never holds up the shop's.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";
import { TEST_TAX_CLASSES } from "../support/tax-classes.ts";
import { startWebShop, type WebShop } from "../support/web-shop.ts";

const SECRET = "shop-secret-0123456789";
let dir: string;
let store: StoreProcess;
let shop: WebShop;
let down: WebShop;

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}
const send = (path: string, body: unknown, method = "POST") =>
  store.api(`/api/v1${path}`, { method, body: JSON.stringify(body) });

beforeAll(async () => {
  shop = startWebShop({ secret: SECRET, failFirst: 1 });
  down = startWebShop({ secret: SECRET, alwaysFail: true });
  dir = await mkdtemp(join(tmpdir(), "ringup-web-shop-"));
  const config = join(dir, "store.toml");
  const taxes = TEST_TAX_CLASSES.map(
    (t) => `[[taxClasses]]\nid = "${t.id}"\nname = "${t.name}"\nrate = "${t.rate}"\n`,
  );
  await writeFile(
    config,
    `${taxes.join("\n")}\n[webhooks]\nmaxAttempts = 3\nretryMinMs = 20\nretryMaxMs = 100\ntimeoutMs = 2000\n`,
  );
  store = await startStore({ storeId: "S1", args: ["--config", config] });
  await seedProducts(store, [
    { code: "MILK", name: "Milk 1l", priceMinor: 349, taxClass: "1" },
    { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
  ]);
});

afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
  await shop?.[Symbol.asyncDispose]();
  await down?.[Symbol.asyncDispose]();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface StockData {
  code: string;
  onHandMilli: number;
  reservedMilli: number;
  availableMilli: number;
  cause: string;
}

test("an order placed, prepaid, changed and collected; the shop told of each stock change once", async () => {
  const bad = await send("/webhooks", { url: "ftp://shop.example/hook", events: ["*"], secret: SECRET });
  expect(bad.status).toBe(400);
  const unknownEvent = await send("/webhooks", { url: shop.url, events: ["stock.moved"], secret: SECRET });
  expect(unknownEvent.status).toBe(400);
  expect((await json<{ webhooks: unknown[] }>(await store.api("/api/v1/webhooks"), 200)).webhooks).toEqual(
    [],
  );

  const hook = await json<{ id: string }>(
    await send("/webhooks", { url: shop.url, events: ["*"], secret: SECRET }),
    201,
  );
  const failing = await json<{ id: string }>(
    await send("/webhooks", { url: down.url, events: ["stock.changed"], secret: SECRET }),
    201,
  );

  // Goods arrive: on hand 10 milk, 5 bread.
  await json(
    await send("/stock/documents", {
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: [
        { code: "MILK", qty: 10, unitCostMinor: 100 },
        { code: "BREAD", qty: 5, unitCostMinor: 100 },
      ],
    }),
    201,
  );

  const id = uuidv7();
  const placed = await json<{ totalMinor: number; balanceDueMinor: number; status: string }>(
    await send("/orders", {
      id,
      pickupStore: "S1",
      slot: { date: "2026-12-08", from: "17:00", to: "18:00" },
      lines: [{ code: "MILK", qty: 3 }],
      prepaid: [{ type: "card", amountMinor: 2000, ref: "shop-pay-77" }],
    }),
    201,
  );
  expect(placed.status).toBe("placed");
  expect(placed.balanceDueMinor).toBe(placed.totalMinor - 2000);

  const over = await send(`/orders/${id}`, { lines: [{ code: "MILK", qty: 11 }] }, "PATCH");
  expect(over.status).toBe(409);

  const changed = await json<{ balanceDueMinor: number; totalMinor: number }>(
    await send(
      `/orders/${id}`,
      {
        lines: [
          { code: "MILK", qty: 1 },
          { code: "BREAD", qty: 2 },
        ],
      },
      "PATCH",
    ),
    200,
  );
  expect(changed.balanceDueMinor).toBe(changed.totalMinor - 2000);
  const shopView = await json<{
    products: { code: string; availableMilli: number; reservedMilli: number }[];
  }>(await store.api("/api/v1/shop/products"), 200);
  expect(shopView.products.map((p) => [p.code, p.reservedMilli, p.availableMilli])).toEqual([
    ["BREAD", 2000, 3000],
    ["MILK", 1000, 9000],
  ]);

  const collected = await json<{ status: string; refundedMinor: number; saleId: string }>(
    await send(`/orders/${id}/collect`, { tenders: [], tillId: "WEB" }),
    200,
  );
  expect(collected.status).toBe("collected");
  expect(collected.refundedMinor).toBe(2000 - changed.totalMinor);
  const late = await send(`/orders/${id}`, { lines: [{ code: "MILK", qty: 2 }] }, "PATCH");
  expect(late.status).toBe(409);
  expect(((await late.json()) as { error: { code: string } }).error.code).toBe("ORDER_COLLECTED");

  // Every change of available stock, once each: the receipt (2), the reservation (1), its
  // change (2), the sale (2) and the release (2).
  const stockChanges = () => shop.processed.filter((d) => d.event === "stock.changed");
  const count = (event: string) => shop.processed.filter((d) => d.event === event).length;
  await shop.waitFor(
    () => count("stock.changed") >= 9 && count("order.changed") >= 3 && count("sale.completed") >= 1,
  );
  const seen = stockChanges().map((d) => d.body.data as unknown as StockData);
  const byProduct = (code: string) =>
    seen
      .filter((s) => s.code === code)
      .map((s) => `${s.cause}:${s.availableMilli / 1000}`)
      .sort();
  expect(byProduct("MILK")).toEqual(
    ["receipt:10", "reservation:7", "reservation:9", "reservation:9", "sale:8"].sort(),
  );
  expect(byProduct("BREAD")).toEqual(["receipt:5", "reservation:3", "reservation:3", "sale:1"].sort());
  const ids = shop.processed.map((d) => d.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(shop.badSignatures).toBe(0);
  expect(shop.attempts).toBeGreaterThanOrEqual(2 * shop.processed.length); // each refused once first
  expect(
    // Posted several at once, deliveries may arrive out of order: their ids sort in the order made.
    [...shop.processed]
      .sort((a, b) => a.id.localeCompare(b.id))
      .filter((d) => d.event === "order.changed")
      .map((d) => (d.body.data as { action: string }).action),
  ).toEqual(["placed", "lines_changed", "collected"]);
  expect(shop.processed.every((d) => d.body.storeId === "S1" && d.body.id === d.id)).toBe(true);

  const stock = await json<{ onHand: number; reserved: number; available: number }>(
    await store.api("/api/v1/stock?code=MILK"),
    200,
  );
  expect([stock.onHand, stock.reserved, stock.available]).toEqual([9, 0, 9]);

  // The endpoint that never answers well is parked with its reason; the shop's was not held up.
  const deadline = Date.now() + 15_000;
  let parked: { id: string; status: string; parkedReason: string | null } | undefined;
  while (Date.now() < deadline) {
    const list = await json<{ webhooks: { id: string; status: string; parkedReason: string | null }[] }>(
      await store.api("/api/v1/webhooks"),
      200,
    );
    parked = list.webhooks.find((w) => w.id === failing.id);
    if (parked?.status === "parked") break;
    await Bun.sleep(20);
  }
  expect(parked?.status).toBe("parked");
  expect(parked?.parkedReason).toContain("500");
  const audit = await json<{ entries: { action: string; refId: string | null }[] }>(
    await store.api("/api/v1/audit?action=webhook.parked"),
    200,
  );
  expect(audit.entries.some((e) => e.refId === failing.id)).toBe(true);

  // Deleted, the shop's webhook gets nothing more.
  expect((await store.api(`/api/v1/webhooks/${hook.id}`, { method: "DELETE" })).status).toBe(200);
  expect((await store.api(`/api/v1/webhooks/${hook.id}`, { method: "DELETE" })).status).toBe(404);
});
