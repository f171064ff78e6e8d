/**
 * Route tests of stock documents of every type: receipts with costs and lots, issues,
 * write-offs, adjustments with a supervisor's approval, transfers out and in with discrepancies,
 * stock by location and lot, and bad input refused with a precise error that changes nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, onHandMilli, seedCatalog, session, snapshot, stockMismatches } from "./sales-fixtures.ts";

interface Doc {
  id: string;
  number: number;
  type: string;
  status: string;
  transferStatus: string | null;
  approvedBy: string | null;
  lines: { code: string; qtyMilli: number; differenceMilli: number; expectedMilli: number | null }[];
  error: { code: string };
}

let store: TestStore;
let manager: { token: string };
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  manager = await session(store, "manager", "3333", "BO");
});
afterEach(() => store.close());

const doc = (body: JsonObject) => store.request<Doc>("POST", `${API}/stock/documents`, body, manager.token);

describe("stock documents", () => {
  test("receipts, issues, write-offs and adjustments move stock by location and lot, journalled", async () => {
    const receipt = await doc({
      id: uuidv7(),
      type: "receipt",
      post: true,
      location: "backroom",
      lines: [{ code: "BREAD", qty: 10, unitCostMinor: 100, lot: "L1", expiry: "2026-06-30" }],
    });
    expect([receipt.status, receipt.body.status, receipt.body.number]).toEqual([201, "posted", 1]);
    await doc({
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: [{ code: "BREAD", qty: 10, unitCostMinor: 200 }],
    });
    await doc({ id: uuidv7(), type: "issue", post: true, lines: [{ code: "BREAD", qty: 2 }] });
    await doc({
      id: uuidv7(),
      type: "writeoff",
      reason: "damaged",
      post: true,
      lines: [{ code: "BREAD", qty: 1 }],
    });
    const adj = await doc({
      id: uuidv7(),
      type: "adjustment",
      reason: "found",
      post: true,
      lines: [{ code: "BREAD", qty: -1 }],
    });
    expect(adj.body.approvedBy).not.toBeNull();
    expect(onHandMilli(store, "BREAD")).toBe(16_000);
    const level = await store.request<JsonObject>(
      "GET",
      `${API}/stock?code=BREAD&movements=0`,
      undefined,
      manager.token,
    );
    expect(level.body).toMatchObject({
      onHand: 16,
      reserved: 0,
      available: 16,
      avgCostMinor: 150,
      valueMinor: 2400,
      byLocation: [
        { location: "backroom", onHand: 10 },
        { location: "floor", onHand: 6 },
      ],
      lots: [{ lot: "L1", expiry: "2026-06-30", onHand: 10 }],
    });
    const types = store.ctx.sqlite
      .query<{ type: string }, []>("SELECT type FROM events WHERE type = 'stock.document_posted'")
      .all();
    expect(types.length).toBe(5);
    expect(stockMismatches(store)).toEqual([]);
    const list = await store.request<{ documents: { number: number }[] }>(
      "GET",
      `${API}/stock/documents`,
      undefined,
      manager.token,
    );
    expect(list.body.documents.map((d) => d.number)).toEqual([5, 4, 3, 2, 1]);
    const pdf = await store.request<string>(
      "GET",
      `${API}/stock/documents/${receipt.body.id}.pdf`,
      undefined,
      manager.token,
    );
    expect(pdf.status).toBe(200);
    const txt = await store.request<string>(
      "GET",
      `${API}/stock/documents/${receipt.body.id}.txt`,
      undefined,
      manager.token,
    );
    expect(String(txt.body)).toContain("Goods receipt 1");
  });

  test("a transfer out is in transit until received; the receiving site records discrepancies", async () => {
    await doc({
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: [
        { code: "BREAD", qty: 10, unitCostMinor: 100 },
        { code: "A1", qty: 5, unitCostMinor: 10 },
      ],
    });
    const out = await doc({
      id: uuidv7(),
      type: "transfer_out",
      toStore: "S2",
      post: true,
      lines: [
        { code: "BREAD", qty: 4 },
        { code: "A1", qty: 2 },
      ],
    });
    expect(out.body.transferStatus).toBe("in_transit");
    expect(onHandMilli(store, "BREAD")).toBe(6000);
    const inn = await doc({
      id: uuidv7(),
      type: "transfer_in",
      transferId: out.body.id,
      post: true,
      lines: [{ code: "BREAD", qty: 3 }],
    });
    expect(inn.status).toBe(201);
    expect(inn.body.lines.map((l) => [l.code, l.qtyMilli, l.expectedMilli, l.differenceMilli])).toEqual([
      ["BREAD", 3000, 4000, -1000],
      ["A1", 0, 2000, -2000],
    ]);
    const sent = await store.request<Doc>(
      "GET",
      `${API}/stock/documents/${out.body.id}`,
      undefined,
      manager.token,
    );
    expect(sent.body.transferStatus).toBe("received");
    const again = await doc({
      id: uuidv7(),
      type: "transfer_in",
      transferId: out.body.id,
      lines: [{ code: "BREAD", qty: 1 }],
    });
    expect([again.status, again.body.error.code]).toEqual([409, "TRANSFER_ALREADY_RECEIVED"]);
  });

  test("bad input is refused with a precise error and changes nothing", async () => {
    const posted = await doc({ id: uuidv7(), type: "issue", post: true, lines: [{ code: "BREAD", qty: 1 }] });
    const supervisor = await session(store, "supervisor", "2222");
    const cashier = await session(store, "cashier", "1111");
    void supervisor;
    void cashier;
    const before = snapshot(store);
    const refusals: [JsonObject, number, string][] = [
      [
        { id: uuidv7(), type: "receipt", lines: [{ code: "NOPE", qty: 1, unitCostMinor: 1 }] },
        404,
        "UNKNOWN_CODE",
      ],
      [{ id: uuidv7(), type: "issue", lines: [{ code: "BREAD", qty: -1 }] }, 400, "INVALID_REQUEST"],
      [{ id: uuidv7(), type: "issue", lines: [{ code: "BREAD", qty: 1e9 }] }, 400, "INVALID_REQUEST"],
      [{ id: uuidv7(), type: "receipt", lines: [{ code: "BREAD", qty: 1 }] }, 400, "UNIT_COST_REQUIRED"],
      [
        { id: uuidv7(), type: "receipt", lines: [{ code: "BREAD", qty: 1, unitCostMinor: 999_999_999 }] },
        400,
        "COST_OVER_LIMIT",
      ],
      [
        { id: uuidv7(), type: "transfer_in", transferId: uuidv7(), lines: [{ code: "BREAD", qty: 1 }] },
        404,
        "TRANSFER_NOT_FOUND",
      ],
      [
        { id: uuidv7(), type: "transfer_out", lines: [{ code: "BREAD", qty: 1 }] },
        400,
        "DESTINATION_REQUIRED",
      ],
      [
        { id: uuidv7(), type: "transfer_out", toStore: "S1", lines: [{ code: "BREAD", qty: 1 }] },
        400,
        "TRANSFER_TO_SELF",
      ],
      [
        { id: uuidv7(), type: "writeoff", reason: "lost it", lines: [{ code: "BREAD", qty: 1 }] },
        400,
        "REASON_REQUIRED",
      ],
      [{ id: uuidv7(), type: "adjustment", lines: [{ code: "BREAD", qty: 1 }] }, 400, "REASON_REQUIRED"],
    ];
    for (const [body, status, code] of refusals) {
      const res = await doc(body);
      expect([body.type, res.status, res.body.error?.code]).toEqual([body.type, status, code]);
    }
    const again = await store.request<Doc>(
      "POST",
      `${API}/stock/documents/${posted.body.id}/post`,
      undefined,
      manager.token,
    );
    expect([again.status, again.body.error.code]).toEqual([409, "STOCK_DOCUMENT_POSTED"]);
    expect(snapshot(store)).toEqual(before);
    // A wrong supervisor PIN is refused (and counted towards the lock-out, which is audited).
    const wrongPin = await doc({
      id: uuidv7(),
      type: "adjustment",
      reason: "x",
      approvalPin: "9999",
      lines: [{ code: "BREAD", qty: 1 }],
    });
    expect([wrongPin.status, wrongPin.body.error.code]).toEqual([401, "WRONG_PIN"]);
    expect(store.count("stock_documents")).toBe(before.stock_documents ?? -1);
  });
});
