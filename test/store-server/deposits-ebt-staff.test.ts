/**
 * Linked deposits, returned empties, EBT's cap and staff discounts at the store: products name
 * their deposit; a till's document with deposit lines and negative deposit-return lines is
 * checked and recorded as rung (empties alone pay the customer out); the daily report shows
 * deposits collected and refunded; an EBT tender above the eligible total is refused; a staff
 * member's PIN answers their discount.
 */

import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { rungDocumentOf } from "../../src/core/as-rung.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { type BasketLineInput, priceBasket } from "../../src/core/pricing.ts";
import { storeSettingsSchema } from "../../src/core/settings.ts";
import { addUser, createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { withTestTaxClasses } from "../support/tax-classes.ts";
import { API } from "./sales-fixtures.ts";

interface ErrorBody {
  error: { code: string; message: string };
}
interface Sale {
  id: string;
  totalMinor: number;
  changeMinor: number;
  lines: { code: string; kind?: string; qtyMilli: number; totalMinor: number; snapEligible?: boolean }[];
}

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  for (const product of [
    { code: "DEP10", name: "Bottle deposit 0.10", priceMinor: 10, taxClass: null },
    { code: "SODA", name: "Soda 2l", priceMinor: 199, taxClass: "1", depositCode: "DEP10" },
    { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null, snapEligible: true },
    { code: "SOAP", name: "Soap", priceMinor: 400, taxClass: "1" },
  ]) {
    const res = await store.request("POST", `${API}/products`, product);
    expect(res.status).toBe(200);
  }
});
afterEach(() => store.close());

const settings = storeSettingsSchema.parse(withTestTaxClasses());
const rates = new Map(settings.taxClasses.map((t) => [t.id, t.rate]));

const soda: BasketLineInput = {
  code: "SODA",
  name: "Soda 2l",
  qtyMilli: 2000,
  unitPriceMinor: 199,
  taxClass: "1",
};
const deposit: BasketLineInput = {
  code: "DEP10",
  name: "Bottle deposit 0.10",
  qtyMilli: 2000,
  unitPriceMinor: 10,
  taxClass: null,
  kind: "deposit",
  linkedLine: 0,
};
const empties = (qtyMilli: number): BasketLineInput => ({
  code: "DEP10",
  name: "Bottle deposit 0.10",
  qtyMilli: -qtyMilli,
  unitPriceMinor: 10,
  taxClass: null,
  kind: "depositReturn",
});

/** The document a till sends for these lines, paid as given (default: exact cash). */
function documentOf(
  lines: BasketLineInput[],
  tenders?: { type: string; amountMinor: number }[],
  eligible: readonly number[] = [],
): JsonObject {
  const quote = priceBasket({ lines }, { ...settings, taxClasses: settings.taxClasses });
  const doc = rungDocumentOf(quote, rates);
  for (const i of eligible) if (doc.lines[i]) doc.lines[i].snapEligible = true;
  return {
    asRung: true,
    id: uuidv7(),
    tillId: "T1",
    at: "2026-03-02T14:59:00.000Z",
    ...doc,
    tenders: tenders ?? (quote.totalMinor > 0 ? [{ type: "cash", amountMinor: quote.totalMinor }] : []),
  };
}

describe("deposit products", () => {
  test("a product names its deposit; an unknown deposit is refused", async () => {
    const found = await store.request<{ product: { depositCode: string | null } }>(
      "GET",
      `${API}/products/lookup?code=SODA`,
    );
    expect(found.body.product.depositCode).toBe("DEP10");
    const bad = await store.request<ErrorBody>("POST", `${API}/products`, {
      code: "BEER",
      name: "Beer",
      priceMinor: 150,
      depositCode: "NOPE",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("UNKNOWN_DEPOSIT_PRODUCT");
  });
});

describe("deposits as rung", () => {
  test("deposit lines and returned empties are recorded as rung, and the report shows both", async () => {
    const doc = documentOf([soda, deposit, empties(5000)]);
    const res = await store.request<Sale>("POST", `${API}/sales`, doc);
    expect(res.status).toBe(201);
    expect(res.body.lines.map((l) => [l.code, l.kind ?? null, l.qtyMilli, l.totalMinor])).toEqual([
      ["SODA", null, 2000, 398],
      ["DEP10", "deposit", 2000, 20],
      ["DEP10", "depositReturn", -5000, -50],
    ]);
    expect(res.body.totalMinor).toBe(398 + 35 + 20 - 50);
    const report = await store.request<{ deposits: JsonObject; totalMinor: number }>(
      "GET",
      `${API}/reports/daily?date=2026-03-02`,
    );
    expect(report.body.deposits).toEqual({ collectedMinor: 20, refundedMinor: 50, netMinor: -30 });
    expect(report.body.totalMinor).toBe(403);
  });

  test("a sale of empties only pays the customer out in cash", async () => {
    const res = await store.request<Sale>("POST", `${API}/sales`, documentOf([empties(3000)]));
    expect(res.status).toBe(201);
    expect(res.body.totalMinor).toBe(-30);
    expect(res.body.changeMinor).toBe(30);
    const report = await store.request<{ byTender: Record<string, number>; totalMinor: number }>(
      "GET",
      `${API}/reports/daily?date=2026-03-02`,
    );
    expect(report.body.byTender.cash).toBe(-30);
    expect(report.body.totalMinor).toBe(-30);
  });

  test("a negative line that is not returned empties, or a deposit not linked, is refused", async () => {
    const doc = documentOf([soda, deposit, empties(1000)]) as { lines: JsonObject[] };
    const negative = structuredClone(doc);
    delete negative.lines[2]?.kind;
    const refused = await store.request<ErrorBody>("POST", `${API}/sales`, negative);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("INVALID_QUANTITY");
    const unlinked = structuredClone(doc);
    delete unlinked.lines[1]?.linkedLine;
    const inconsistent = await store.request<ErrorBody>("POST", `${API}/sales`, unlinked);
    expect(inconsistent.status).toBe(400);
    expect(inconsistent.body.error.code).toBe("SALE_INCONSISTENT");
  });
});

describe("EBT at the store", () => {
  const bread: BasketLineInput = {
    code: "BREAD",
    name: "Bread",
    qtyMilli: 1000,
    unitPriceMinor: 275,
    taxClass: null,
  };
  const soap: BasketLineInput = {
    code: "SOAP",
    name: "Soap",
    qtyMilli: 1000,
    unitPriceMinor: 400,
    taxClass: "1",
  };

  test("an EBT tender above the eligible total is refused with its code; up to it is recorded", async () => {
    const over = documentOf(
      [bread, soap],
      [
        { type: "ebt", amountMinor: 276 },
        { type: "cash", amountMinor: 1000 },
      ],
      [0],
    );
    const refused = await store.request<ErrorBody>("POST", `${API}/sales`, over);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("TENDER_ABOVE_ELIGIBLE");
    const ok = documentOf(
      [bread, soap],
      [
        { type: "ebt", amountMinor: 275 },
        { type: "cash", amountMinor: 436 },
      ],
      [0],
    );
    const recorded = await store.request<Sale>("POST", `${API}/sales`, ok);
    expect(recorded.status).toBe(201);
    expect(recorded.body.lines[0]?.snapEligible).toBe(true);
  });

  test("a sale the store prices takes eligibility from the catalog", async () => {
    const res = await store.request<ErrorBody>("POST", `${API}/sales`, {
      id: uuidv7(),
      tillId: "T1",
      lines: [{ code: "SOAP" }],
      tenders: [
        { type: "ebt", amountMinor: 100 },
        { type: "cash", amountMinor: 336 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("TENDER_ABOVE_ELIGIBLE");
  });
});

describe("staff discounts", () => {
  test("a user's staff discount is set through the users API and found by their PIN", async () => {
    const id = await addUser(store, { name: "Bea", role: "cashier", pin: "4321" });
    const set = await store.request<{ staffDiscountPercent: string | null }>("PATCH", `${API}/users/${id}`, {
      staffDiscountPercent: "15",
    });
    expect(set.status).toBe(200);
    expect(set.body.staffDiscountPercent).toBe("15");
    const found = await store.request("POST", `${API}/staff-discounts`, { tillId: "T1", pin: "4321" });
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ userId: id, name: "Bea", percent: "15" });
  });

  test("a user without one, and the PIN of an inactive user, are refused", async () => {
    const id = await addUser(store, { name: "Cal", role: "cashier", pin: "5555" });
    const none = await store.request<ErrorBody>("POST", `${API}/staff-discounts`, {
      tillId: "T1",
      pin: "5555",
    });
    expect(none.body.error.code).toBe("NO_STAFF_DISCOUNT");
    await store.request("PATCH", `${API}/users/${id}`, { staffDiscountPercent: "10", active: false });
    const inactive = await store.request<ErrorBody>("POST", `${API}/staff-discounts`, {
      tillId: "T1",
      pin: "5555",
    });
    expect(inactive.status).toBe(401);
    expect(inactive.body.error.code).toBe("WRONG_PIN");
  });
});
