/**
 * An order placed at head office for a store, over a real nats-server: routed to the pick-up
 * store, which places it once by id and reserves its stock; collected there, the store's events
 * bring it back to head office, which answers it by store, status and day. An order for an
 * unknown store or product is refused at head office, changing nothing; one the store cannot
 * take (not enough stock) is skipped there with its reason, as any change from head office.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

let chain: Chain;
let store: StoreProcess;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"], seed: false });
  store = chain.store("S1");
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

async function hq(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await chain.hq.api(
    path,
    body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function atStore<T>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await store.api(path, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

const slot = { date: "2026-12-09", from: "09:00", to: "10:00" };

test("an order placed at head office is reserved at its store, collected there, and reported back", async () => {
  for (const product of [
    { code: "MILK", name: "Milk 1l", priceMinor: 349, taxClass: null },
    { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
  ]) {
    expect((await hq("/api/v1/products", product)).status).toBe(200);
  }
  await waitFor(
    async () => (await store.api("/api/v1/products/BREAD")).status === 200,
    "products at the store",
  );
  const received = await atStore("/api/v1/stock/documents", {
    id: uuidv7(),
    type: "receipt",
    post: true,
    lines: [
      { code: "MILK", qty: 6, unitCostMinor: 100 },
      { code: "BREAD", qty: 2, unitCostMinor: 100 },
    ],
  });
  expect(received.status).toBe(201);

  // Bad input at head office: refused, nothing routed.
  const base = { pickupStore: "S1", slot, lines: [{ code: "MILK", qty: 1 }] };
  const unknownSite = await hq("/api/v1/orders", { ...base, id: uuidv7(), pickupStore: "S9" });
  expect([unknownSite.status, (unknownSite.body.error as { code: string }).code]).toEqual([
    400,
    "UNKNOWN_SITE",
  ]);
  const unknownCode = await hq("/api/v1/orders", {
    ...base,
    id: uuidv7(),
    lines: [{ code: "NOPE", qty: 1 }],
  });
  expect([unknownCode.status, (unknownCode.body.error as { code: string }).code]).toEqual([
    404,
    "UNKNOWN_CODE",
  ]);
  expect((await hq("/api/v1/orders")).body.orders).toEqual([]);

  const id = uuidv7();
  const order = {
    id,
    pickupStore: "S1",
    slot,
    lines: [{ code: "MILK", qty: 2 }],
    prepaid: [{ type: "card", amountMinor: 698, ref: "shop-1" }],
  };
  const placed = await hq("/api/v1/orders", order);
  expect(placed.status).toBe(202);
  expect(placed.body).toMatchObject({ id, storeId: "S1", number: null, status: "placed", totalMinor: 698 });
  expect((await hq("/api/v1/orders", order)).status).toBe(200);

  const there = await waitFor(async () => {
    const res = await atStore<{
      number: number;
      status: string;
      balanceDueMinor: number;
      history: { userId: string }[];
    }>(`/api/v1/orders/${id}`);
    return res.status === 200 ? res.body : null;
  }, "the order at its store");
  expect([there.number, there.status, there.balanceDueMinor]).toEqual([1, "placed", 0]);
  expect(there.history.map((h) => h.userId)).toEqual(["hq"]);
  const milk = await atStore<{ reserved: number; available: number }>("/api/v1/stock?code=MILK");
  expect([milk.body.reserved, milk.body.available]).toEqual([2, 4]);

  // More bread than the store has: skipped there with the reason, nothing reserved.
  const tooMuch = uuidv7();
  expect(
    (await hq("/api/v1/orders", { ...base, id: tooMuch, lines: [{ code: "BREAD", qty: 5 }] })).status,
  ).toBe(202);
  const skipped = await waitFor(async () => {
    const res = await atStore<{ entries: { refId: string; detail: { code: string } }[] }>(
      "/api/v1/audit?action=catalog.change_skipped",
    );
    return res.body.entries.find((e) => e.refId === tooMuch) ?? null;
  }, "the refused order skipped at the store");
  expect(skipped.detail.code).toBe("OVER_RESERVATION");
  expect((await atStore(`/api/v1/orders/${tooMuch}`)).status).toBe(404);

  const collected = await atStore<{ status: string }>(`/api/v1/orders/${id}/collect`, {
    tenders: [],
    tillId: "WEB",
  });
  expect(collected.body.status).toBe("collected");

  const reported = await waitFor(async () => {
    const res = await hq("/api/v1/orders?store=S1&status=collected&date=2026-12-09");
    const orders = res.body.orders as { id: string; number: number | null; atStore: boolean }[];
    return orders.find((o) => o.id === id) ?? null;
  }, "the collected order at head office");
  expect([reported.number, reported.atStore]).toEqual([1, true]);
  const placedOnly = await hq("/api/v1/orders?status=placed");
  expect((placedOnly.body.orders as { id: string }[]).map((o) => o.id)).toEqual([tooMuch]);
});

async function hqSend(
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await chain.hq.api(path, { method, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function storeOrder(id: string) {
  const res = await atStore<{
    status: string;
    totalMinor: number;
    balanceDueMinor: number;
    saleId: string | null;
    lines: { code: string; qtyMilli: number }[];
    history: { action: string; userId: string | null }[];
  }>(`/api/v1/orders/${id}`);
  return res.status === 200 ? res.body : null;
}

test("an order is changed, moved on and collected through head office, at its pick-up store", async () => {
  const id = uuidv7();
  const placed = await hq("/api/v1/orders", {
    id,
    pickupStore: "S1",
    slot,
    lines: [{ code: "MILK", qty: 1 }],
  });
  expect(placed.status).toBe(202);
  await waitFor(() => storeOrder(id), "the order at its store");

  // Bad input at head office: precise, nothing routed.
  const changesBefore =
    chain.hq.db().query<{ n: number }, []>("SELECT COUNT(*) AS n FROM catalog_changes").get()?.n ?? 0;
  const unknown = await hqSend("PATCH", `/api/v1/orders/${uuidv7()}`, { lines: [{ code: "MILK", qty: 1 }] });
  expect([unknown.status, (unknown.body.error as { code: string }).code]).toEqual([404, "ORDER_NOT_FOUND"]);
  const badCode = await hqSend("PATCH", `/api/v1/orders/${id}`, { lines: [{ code: "NOPE", qty: 1 }] });
  expect([badCode.status, (badCode.body.error as { code: string }).code]).toEqual([404, "UNKNOWN_CODE"]);
  const noTill = await hqSend("POST", `/api/v1/orders/${id}/collect`, { tenders: [] });
  expect(noTill.status).toBe(400);
  const badStatus = await hqSend("POST", `/api/v1/orders/${id}/status`, { status: "collected" });
  expect(badStatus.status).toBe(400);
  expect(
    chain.hq.db().query<{ n: number }, []>("SELECT COUNT(*) AS n FROM catalog_changes").get()?.n ?? 0,
  ).toBe(changesBefore);

  // The customer wants two milks and a bread: changed through head office, re-reserved at the store.
  const changed = await hqSend("PATCH", `/api/v1/orders/${id}`, {
    lines: [
      { code: "MILK", qty: 2 },
      { code: "BREAD", qty: 1 },
    ],
  });
  expect(changed.status).toBe(202);
  expect(changed.body).toMatchObject({ id, storeId: "S1" });
  const atS1 = await waitFor(async () => {
    const order = await storeOrder(id);
    return order && order.lines.length === 2 ? order : null;
  }, "the change at the store");
  expect(atS1.totalMinor).toBe(2 * 349 + 275);
  const bread = await atStore<{ reserved: number }>("/api/v1/stock?code=BREAD");
  expect(bread.body.reserved).toBe(1);

  expect((await hqSend("POST", `/api/v1/orders/${id}/status`, { status: "confirmed" })).status).toBe(202);
  await waitFor(async () => (await storeOrder(id))?.status === "confirmed", "confirmed at the store");

  const collected = await hqSend("POST", `/api/v1/orders/${id}/collect`, {
    tenders: [{ type: "card", amountMinor: 2 * 349 + 275, ref: "shop-2" }],
    tillId: "WEB",
  });
  expect(collected.status).toBe(202);
  const done = await waitFor(async () => {
    const order = await storeOrder(id);
    return order?.status === "collected" ? order : null;
  }, "collected at the store");
  expect(done.saleId).not.toBeNull();
  expect(done.history.map((h) => [h.action, h.userId])).toEqual([
    ["placed", "hq"],
    ["lines_changed", "hq"],
    ["status", "hq"],
    ["collected", "hq"],
  ]);
  expect((await atStore<{ reserved: number }>("/api/v1/stock?code=BREAD")).body.reserved).toBe(0);

  // Head office hears of it, and refuses any change of a collected order.
  await waitFor(async () => {
    const res = await hq(`/api/v1/orders/${id}`);
    return res.body.status === "collected";
  }, "the collected order at head office");
  const late = await hqSend("PATCH", `/api/v1/orders/${id}`, { lines: [{ code: "MILK", qty: 1 }] });
  expect([late.status, (late.body.error as { code: string }).code]).toEqual([409, "ORDER_COLLECTED"]);
});
