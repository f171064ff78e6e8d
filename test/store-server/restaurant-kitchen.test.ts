/**
 * A table's round reaches the kitchen: with kitchen stations configured, the round a waiter
 * sends becomes one ticket per station in the same transaction, and a fired course its own
 * "fire" ticket; sending the same round again makes no second ticket.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import type { KitchenTicketsAnswer } from "../../src/api/store/kitchen.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import type { TestStore } from "../support/store-app.ts";
import { restaurantStore } from "./restaurant-support.ts";
import { API } from "./sales-fixtures.ts";

let store: TestStore;
let ann: { token: string; userId: string };

beforeEach(async () => {
  ({ store, ann } = await restaurantStore(
    {
      kitchen: {
        stations: [
          { id: "cold", name: "Cold", categories: ["starters"] },
          { id: "pass", name: "Pass" },
        ],
      },
    },
    [],
  ));
  expect(
    (await store.request("POST", `${API}/categories`, { id: "starters", name: "Starters" })).status,
  ).toBe(200);
  for (const product of [
    { code: "SOUP", name: "Soup of the day", priceMinor: 650, taxClass: null, category: "starters" },
    { code: "STEAK", name: "Steak frites", priceMinor: 1900, taxClass: null },
  ])
    expect((await store.request("POST", `${API}/products`, product)).status).toBe(200);
});
afterEach(() => store.close());

async function tickets(station: string) {
  const res = await store.request<KitchenTicketsAnswer>("GET", `${API}/kitchen/tickets?station=${station}`);
  expect(res.status).toBe(200);
  return res.body.tickets;
}

describe("restaurant rounds to the kitchen", () => {
  test("a round is split into station tickets, a fired course is a ticket of its own, a repeat makes none", async () => {
    const order = await store.request<{ id: string }>(
      "POST",
      `${API}/table-orders`,
      { id: uuidv7(), tableId: "T1", guests: 2 },
      ann.token,
    );
    expect(order.status).toBe(201);
    const orderId = order.body.id;
    const lines = await store.request(
      "POST",
      `${API}/table-orders/${orderId}/lines`,
      {
        lines: [
          { id: "l1", code: "SOUP", seat: 1, course: 1, note: "no croutons" },
          { id: "l2", code: "STEAK", seat: 2, course: 2 },
        ],
      },
      ann.token,
    );
    expect(lines.status).toBe(200);
    const roundId = uuidv7();
    expect(
      (await store.request("POST", `${API}/table-orders/${orderId}/rounds`, { id: roundId }, ann.token))
        .status,
    ).toBe(200);
    expect(
      (await store.request("POST", `${API}/table-orders/${orderId}/rounds`, { id: roundId }, ann.token))
        .status,
    ).toBe(200);

    const cold = await tickets("cold");
    expect(cold).toHaveLength(1);
    expect(cold[0]?.tableLabel).toBe("1");
    expect(cold[0]?.lines).toEqual([
      {
        lineId: "l1",
        name: "Soup of the day",
        quantityMilli: 1000,
        categoryId: "starters",
        modifiers: [],
        notes: "no croutons",
        seat: 1,
      },
    ]);
    const pass = await tickets("pass");
    expect(pass.map((t) => t.lines.map((l) => l.name))).toEqual([["Steak frites"]]);

    const fired = await store.request(
      "POST",
      `${API}/table-orders/${orderId}/fire`,
      { id: uuidv7(), course: 2 },
      ann.token,
    );
    expect(fired.status).toBe(200);
    const afterFire = await tickets("pass");
    expect(afterFire).toHaveLength(2);
    expect(afterFire[1]?.course).toBe("fire 2");
    expect(afterFire[1]?.lines.map((l) => l.name)).toEqual(["Steak frites"]);
    expect(await tickets("cold")).toHaveLength(1);
  });
});

describe("the round's status back to the waiter", () => {
  test("the order answers each round's kitchen status: sent, in progress once started, done once every ticket is bumped", async () => {
    const id = uuidv7();
    await store.request("POST", `${API}/table-orders`, { id, tableId: "T1", guests: 2 }, ann.token);
    await store.request(
      "POST",
      `${API}/table-orders/${id}/lines`,
      {
        lines: [
          { id: "l1", code: "SOUP" },
          { id: "l2", code: "STEAK", course: 2 },
        ],
      },
      ann.token,
    );
    const roundId = uuidv7();
    await store.request("POST", `${API}/table-orders/${id}/rounds`, { id: roundId }, ann.token);
    type Rounds = { rounds: { id: string; kind: string; status: string }[] };
    const rounds = async () =>
      (await store.request<Rounds>("GET", `${API}/table-orders/${id}`, undefined, ann.token)).body.rounds;
    expect(await rounds()).toMatchObject([{ id: roundId, kind: "round", status: "sent" }]);
    const [cold] = await tickets("cold");
    const [pass] = await tickets("pass");
    expect((await store.request("POST", `${API}/kitchen/tickets/${cold?.id}/bump`, {})).status).toBe(200);
    expect(await rounds()).toMatchObject([{ status: "in_progress" }]);
    expect((await store.request("POST", `${API}/kitchen/tickets/${pass?.id}/bump`, {})).status).toBe(200);
    expect(await rounds()).toMatchObject([{ id: roundId, status: "done" }]);
  });
});
