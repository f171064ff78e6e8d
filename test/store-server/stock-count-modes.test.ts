/**
 * Full, partial and cycle counts: a full count sets every product of its location (or of the
 * department or category given) that is not on the count to zero; partial and cycle counts touch
 * only the lines counted; sales made between the count's time (`countedAt`) and its posting are
 * reconciled by that time; bad counts are refused and change nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import {
  API,
  onHandMilli,
  recordPaidSale,
  seedCatalog,
  session,
  snapshot,
  stockMismatches,
} from "./sales-fixtures.ts";

interface Doc {
  id: string;
  status: string;
  mode: string | null;
  countedAt: string | null;
  lines: { code: string; countedMilli: number; systemMilli: number; differenceMilli: number }[];
  error: { code: string; message: string };
}

let store: TestStore;
let manager: { token: string };
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  manager = await session(store, "manager", "3333", "BO");
  await store.request("POST", `${API}/categories`, { id: "BAKERY", name: "Bakery" });
  await store.request("POST", `${API}/products`, { code: "BREAD", category: "BAKERY" });
  await store.request("POST", `${API}/products`, {
    code: "ROLL",
    name: "Roll",
    priceMinor: 50,
    category: "BAKERY",
  });
});
afterEach(() => store.close());

const doc = (body: JsonObject) =>
  store.request<Doc>("POST", `${API}/stock/documents`, { id: uuidv7(), ...body }, manager.token);
const postDraft = (id: string) =>
  store.request<Doc>("POST", `${API}/stock/documents/${id}/post`, undefined, manager.token);
const receive = async (lines: [string, number][], location = "floor") => {
  const res = await doc({
    type: "receipt",
    post: true,
    location,
    lines: lines.map(([code, qty]) => ({ code, qty, unitCostMinor: 10 })),
  });
  expect(res.status).toBe(201);
};
const atLocation = (code: string, location: string) =>
  store.ctx.sqlite
    .query<{ n: number | null }, [string, string]>(
      "SELECT sum(qty_milli) AS n FROM stock_movements WHERE product_code = ? AND location = ?",
    )
    .get(code, location)?.n ?? 0;

describe("count modes", () => {
  test("a full count sets what it does not list at its location to zero; a partial one leaves it", async () => {
    await receive([
      ["BREAD", 5],
      ["MILK", 4],
      ["A1", 3],
    ]);
    await receive([["MILK", 7]], "backroom");
    const partial = await doc({
      type: "count",
      mode: "partial",
      post: true,
      lines: [{ code: "BREAD", qty: 4 }],
    });
    expect([partial.status, partial.body.mode]).toEqual([201, "partial"]);
    expect([onHandMilli(store, "BREAD"), atLocation("MILK", "floor"), atLocation("A1", "floor")]).toEqual([
      4000, 4000, 3000,
    ]);
    const cycle = await doc({ type: "count", mode: "cycle", post: true, lines: [{ code: "A1", qty: 2 }] });
    expect([cycle.status, cycle.body.mode, atLocation("A1", "floor"), atLocation("MILK", "floor")]).toEqual([
      201,
      "cycle",
      2000,
      4000,
    ]);

    const full = await doc({ type: "count", mode: "full", post: true, lines: [{ code: "BREAD", qty: 3 }] });
    expect(full.status).toBe(201);
    // MILK and A1 were on the floor and not counted: zero lines were added; the back room is untouched.
    expect(full.body.lines.map((l) => [l.code, l.countedMilli, l.systemMilli, l.differenceMilli])).toEqual([
      ["BREAD", 3000, 4000, -1000],
      ["A1", 0, 2000, -2000],
      ["MILK", 0, 4000, -4000],
    ]);
    expect([atLocation("MILK", "floor"), atLocation("MILK", "backroom"), atLocation("A1", "floor")]).toEqual([
      0, 7000, 0,
    ]);
    expect(stockMismatches(store)).toEqual([]);
  });

  test("a full count of a category zeroes only that category's products", async () => {
    await receive([
      ["BREAD", 5],
      ["ROLL", 6],
      ["MILK", 4],
    ]);
    const full = await doc({
      type: "count",
      mode: "full",
      category: "BAKERY",
      post: true,
      lines: [{ code: "BREAD", qty: 5 }],
    });
    expect(full.status).toBe(201);
    expect(full.body.lines.map((l) => [l.code, l.countedMilli])).toEqual([
      ["BREAD", 5000],
      ["ROLL", 0],
    ]);
    expect([onHandMilli(store, "ROLL"), onHandMilli(store, "MILK")]).toEqual([0, 4000]);
  });

  test("sales made between the count's time and its posting are reconciled by that time", async () => {
    await receive([["MILK", 10]]);
    store.clock.set("2026-03-02T16:00:00Z");
    // Counted 9 on the shelf at 16:00 (one was missing); kept as a draft.
    const draft = await doc({ type: "count", lines: [{ code: "MILK", qty: 9 }] });
    expect([draft.status, draft.body.countedAt]).toEqual([201, "2026-03-02T16:00:00.000Z"]);
    store.clock.set("2026-03-02T16:30:00Z");
    await recordPaidSale(store, [{ code: "MILK", qty: 2 }]);
    store.clock.set("2026-03-02T17:00:00Z");
    const posted = await postDraft(draft.body.id);
    expect(posted.status).toBe(200);
    // 9 on the shelf at 16:00, 2 sold since: 7 now, and the difference is the one missing.
    expect(onHandMilli(store, "MILK")).toBe(7000);
    expect(posted.body.lines[0]).toMatchObject({
      countedMilli: 9000,
      systemMilli: 10_000,
      differenceMilli: -1000,
    });
    // A count's time may be given, but not in the future.
    const given = await doc({
      type: "count",
      countedAt: "2026-03-02T16:45:00Z",
      post: true,
      lines: [{ code: "MILK", qty: 7 }],
    });
    expect([given.status, given.body.countedAt]).toEqual([201, "2026-03-02T16:45:00.000Z"]);
    expect(onHandMilli(store, "MILK")).toBe(7000);
  });

  test("bad counts are refused precisely and change nothing", async () => {
    await receive([["MILK", 10]]);
    const posted = await doc({ type: "count", post: true, lines: [{ code: "MILK", qty: 9 }] });
    const before = snapshot(store);
    const cases: [JsonObject, number, string][] = [
      [{ type: "count", mode: "sometimes", lines: [{ code: "MILK", qty: 1 }] }, 400, "INVALID_REQUEST"],
      [
        { type: "receipt", mode: "full", lines: [{ code: "MILK", qty: 1, unitCostMinor: 1 }] },
        400,
        "INVALID_REQUEST",
      ],
      [
        { type: "count", mode: "partial", category: "BAKERY", lines: [{ code: "MILK", qty: 1 }] },
        400,
        "INVALID_REQUEST",
      ],
      [
        { type: "count", mode: "full", category: "NOPE", lines: [{ code: "MILK", qty: 1 }] },
        400,
        "UNKNOWN_CATEGORY",
      ],
      [
        { type: "count", mode: "full", department: "NOPE", lines: [{ code: "MILK", qty: 1 }] },
        400,
        "UNKNOWN_DEPARTMENT",
      ],
      [
        { type: "count", countedAt: "2026-03-03T00:00:00Z", lines: [{ code: "MILK", qty: 1 }] },
        400,
        "COUNTED_AT_IN_FUTURE",
      ],
      [{ type: "count", countedAt: "yesterday", lines: [{ code: "MILK", qty: 1 }] }, 400, "INVALID_REQUEST"],
    ];
    for (const [body, status, code] of cases) {
      const res = await doc(body);
      expect([JSON.stringify(body), res.status, res.body.error?.code]).toEqual([
        JSON.stringify(body),
        status,
        code,
      ]);
    }
    // A count on a posted count: posting it again, or the same id with other lines.
    const again = await postDraft(posted.body.id);
    expect([again.status, again.body.error.code]).toEqual([409, "STOCK_DOCUMENT_POSTED"]);
    const reused = await store.request<Doc>(
      "POST",
      `${API}/stock/documents`,
      { id: posted.body.id, type: "count", post: true, lines: [{ code: "MILK", qty: 3 }] },
      manager.token,
    );
    expect([reused.status, reused.body.error.code]).toEqual([409, "STOCK_DOCUMENT_ID_REUSED"]);
    expect(snapshot(store)).toEqual(before);
  });
});
