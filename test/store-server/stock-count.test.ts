/**
 * Route tests of stock counts: a count sets on-hand stock to the counted quantity (the movement
 * is the difference), the count document is kept with who counted, when, and each line's
 * counted, system and difference quantities, and the change is journalled like adjustments.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, onHandMilli, seedCatalog, session, snapshot, stockMismatches } from "./sales-fixtures.ts";

interface ErrorBody {
  error: { code: string; message: string };
}
interface CountLine {
  code: string;
  countedMilli: number;
  systemMilli: number;
  differenceMilli: number;
  movementId: number | null;
}
interface CountDocument {
  id: string;
  number: number;
  type: string;
  status: "draft" | "posted";
  userId: string | null;
  createdAt: string;
  postedAt: string | null;
  lines: CountLine[];
}

let store: TestStore;
let manager: { token: string; cashierId?: string };
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  manager = await session(store, "manager", "3333", "BO");
});
afterEach(() => store.close());

function adjust(body: JsonObject, token = manager.token) {
  return store.request<JsonObject & ErrorBody>("POST", `${API}/stock/adjustments`, body, token);
}

function document(body: JsonObject, token = manager.token) {
  return store.request<CountDocument & ErrorBody>("POST", `${API}/stock/documents`, body, token);
}

function lastEvent(): { type: string; payload: JsonObject } {
  const row = store.ctx.sqlite
    .query<{ type: string; payload: string }, []>(
      "SELECT type, payload FROM events ORDER BY seq DESC LIMIT 1",
    )
    .get();
  return { type: row?.type ?? "", payload: JSON.parse(row?.payload ?? "{}") as JsonObject };
}

describe("stock counts", () => {
  test("counting 20 of a product the system holds at 22 leaves 20, not 42", async () => {
    expect((await adjust({ code: "BREAD", qty: 22, reason: "delivery", kind: "receive" })).status).toBe(201);
    const counted = await adjust({ code: "BREAD", qty: 20, reason: "shelf count", kind: "count" });
    expect(counted.status).toBe(201);
    expect(counted.body).toMatchObject({
      code: "BREAD",
      onHandMilli: 20_000,
      deltaMilli: -2000,
      kind: "count",
    });
    expect(onHandMilli(store, "BREAD")).toBe(20_000);
    expect(lastEvent()).toMatchObject({
      type: "stock.adjusted",
      payload: { code: "BREAD", deltaMilli: -2000, onHandMilli: 20_000, kind: "count" },
    });
    expect(stockMismatches(store)).toEqual([]);
  });

  test("a posted count document sets stock and is kept with who counted, when and each difference", async () => {
    await adjust({ code: "BREAD", qty: 22, reason: "delivery", kind: "receive" });
    await adjust({ code: "BAN", qty: "3.5", reason: "delivery", kind: "receive" });
    store.clock.set("2026-03-02T18:30:00Z");
    const id = uuidv7();
    const res = await document({
      id,
      type: "count",
      post: true,
      reason: "monthly count",
      lines: [
        { code: "BREAD", qty: 20 },
        { code: "BAN", qty: "3.5" },
        { code: "MILK", qty: 4 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id,
      number: 1,
      type: "count",
      status: "posted",
      createdAt: "2026-03-02T18:30:00.000Z",
      postedAt: "2026-03-02T18:30:00.000Z",
    });
    expect(res.body.userId).toBeString();
    expect(res.body.lines.map((l) => [l.code, l.countedMilli, l.systemMilli, l.differenceMilli])).toEqual([
      ["BREAD", 20_000, 22_000, -2000],
      ["BAN", 3500, 3500, 0],
      ["MILK", 4000, 0, 4000],
    ]);
    expect(res.body.lines[1]?.movementId).toBeNull();
    expect([onHandMilli(store, "BREAD"), onHandMilli(store, "BAN"), onHandMilli(store, "MILK")]).toEqual([
      20_000, 3500, 4000,
    ]);

    // Sales after the count move stock; the document keeps what was counted and found.
    await adjust({ code: "BREAD", qty: -5, reason: "damaged", kind: "damage" });
    const kept = await store.request<CountDocument>("GET", `${API}/stock/documents/${id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.lines[0]).toMatchObject({
      countedMilli: 20_000,
      systemMilli: 22_000,
      differenceMilli: -2000,
    });

    const audit = await store.request<{ entries: { action: string; refId: string }[] }>(
      "GET",
      `${API}/audit?action=stock.counted`,
    );
    expect(audit.body.entries.map((e) => e.refId)).toEqual([id]);
    expect(stockMismatches(store)).toEqual([]);
  });

  test("a draft changes nothing until it is posted; a repeat of its id records nothing new", async () => {
    await adjust({ code: "BREAD", qty: 10, reason: "delivery", kind: "receive" });
    const body = { id: uuidv7(), type: "count", lines: [{ code: "BREAD", qty: 7 }] };
    const draft = await document(body);
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe("draft");
    expect(draft.body.lines[0]).toMatchObject({
      systemMilli: 10_000,
      differenceMilli: -3000,
      movementId: null,
    });
    expect(onHandMilli(store, "BREAD")).toBe(10_000);

    const before = snapshot(store);
    const again = await document(body);
    expect(again.status).toBe(200);
    expect(again.body.number).toBe(draft.body.number);
    expect(snapshot(store)).toEqual(before);

    const posted = await store.request<CountDocument>("POST", `${API}/stock/documents/${body.id}/post`);
    expect(posted.status).toBe(200);
    expect(posted.body.status).toBe("posted");
    expect(onHandMilli(store, "BREAD")).toBe(7000);
    const afterPost = snapshot(store);
    const repost = await store.request<ErrorBody>("POST", `${API}/stock/documents/${body.id}/post`);
    expect([repost.status, repost.body.error.code]).toEqual([409, "STOCK_DOCUMENT_POSTED"]);
    expect(snapshot(store)).toEqual(afterPost);
    expect(onHandMilli(store, "BREAD")).toBe(7000);

    const reused = await document({ ...body, lines: [{ code: "BREAD", qty: 8 }] });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("STOCK_DOCUMENT_ID_REUSED");
  });

  test("counts need a manager and a valid count", async () => {
    const cashier = await session(store, "cashier", "1111");
    const before = snapshot(store);
    const refusals: [JsonObject, number, string, string?][] = [
      [
        { id: uuidv7(), type: "count", post: true, lines: [{ code: "BREAD", qty: 1 }] },
        403,
        "PERMISSION_DENIED",
        cashier.token,
      ],
      [{ id: uuidv7(), type: "count", lines: [{ code: "BREAD", qty: -1 }] }, 400, "INVALID_REQUEST"],
      [{ id: uuidv7(), type: "count", lines: [{ code: "BREAD", qty: 1.5 }] }, 400, "FRACTIONAL_QUANTITY"],
      [{ id: uuidv7(), type: "count", lines: [{ code: "NOPE", qty: 1 }] }, 404, "UNKNOWN_CODE"],
      [{ id: uuidv7(), type: "count", lines: [] }, 400, "INVALID_REQUEST"],
      [
        {
          id: uuidv7(),
          type: "count",
          lines: [
            { code: "BREAD", qty: 1 },
            { code: "BREAD", qty: 2 },
          ],
        },
        400,
        "DUPLICATE_LINE",
      ],
      [{ id: uuidv7(), type: "transfer_in", lines: [{ code: "BREAD", qty: 1 }] }, 400, "TRANSFER_REQUIRED"],
    ];
    for (const [body, status, code, token] of refusals) {
      const res = await document(body, token ?? manager.token);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    const negative = await adjust({ code: "BREAD", qty: -2, reason: "count", kind: "count" });
    expect(negative.status).toBe(400);
    expect(snapshot(store)).toEqual(before);
    const missing = await store.request<ErrorBody>("GET", `${API}/stock/documents/${uuidv7()}`);
    expect(missing.status).toBe(404);

    // Counting zero empties the shelf.
    await adjust({ code: "BREAD", qty: 3, reason: "delivery", kind: "receive" });
    const zero = await adjust({ code: "BREAD", qty: 0, reason: "shelf empty", kind: "count" });
    expect(zero.status).toBe(201);
    expect(onHandMilli(store, "BREAD")).toBe(0);
  });
});
