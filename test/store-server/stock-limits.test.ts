/**
 * Minimum and maximum stock per product and location: set by a manager (audited, journalled),
 * listed below their minimum location by location, and bad input refused changing nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, journalTypes, seedCatalog, session, snapshot } from "./sales-fixtures.ts";

interface Row {
  code: string;
  location: string | null;
  onHand: number;
  min: number;
  max: number | null;
  toOrder: number;
}

let store: TestStore;
let manager: { token: string };
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  manager = await session(store, "manager", "3333", "BO");
});
afterEach(() => store.close());

const setLimit = (body: JsonObject, token = manager.token) =>
  store.request<JsonObject & { error: { code: string; message: string } }>(
    "POST",
    `${API}/stock/limits`,
    body,
    token,
  );
const below = async (query = "") => {
  const res = await store.request<{ products: Row[] }>(
    "GET",
    `${API}/stock/below-minimum${query}`,
    undefined,
    manager.token,
  );
  expect(res.status).toBe(200);
  return res.body.products.map((p) => [p.code, p.location, p.onHand, p.min, p.max, p.toOrder]);
};
const receive = (code: string, qty: number, location: string) =>
  store.request(
    "POST",
    `${API}/stock/documents`,
    { id: uuidv7(), type: "receipt", post: true, location, lines: [{ code, qty, unitCostMinor: 10 }] },
    manager.token,
  );

describe("minimum and maximum stock per location", () => {
  test("each location is listed below its own minimum, with what to order to reach its maximum", async () => {
    await post("/products", { code: "MILK", name: "Milk 1l", priceMinor: 349, minStock: 100 });
    expect((await setLimit({ code: "MILK", location: "floor", min: 6, max: 12 })).status).toBe(200);
    expect((await setLimit({ code: "MILK", location: "backroom", min: 24, max: 48 })).status).toBe(200);
    expect((await setLimit({ code: "BREAD", location: "floor", min: 2, max: null })).status).toBe(200);
    await receive("MILK", 10, "floor");
    await receive("MILK", 20, "backroom");
    await receive("BREAD", 1, "floor");
    // MILK's own locations replace its store-wide catalog minimum (100) at this store.
    expect(await below()).toEqual([
      ["BREAD", "floor", 1, 2, null, 1],
      ["MILK", "backroom", 20, 24, 48, 28],
    ]);
    expect(await below("?location=floor")).toEqual([["BREAD", "floor", 1, 2, null, 1]]);
    // A product with only a catalog minimum is listed for the whole store (location null).
    await post("/products", { code: "A1", minStock: 3 });
    expect((await below()).find((r) => r[0] === "A1")).toEqual(["A1", null, 0, 3, null, 3]);
    // Clearing a location's limits takes it off the list; the change is audited and journalled.
    expect((await setLimit({ code: "MILK", location: "backroom", min: null, max: null })).status).toBe(200);
    expect((await below()).map((r) => r[0])).toEqual(["A1", "BREAD"]);
    expect(journalTypes(store).filter((t) => t === "stock.limits_changed")).toHaveLength(4);
    const audits = store.ctx.sqlite
      .query<{ n: number }, []>("SELECT count(*) AS n FROM audit WHERE action = 'stock.limits_changed'")
      .get();
    expect(audits?.n).toBe(4);
    const list = await store.request<{ limits: { code: string; location: string }[] }>(
      "GET",
      `${API}/stock/limits?code=MILK`,
      undefined,
      manager.token,
    );
    expect(list.body.limits.map((l) => [l.code, l.location])).toEqual([["MILK", "floor"]]);
  });

  test("bad limits are refused precisely and change nothing", async () => {
    const cashier = await session(store, "cashier", "1111");
    const before = snapshot(store);
    const cases: [JsonObject, number, string][] = [
      [{ code: "NOPE", location: "floor", min: 1, max: 2 }, 404, "UNKNOWN_CODE"],
      [{ code: "MILK", location: "floor", min: 5, max: 4 }, 400, "INVALID_STOCK_LIMITS"],
      [{ code: "MILK", location: "floor", min: -1, max: 4 }, 400, "INVALID_REQUEST"],
      [{ code: "MILK", location: "floor", min: 1_000_000, max: null }, 400, "INVALID_REQUEST"],
      [{ code: "MILK", location: "", min: 1, max: 2 }, 400, "INVALID_REQUEST"],
      [{ code: "MILK", location: "floor", min: null, max: 4 }, 400, "INVALID_REQUEST"],
      [{ code: "BREAD", location: "floor", min: 1.5, max: null }, 400, "FRACTIONAL_QUANTITY"],
    ];
    for (const [body, status, code] of cases) {
      const res = await setLimit(body);
      expect([JSON.stringify(body), res.status, res.body.error?.code]).toEqual([
        JSON.stringify(body),
        status,
        code,
      ]);
    }
    expect((await setLimit({ code: "MILK", location: "floor", min: 1, max: 2 }, cashier.token)).status).toBe(
      403,
    );
    const after = snapshot(store);
    expect(after.events).toBe(before.events);
    expect(store.count("stock_limits")).toBe(0);
  });
});

function post(path: string, body: JsonObject) {
  return store.request("POST", `${API}${path}`, body);
}
