/**
 * Head office orders for several stores on real processes (nats-server, head office, stores):
 * one purchase order per store, made by each store under the id head office derived for it (a
 * store that was down makes it when it comes back), idempotent by id; and a central order to a
 * warehouse whose distribution is followed through the warehouse's transfers. Bad input is a
 * precise 4xx that sends nothing down.
 */
import { expect, test } from "bun:test";
import { storeOrderId } from "../../src/core/chain-orders.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { startChain, waitConverged } from "./support/chain.ts";
import { postOk } from "./support/purchasing.ts";
import { waitFor } from "./support/wait.ts";

type Json = Record<string, unknown>;

/** The store's purchase order once it has it. */
function orderAt(store: StoreProcess, id: string): Promise<Json> {
  return waitFor(async () => {
    const res = await store.api(`/api/v1/purchase-orders/${id}`);
    return res.status === 200 ? ((await res.json()) as Json) : null;
  }, `purchase order ${id} at the store`);
}

test("head office orders for several stores, one order each, and centrally through a warehouse", async () => {
  await using chain = await startChain({ storeIds: ["S1", "S2", "W1"] });
  for (const id of ["S1", "S2", "W1"]) {
    await postOk(chain.store(id), "/vendors", { id: "DAIRY", name: "North Dairy" });
    await postOk(chain.store(id), "/vendors/DAIRY/items", {
      code: "MILK",
      costMinor: 100 + (id === "S2" ? 5 : 0),
    });
  }
  // BREAD is known to head office through another vendor's catalog, not DAIRY's.
  await postOk(chain.store("S1"), "/vendors", { id: "FARM", name: "Farm Direct" });
  await postOk(chain.store("S1"), "/vendors/FARM/items", { code: "BREAD", costMinor: 40 });
  await waitConverged(chain);
  const hqPost = (body: unknown) =>
    chain.hq.api("/api/v1/purchase-orders", { method: "POST", body: JSON.stringify(body) });
  const changes = () =>
    chain.hq.db().query<{ n: number }, []>("SELECT COUNT(*) AS n FROM catalog_changes").get()?.n ?? 0;

  // S2 is down when head office orders.
  await chain.store("S2").stop();
  const id = uuidv7();
  const request = {
    id,
    vendorId: "DAIRY",
    lines: [{ code: "MILK", qty: 12 }],
    expectedAt: "2099-01-15",
    send: true,
    storeIds: ["S1", "S2"],
  };
  const placed = await hqPost(request);
  expect(placed.status).toBe(201);
  expect(await placed.json()).toMatchObject({
    id,
    deliverTo: null,
    orders: [
      { storeId: "S1", orderId: storeOrderId(id, "S1"), status: null },
      { storeId: "S2", orderId: storeOrderId(id, "S2"), status: null },
    ],
  });

  // S1 makes its order with its own vendor cost; S2 makes its own when it is back.
  const atS1 = await orderAt(chain.store("S1"), storeOrderId(id, "S1"));
  expect(atS1).toMatchObject({
    status: "sent",
    vendorId: "DAIRY",
    expectedAt: "2099-01-15",
    lines: [{ code: "MILK", orderedMilli: 12_000, costMinor: 100 }],
    totalMinor: 1200,
  });
  await chain.store("S2").restart();
  const atS2 = await orderAt(chain.store("S2"), storeOrderId(id, "S2"));
  expect(atS2).toMatchObject({
    status: "sent",
    lines: [{ orderedMilli: 12_000, costMinor: 105 }],
    totalMinor: 1260,
  });

  // A repeat answers the order and sends nothing; other content under the id is refused.
  const before = changes();
  expect((await hqPost(request)).status).toBe(200);
  expect((await hqPost({ ...request, lines: [{ code: "MILK", qty: 13 }] })).status).toBe(409);
  // Bad input: precise 4xx, nothing sent down.
  const refused = async (body: Json, status: number, code: string | null, text: string) => {
    const res = await hqPost({ vendorId: "DAIRY", lines: [{ code: "MILK", qty: 1 }], ...body, id: uuidv7() });
    const answer = await res.text();
    expect(res.status, answer).toBe(status);
    if (code) expect(answer).toContain(code);
    expect(answer).toContain(text);
  };
  await refused({ storeIds: ["S1"], vendorId: "NOPE" }, 404, "VENDOR_NOT_FOUND", "storeIds.0");
  await refused({ storeIds: ["S1", "ZZ"] }, 404, "UNKNOWN_STORE", "ZZ");
  await refused(
    { storeIds: ["S1"], lines: [{ code: "NO-SUCH", qty: 1 }] },
    404,
    "UNKNOWN_PRODUCT",
    "lines.0.code",
  );
  await refused(
    { storeIds: ["S1"], lines: [{ code: "BREAD", qty: 1 }] },
    400,
    "COST_REQUIRED",
    "lines.0.costMinor",
  );
  await refused({}, 400, null, "give either storeIds");
  await refused(
    { deliverTo: "W1", distribution: [{ storeId: "S1", lines: [{ code: "MILK", qty: 2 }] }] },
    400,
    "DISTRIBUTION_INVALID",
    "distribution.0.lines.0.qty",
  );
  expect(changes()).toBe(before);

  // The stores report their orders back: head office follows the chain order through them.
  await waitConverged(chain);
  const followed = (await (await chain.hq.api(`/api/v1/chain-orders/${id}`)).json()) as Json;
  expect(followed.orders).toEqual([
    expect.objectContaining({
      storeId: "S1",
      status: "sent",
      lines: [{ code: "MILK", orderedMilli: 12_000, receivedMilli: 0 }],
    }),
    expect.objectContaining({ storeId: "S2", status: "sent" }),
  ]);

  // A central order to the warehouse W1, distributed 8 to S1 and 12 to S2 by transfer.
  const central = uuidv7();
  const centralPlaced = await hqPost({
    id: central,
    vendorId: "DAIRY",
    lines: [{ code: "MILK", qty: 20, costMinor: 95 }],
    send: true,
    deliverTo: "W1",
    distribution: [
      { storeId: "S1", lines: [{ code: "MILK", qty: 8 }] },
      { storeId: "S2", lines: [{ code: "MILK", qty: 12 }] },
    ],
  });
  expect(centralPlaced.status).toBe(201);
  const w1 = chain.store("W1");
  const atW1 = await orderAt(w1, storeOrderId(central, "W1"));
  expect(atW1).toMatchObject({ lines: [{ orderedMilli: 20_000, costMinor: 95 }] });
  await postOk(w1, `/purchase-orders/${storeOrderId(central, "W1")}/receipts`, { id: uuidv7() });
  await postOk(w1, "/stock/documents", {
    id: uuidv7(),
    type: "transfer_out",
    toStore: "S1",
    post: true,
    lines: [{ code: "MILK", qty: 8 }],
  });
  await waitConverged(chain);
  const followedCentral = (await (await chain.hq.api(`/api/v1/chain-orders/${central}`)).json()) as Json;
  expect(followedCentral).toMatchObject({
    deliverTo: "W1",
    orders: [{ storeId: "W1", status: "received", lines: [{ orderedMilli: 20_000, receivedMilli: 20_000 }] }],
    distribution: [
      { storeId: "S1", lines: [{ code: "MILK", qtyMilli: 8_000, transferredMilli: 8_000 }] },
      { storeId: "S2", lines: [{ code: "MILK", qtyMilli: 12_000, transferredMilli: 0 }] },
    ],
  });
}, 240_000);
