/**
 * Head office's webhooks on real processes (nats-server, head office, a store, a local HTTP
 * server standing in for the web shop): the chain's `sale.completed`, `order.changed` and
 * `stock.changed` from the stores' replicated events, signed, each once by its delivery id
 * (retried when the shop refuses), naming the store; an endpoint that keeps failing is parked
 * with its reason without holding up the others. Bad input changes nothing.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { startWebShop, type WebShop } from "../support/web-shop.ts";
import { type Chain, ringSale, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

const SECRET = "chain-shop-secret-0123456789";
let chain: Chain;
let shop: WebShop;
let down: WebShop;

beforeAll(async () => {
  const config = join(tmpdir(), `ringup-hq-webhooks-${uuidv7()}.toml`);
  await writeFile(
    config,
    "[webhooks]\nmaxAttempts = 3\nretryMinMs = 20\nretryMaxMs = 100\ntimeoutMs = 2000\n",
  );
  chain = await startChain({ storeIds: ["S1"], hqArgs: ["--config", config] });
  shop = startWebShop({ secret: SECRET, failFirst: 1 });
  down = startWebShop({ secret: SECRET, alwaysFail: true });
}, 60_000);
afterAll(async () => {
  await shop?.[Symbol.asyncDispose]();
  await down?.[Symbol.asyncDispose]();
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

async function hq(path: string, body?: unknown, method = "POST") {
  const res = await chain.hq.api(path, body === undefined ? {} : { method, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

test("head office posts the chain's sales, orders and stock changes to a web shop, once each", async () => {
  // Bad input: refused, nothing added.
  const bad = await hq("/api/v1/webhooks", { url: "ftp://shop.example/hook", events: ["*"], secret: SECRET });
  expect(bad.status).toBe(400);
  const short = await hq("/api/v1/webhooks", { url: shop.url, events: ["*"], secret: "short" });
  expect(short.status).toBe(400);
  const unknownEvent = await hq("/api/v1/webhooks", {
    url: shop.url,
    events: ["stock.moved"],
    secret: SECRET,
  });
  expect(unknownEvent.status).toBe(400);
  expect((await hq("/api/v1/webhooks")).body.webhooks).toEqual([]);

  const hook = await hq("/api/v1/webhooks", { url: shop.url, events: ["*"], secret: SECRET });
  expect(hook.status).toBe(201);
  expect(hook.body).toMatchObject({ url: shop.url, events: ["*"], status: "active" });
  expect(hook.body.secret).toBeUndefined();
  expect((await hq("/api/v1/webhooks", { url: shop.url, events: ["*"], secret: SECRET })).status).toBe(409);
  const failing = await hq("/api/v1/webhooks", { url: down.url, events: ["sale.completed"], secret: SECRET });
  expect(failing.status).toBe(201);

  // A sale at the store: its event reaches head office, which posts it and the stock it moved.
  const saleId = await ringSale(chain.store("S1"), 0);
  await shop.waitFor((s) => s.processed.some((d) => d.event === "sale.completed"), 30_000);
  await shop.waitFor((s) => s.processed.filter((d) => d.event === "stock.changed").length >= 2, 30_000);
  const sale = shop.processed.find((d) => d.event === "sale.completed");
  expect(sale?.body).toMatchObject({ event: "sale.completed", storeId: "S1", data: { saleId } });
  expect(sale?.id).toBe(sale?.body.id);
  const stock = shop.processed.filter((d) => d.event === "stock.changed");
  expect(stock.map((d) => d.body.data.code).sort()).toEqual(["A1", "MILK"]);
  expect(stock.find((d) => d.body.data.code === "A1")?.body).toMatchObject({
    storeId: "S1",
    data: {
      code: "A1",
      onHandMilli: -1000,
      reservedMilli: 0,
      availableMilli: -1000,
      cause: "sale.completed",
    },
  });

  // Bread received at the store, then an order placed there: order.changed, and the stock it reserves.
  const store = chain.store("S1");
  const post = (path: string, body: unknown) =>
    store.api(path, { method: "POST", body: JSON.stringify(body) }).then((r) => r.status);
  expect(
    await post("/api/v1/stock/documents", {
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: [{ code: "BREAD", qty: 5, unitCostMinor: 100 }],
    }),
  ).toBe(201);
  await shop.waitFor((s) => s.processed.some((d) => d.body.data.code === "BREAD"), 30_000);
  const orderId = uuidv7();
  expect(
    await post("/api/v1/orders", {
      id: orderId,
      pickupStore: "S1",
      slot: { date: "2026-12-09", from: "09:00", to: "10:00" },
      lines: [{ code: "BREAD", qty: 2 }],
    }),
  ).toBe(201);
  await shop.waitFor((s) => s.processed.some((d) => d.event === "order.changed"), 30_000);
  await shop.waitFor((s) => s.processed.filter((d) => d.body.data.code === "BREAD").length >= 2, 30_000);
  expect(shop.processed.find((d) => d.event === "order.changed")?.body).toMatchObject({
    storeId: "S1",
    data: { id: orderId, number: 1, status: "placed" },
  });
  const bread = shop.processed
    .filter((d) => d.body.data.code === "BREAD")
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(bread.map((d) => d.body.data)).toMatchObject([
    { onHandMilli: 5000, reservedMilli: 0, availableMilli: 5000, cause: "stock.document_posted" },
    { onHandMilli: 5000, reservedMilli: 2000, availableMilli: 3000, cause: "order.changed" },
  ]);

  // Every delivery was refused once and taken at its second attempt: processed once each.
  expect(shop.badSignatures).toBe(0);
  expect(new Set(shop.processed.map((d) => d.id)).size).toBe(shop.processed.length);
  expect(shop.processed.length).toBe(6);

  // The failing endpoint is parked with its reason; the shop's got everything meanwhile.
  const parked = await waitFor(async () => {
    const list = (await hq("/api/v1/webhooks")).body.webhooks as {
      id: string;
      status: string;
      parkedReason: string | null;
    }[];
    return list.find((w) => w.id === failing.body.id && w.status === "parked") ?? null;
  }, "the failing webhook parked");
  expect(parked.parkedReason).toContain("500");
  expect(down.processed).toEqual([]);

  // Deleted, a webhook is gone.
  expect((await hq(`/api/v1/webhooks/${failing.body.id}`, {}, "DELETE")).status).toBe(200);
  expect((await hq(`/api/v1/webhooks/${failing.body.id}`, {}, "DELETE")).status).toBe(404);
});
