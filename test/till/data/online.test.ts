/**
 * What only the store can do, through the till's session against a real store process: held
 * sales, finding a sale by id or receipt number, returns, the drawer, X report and shift close;
 * and the clear refusal each gives while the store is unreachable.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../../src/core/ids.ts";
import type { TillDataServices } from "../../../src/till/data/index.ts";
import { domainErrorOf } from "../../core/expect-code.ts";
import {
  CASHIER_PIN,
  cashSale,
  SUPERVISOR_PIN,
  TILL_ID,
  type TillFixture,
  tillFixture,
  waitFor,
} from "./support/till-fixture.ts";

async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (err) {
    const e = domainErrorOf(() => {
      throw err;
    });
    return { code: e.code, message: e.message };
  }
  throw new Error("expected a refusal, but it succeeded");
}

/** While false, the till's POST /sales requests do not get through (the rest of the network does). */
let salesGetThrough = true;
const gatedFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!salesGetThrough && init?.method === "POST" && url.endsWith("/api/v1/sales")) {
    throw Object.assign(new TypeError("Unable to connect"), { code: "ECONNREFUSED" });
  }
  return fetch(input, init);
}) as typeof fetch;

describe("till online-only operations", () => {
  let f: TillFixture;
  let till: TillDataServices;

  beforeAll(async () => {
    f = await tillFixture({
      products: [
        { code: "APPLE", name: "Apple", priceMinor: 100, taxClass: "1" },
        { code: "4011", name: "Bananas", priceMinor: 69, soldByWeight: true },
      ],
      fetch: gatedFetch,
    });
    till = await f.openTill();
    await till.login(CASHIER_PIN);
    await till.syncNow();
  });
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
  });

  test("hold, list and resume a sale: the sale discount, prices and audit come back", async () => {
    const id = uuidv7();
    const audit = [
      {
        action: "price.overridden" as const,
        at: "2026-11-23T12:00:00.000Z",
        userId: f.cashierId,
        approvedBy: "u-sue",
        detail: { code: "APPLE", fromMinor: 50, toMinor: 40 },
      },
      {
        action: "discount.given" as const,
        at: "2026-11-23T12:00:01.000Z",
        userId: f.cashierId,
        approvedBy: null,
        detail: { percent: "10" },
      },
    ];
    await till.holdSale({
      id,
      label: "blue coat",
      cashierId: f.cashierId,
      lines: [
        {
          code: "APPLE",
          qtyMilli: 3000,
          unitPriceMinor: 40,
          priceSource: "override",
          discount: { percent: "10" },
        },
        { code: "4011", qtyMilli: 455 },
        { code: "APPLE", qtyMilli: 1000, lot: "L42", expiry: "2027-12-31", serial: "SN-7" },
      ],
      discount: { percent: "10" },
      audit,
    });
    const held = await till.listHeld();
    expect(held.find((h) => h.id === id)).toMatchObject({
      label: "blue coat",
      tillId: TILL_ID,
      lines: 3,
      cashierName: expect.any(String),
      basket: [
        { code: "APPLE", qtyMilli: 3000, discount: { percent: "10" } },
        { code: "4011", qtyMilli: 455 },
        { code: "APPLE", qtyMilli: 1000, lot: "L42", expiry: "2027-12-31", serial: "SN-7" },
      ],
    });
    expect(await till.resumeHeld(id)).toEqual({
      lines: [
        {
          code: "APPLE",
          qtyMilli: 3000,
          unitPriceMinor: 40,
          priceSource: "override",
          discount: { percent: "10" },
        },
        { code: "4011", qtyMilli: 455 },
        { code: "APPLE", qtyMilli: 1000, lot: "L42", expiry: "2027-12-31", serial: "SN-7" },
      ],
      discount: { percent: "10" },
      audit,
      cashierId: f.cashierId,
    });
    expect((await refusal(() => till.resumeHeld(id))).code).toBe("HELD_SALE_NOT_FOUND");
  });

  test("find a sale by id and by receipt number, return part of it, and see what was returned", async () => {
    const sale = cashSale(
      till,
      f.cashierId,
      [
        { code: "APPLE", qtyMilli: 2000 },
        { code: "4011", qtyMilli: 1500 },
      ],
      1000,
    );
    await till.completeSale(sale);
    await waitFor("the sale to reach the store", () => till.status().pending === 0);

    const byId = await till.findSale(sale.id);
    expect(byId).toMatchObject({ id: sale.id, receiptNo: sale.receiptNo });
    expect(byId.lines.map((l) => [l.lineNo, l.code, l.qtyMilli, l.returnedMilli])).toEqual([
      [1, "APPLE", 2000, 0],
      [2, "4011", 1500, 0],
    ]);
    expect(byId.lines[0]?.taxMinor).toBeGreaterThan(0);
    const unpadded = sale.receiptNo.replace(/-0+(\d)/, "-$1");
    expect((await till.findSale(unpadded)).id).toBe(sale.id);

    const refund = await till.recordReturn({
      id: uuidv7(),
      originalSaleId: sale.id,
      lines: [{ code: "APPLE", qtyMilli: 1000 }],
      // Half of the line: 100 and half of its 8.875 % tax (18 → 9).
      tenders: [{ type: "cash", amountMinor: 109 }],
      approvalPin: SUPERVISOR_PIN,
    });
    expect(refund).toEqual({ receiptNo: expect.stringMatching(/^S1-T1-R\d{6}$/), totalMinor: 109 });
    const after = await till.findSale(sale.receiptNo);
    expect(after.lines[0]?.returnedMilli).toBe(1000);
  });

  test("a sale rung at another till is found by its receipt number; one nobody issued is not", async () => {
    const res = await f.store.api("/api/v1/sales", {
      method: "POST",
      body: JSON.stringify({
        id: uuidv7(),
        tillId: "T2",
        lines: [{ code: "APPLE", qty: 1 }],
        tenders: [{ type: "card", amountMinor: 109 }],
      }),
    });
    const other = (await res.json()) as { id: string; receiptNo: string };
    expect(res.status).toBe(201);
    expect((await till.findSale(other.receiptNo)).id).toBe(other.id);
    const missing = await refusal(() => till.findSale("S1-T1-999999"));
    expect(missing.code).toBe("SALE_NOT_FOUND");
  });

  test("the drawer opens for a sale; a no-sale needs a supervisor", async () => {
    await till.openDrawer("sale");
    expect((await refusal(() => till.openDrawer("noSale"))).code).toBe("APPROVAL_REQUIRED");
    await till.openDrawer("noSale", SUPERVISOR_PIN);
  });

  test("X report and shift close need an open shift", async () => {
    expect((await refusal(() => till.xReport())).code).toBe("NO_OPEN_SHIFT");
    const opened = await f.store.api("/api/v1/shifts", {
      method: "POST",
      body: JSON.stringify({ tillId: TILL_ID, floatMinor: 10_000 }),
    });
    expect(opened.status).toBe(201);
    expect(await till.xReport()).toMatchObject({ kind: "X", tillId: TILL_ID });
    expect(await till.closeShift({ cash: 10_000 })).toMatchObject({ kind: "Z", tillId: TILL_ID });
  });

  test("the till opens its shift, moves cash with a reason and closes it at the store", async () => {
    expect(await till.currentShift()).toBeNull();
    const opened = await till.openShift(15_010);
    expect(opened.floatMinor).toBe(15_010);
    expect(await till.currentShift()).toMatchObject({ id: opened.id, floatMinor: 15_010 });
    expect((await refusal(() => till.openShift(1))).code).toBe("SHIFT_ALREADY_OPEN");
    expect(await till.moveCash({ direction: "in", amountMinor: 2_000, reason: "change" })).toEqual({
      expectedCashMinor: 17_010,
    });
    expect(await till.moveCash({ direction: "out", amountMinor: 10, reason: "safe" })).toEqual({
      expectedCashMinor: 17_000,
    });
    expect(await till.closeShift({ cash: 17_000 })).toMatchObject({ kind: "Z", overShortMinor: 0 });
    expect(await till.currentShift()).toBeNull();
  });

  test("with the store unreachable each says so at once and nothing is queued", async () => {
    await f.store.stop();
    const attempts: [string, () => Promise<unknown>][] = [
      [
        "holding a sale",
        () =>
          till.holdSale({
            audit: [],
            id: uuidv7(),
            label: null,
            cashierId: f.cashierId,
            lines: [{ code: "APPLE", qtyMilli: 1000 }],
          }),
      ],
      ["listing held sales", () => till.listHeld()],
      ["finding a sale", () => till.findSale("S1-T1-000001")],
      ["opening the drawer", () => till.openDrawer("sale")],
      ["an X report", () => till.xReport()],
      ["reading the till's shift", () => till.currentShift()],
      ["opening a shift", () => till.openShift(0)],
      ["closing the shift", () => till.closeShift({ cash: 0 })],
      [
        "a return",
        () =>
          till.recordReturn({
            id: uuidv7(),
            originalSaleId: null,
            lines: [{ code: "APPLE", qtyMilli: 1000 }],
            tenders: [],
          }),
      ],
    ];
    for (const [what, run] of attempts) {
      expect(await refusal(run)).toEqual({
        code: "STORE_UNREACHABLE",
        message: `${what} needs the store, which is unreachable at ${f.server} (connection refused); the sale in progress is kept: try again when the store is back`,
      });
    }
    expect(till.status()).toMatchObject({ online: false, pending: 0 });
  });

  test("a sale still in the outbox is not found yet, and says why", async () => {
    await f.store.restart();
    salesGetThrough = false;
    const sale = cashSale(till, f.cashierId, [{ code: "APPLE", qtyMilli: 1000 }], 200);
    await till.completeSale(sale);
    await till.drainNow();
    expect(till.status().pending).toBe(1);
    const early = await refusal(() => till.findSale(sale.receiptNo));
    expect(early.code).toBe("SALE_NOT_FOUND");
    expect(early.message).toContain("still in this till's outbox");
    salesGetThrough = true;
    await till.drainNow();
    expect((await till.findSale(sale.receiptNo)).id).toBe(sale.id);
  });
});
