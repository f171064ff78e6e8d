/**
 * Serial numbers and lots on sales: recorded on the sale line as rung; a serial sold twice is
 * kept (the sale happened) with a `serial` exception for the store to look into.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { JsonObject, TestStore } from "../support/store-app.ts";
import { API, storeWithTillSession } from "./sales-fixtures.ts";

let store: TestStore;
let token: string;
beforeEach(async () => {
  ({ store, token } = await storeWithTillSession());
});
afterEach(() => store.close());

async function sellAsRung(label: JsonObject): Promise<{ status: number; id: string; body: JsonObject }> {
  const quote = await store.request<JsonObject & { lines: JsonObject[]; cashDueMinor: number }>(
    "POST",
    `${API}/baskets/quote`,
    { lines: [{ code: "BREAD" }] },
  );
  const id = uuidv7();
  const doc = {
    ...quote.body,
    lines: quote.body.lines.map((l) => ({ ...l, ...label })),
    asRung: true,
    id,
    at: "2026-03-02T14:59:00.000Z",
    tenders: [{ type: "cash", amountMinor: quote.body.cashDueMinor }],
  };
  const res = await store.request<JsonObject>("POST", `${API}/sales`, doc, token);
  return { status: res.status, id, body: res.body };
}

function saleLine(id: string): unknown {
  return store.ctx.sqlite.query("SELECT lot, expiry, serial FROM sale_lines WHERE sale_id = ?").get(id);
}

function exceptionKinds(): string[] {
  const rows = store.ctx.sqlite.query("SELECT kind FROM price_exceptions").all() as { kind: string }[];
  return rows.map((r) => r.kind);
}

describe("serials and lots on sales", () => {
  test("a sale line as rung keeps its lot, expiry and serial", async () => {
    const sold = await sellAsRung({ lot: "L42", expiry: "2027-12-31", serial: "SN-1" });
    expect(sold.status).toBe(201);
    expect(saleLine(sold.id)).toEqual({ lot: "L42", expiry: "2027-12-31", serial: "SN-1" });
    expect(exceptionKinds()).toEqual([]);
    const copy = await store.request<{ text: string }>(
      "GET",
      `${API}/sales/${sold.id}/receipt?format=json&columns=32`,
      undefined,
      token,
    );
    expect(copy.body.text).toContain("  S/N SN-1\n  Lot L42 exp 2027-12-31\n");
  });

  test("a serial sold twice: the second sale is recorded as rung, with a serial exception", async () => {
    expect((await sellAsRung({ serial: "SN-7" })).status).toBe(201);
    const again = await sellAsRung({ serial: "SN-7" });
    expect(again.status).toBe(201);
    expect(exceptionKinds()).toEqual(["serial"]);
  });

  test("a malformed serial is refused before anything is recorded", async () => {
    const bad = await sellAsRung({ serial: "has space" });
    expect(bad.status).toBe(400);
    expect(store.ctx.sqlite.query("SELECT count(*) AS n FROM sales").get()).toEqual({ n: 0 });
  });

  test("a sale the store prices itself with a serial already sold is refused: SERIAL_SOLD, nothing recorded", async () => {
    const sell = () =>
      store.request<{ error?: { code: string } }>(
        "POST",
        `${API}/sales`,
        {
          id: uuidv7(),
          lines: [{ code: "BREAD", serial: "SN-42" }],
          tenders: [{ type: "cash", amountMinor: 1000 }],
        },
        token,
      );
    const first = await sell();
    expect(first.status).toBe(201);
    expect(store.ctx.sqlite.query("SELECT serial FROM sale_lines").all()).toEqual([{ serial: "SN-42" }]);
    const again = await sell();
    expect([again.status, again.body.error?.code]).toEqual([409, "SERIAL_SOLD"]);
    expect(store.ctx.sqlite.query("SELECT count(*) AS n FROM sales").get()).toEqual({ n: 1 });
  });
});
