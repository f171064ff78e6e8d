/**
 * A till's prize-draw code arrives with its sale as rung: the sale's own code is recorded once
 * (a repeat of the sale changes nothing); a code that is not the sale's is refused and nothing
 * is recorded.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { prizeCodes } from "../../schema/store.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { prizeCodeOf } from "../../src/core/messages/index.ts";
import type { JsonObject, TestStore } from "../support/store-app.ts";
import { API, storeWithTillSession } from "./sales-fixtures.ts";

let store: TestStore;
let token: string;
beforeEach(async () => {
  ({ store, token } = await storeWithTillSession());
});
afterEach(() => store.close());

async function rung(id: string, prizeCode: string) {
  const quote = await store.request<JsonObject & { cashDueMinor: number }>("POST", `${API}/baskets/quote`, {
    lines: [{ code: "BREAD" }],
  });
  const doc = {
    ...quote.body,
    asRung: true,
    id,
    at: "2026-03-02T14:59:00.000Z",
    prizeCode,
    tenders: [{ type: "cash", amountMinor: quote.body.cashDueMinor }],
  };
  return store.request<JsonObject & { error?: { code: string } }>("POST", `${API}/sales`, doc, token);
}

test("the sale's own prize-draw code is recorded once", async () => {
  const id = uuidv7();
  expect((await rung(id, prizeCodeOf(id))).status).toBe(201);
  expect((await rung(id, prizeCodeOf(id))).status).toBe(200);
  expect(store.ctx.db.select().from(prizeCodes).all()).toEqual([
    { code: prizeCodeOf(id), saleId: id, at: "2026-03-02T14:59:00.000Z" },
  ]);
});

test("another sale's code is refused and nothing is recorded", async () => {
  const id = uuidv7();
  const refused = await rung(id, prizeCodeOf(uuidv7()));
  expect(refused.status).toBe(400);
  expect(refused.body.error?.code).toBe("PRIZE_CODE_INVALID");
  expect((await store.request("GET", `${API}/sales/${id}`)).status).toBe(404);
  expect(store.ctx.db.select().from(prizeCodes).all()).toEqual([]);
});
