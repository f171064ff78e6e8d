/**
 * Fixtures for the sales, returns, held-sale and stock route tests: a small catalog, cashier
 * and supervisor sessions, sale bodies, and the checks that a request changed nothing and that
 * on-hand stock equals the sum of the movement ledger.
 */
import { expect } from "bun:test";
import { appendCheckDigit, priceCheckDigit4 } from "../../src/core/barcode.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { addUser, createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

export const API = "/api/v1";

/** A US price-embedded barcode `2 IIIII P VVVV C` for an item and a price in cents. */
export function usPriceBarcode(item: string, priceMinor: number): string {
  const price = String(priceMinor).padStart(4, "0");
  return appendCheckDigit(`2${item}${priceCheckDigit4(price)}${price}`);
}

export const PRODUCTS = [
  { code: "A1", name: "Apple juice", priceMinor: 199, taxClass: "1", barcodes: ["036000291452"] },
  { code: "MILK", name: "Milk 1l", priceMinor: 349, taxClass: "1" },
  { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
  { code: "BAN", name: "Bananas", priceMinor: 129, taxClass: null, soldByWeight: true },
  { code: "12345", name: "Deli cheese", priceMinor: 0, taxClass: "2" },
] as const;

export async function seedCatalog(store: TestStore): Promise<void> {
  for (const product of PRODUCTS) {
    const res = await store.request("POST", `${API}/products`, product);
    expect(res.status).toBe(200);
  }
}

/** Creates a user and logs them in at a till; answers the session token and user id. */
export async function session(
  store: TestStore,
  role: "cashier" | "supervisor" | "manager",
  pin: string,
  tillId = "T1",
): Promise<{ token: string; userId: string }> {
  const created = await store.request<{ id: string }>("POST", `${API}/users`, {
    name: `${role} ${pin}`,
    role,
    pin,
  });
  expect(created.status).toBe(201);
  const login = await store.request<{ token: string; user: { id: string } }>(
    "POST",
    `${API}/sessions`,
    { tillId, pin },
    null,
  );
  expect(login.status).toBe(201);
  return { token: login.body.token, userId: login.body.user.id };
}

export interface SaleLineInput {
  code: string;
  qty?: number | string;
  unitPriceMinor?: number;
  discount?: { percent: string } | { amountMinor: number };
}

export function saleBody(
  lines: SaleLineInput[],
  tenders: { type: string; amountMinor: number }[],
  extra: JsonObject = {},
): JsonObject {
  return { id: uuidv7(), tillId: "T1", lines, tenders, ...extra };
}

/** Records a sale paid exactly (quote first, then pay the total in the given tender type). */
export async function recordPaidSale(
  store: TestStore,
  lines: SaleLineInput[],
  extra: JsonObject = {},
  tenderType = "card",
): Promise<JsonObject & { id: string; totalMinor: number; receiptNo: string }> {
  const quote = await store.request<{ totalMinor: number }>("POST", `${API}/baskets/quote`, {
    lines,
    ...(extra.discount ? { discount: extra.discount } : {}),
  });
  expect(quote.status).toBe(200);
  const res = await store.request<JsonObject & { id: string; totalMinor: number; receiptNo: string }>(
    "POST",
    `${API}/sales`,
    saleBody(lines, [{ type: tenderType, amountMinor: quote.body.totalMinor }], extra),
  );
  expect(res.status).toBe(201);
  return res.body;
}

const TABLES = [
  "sales",
  "sale_lines",
  "tenders",
  "sale_taxes",
  "returns",
  "return_lines",
  "held_sales",
  "stock_movements",
  "stock_levels",
  "stock_documents",
  "stock_document_lines",
  "audit",
  "events",
] as const;

/** Row counts of every table a sale, return, void, hold or adjustment writes to. */
export function snapshot(store: TestStore): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = store.count(table);
  const returned = store.ctx.sqlite
    .query<{ n: number | null }, []>("SELECT sum(returned_milli) AS n FROM sale_lines")
    .get();
  counts.returnedMilli = returned?.n ?? 0;
  const voided = store.ctx.sqlite
    .query<{ n: number }, []>("SELECT count(*) AS n FROM sales WHERE status = 'voided'")
    .get();
  counts.voided = voided?.n ?? 0;
  return counts;
}

/** Products whose on-hand level differs from the sum of their movements (should be none). */
export function stockMismatches(
  store: TestStore,
): { code: string; onHand: number | null; sum: number | null }[] {
  return store.ctx.sqlite
    .query<{ code: string; onHand: number | null; sum: number | null }, []>(
      `SELECT code, onHand, sum FROM (
         SELECT l.product_code AS code, l.on_hand_milli AS onHand,
                (SELECT sum(m.qty_milli) FROM stock_movements m WHERE m.product_code = l.product_code) AS sum
           FROM stock_levels l
         UNION
         SELECT m.product_code AS code, (SELECT on_hand_milli FROM stock_levels l WHERE l.product_code = m.product_code) AS onHand,
                sum(m.qty_milli) AS sum
           FROM stock_movements m GROUP BY m.product_code
       ) WHERE onHand IS NOT sum`,
    )
    .all();
}

export function onHandMilli(store: TestStore, code: string): number {
  const row = store.ctx.sqlite
    .query<{ n: number }, [string]>("SELECT on_hand_milli AS n FROM stock_levels WHERE product_code = ?")
    .get(code);
  return row?.n ?? 0;
}

export function journalTypes(store: TestStore): string[] {
  return store.ctx.sqlite
    .query<{ type: string }, []>("SELECT type FROM events ORDER BY seq")
    .all()
    .map((r) => r.type);
}

/** A store with the test catalog and a cashier (PIN 1111) logged in at till T1: the session's token. */
export async function storeWithTillSession(): Promise<{ store: TestStore; token: string }> {
  const store = createTestStore();
  await seedCatalog(store);
  await addUser(store, { name: "Ann", role: "cashier", pin: "1111" });
  const res = await store.request<{ token: string }>(
    "POST",
    `${API}/sessions`,
    { tillId: "T1", pin: "1111" },
    null,
  );
  return { store, token: res.body.token };
}
