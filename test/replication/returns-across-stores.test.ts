/**
 * Returns anywhere in the chain, on real processes: nats-server, head office and two stores
 * linked to head office's API. A sale rung at S1 and replicated is taken back at S2 by its
 * receipt number; the refund goes back the way it was paid (card first, then cash); the bound
 * (sold less returned anywhere) holds at both stores, also before head office has applied the
 * other store's return; head office's sale shows every return, and its figures per store equal
 * each store's own. With head office down, another store's receipt is refused with what to do.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { type Chain, expectExact, startChain, waitConverged } from "./support/chain.ts";

setDefaultTimeout(120_000);

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface ReturnAnswer {
  id: string;
  receiptNo: string;
  originalSaleId: string | null;
  originalStoreId: string | null;
  totalMinor: number;
  tenders: { type: string; amountMinor: number }[];
  lines: { code: string; qtyMilli: number; originalLineNo: number | null }[];
}
interface ChainSaleAnswer {
  id: string;
  storeId: string;
  totalMinor: number;
  lines: { lineNo: number; code: string; qtyMilli: number; returnedMilli: number }[];
  returns: {
    id: string;
    storeId: string;
    totalMinor: number;
    tenders: { type: string; amountMinor: number }[];
  }[];
}

const CARD_MINOR = 2_000;

async function ringCardAndCash(
  store: StoreProcess,
): Promise<{ id: string; receiptNo: string; totalMinor: number }> {
  const lines = [
    { code: "CHEESE", qty: 3 },
    { code: "A1", qty: 2 },
  ];
  const quote = (await (
    await store.api("/api/v1/baskets/quote", { method: "POST", body: JSON.stringify({ lines }) })
  ).json()) as { totalMinor: number };
  const res = await store.api("/api/v1/sales", {
    method: "POST",
    body: JSON.stringify({
      id: uuidv7(),
      tillId: "T1",
      lines,
      // Card for part, cash for the rest with 5.00 over: 5.00 change.
      tenders: [
        { type: "card", amountMinor: CARD_MINOR },
        { type: "cash", amountMinor: quote.totalMinor - CARD_MINOR + 500 },
      ],
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; receiptNo: string; totalMinor: number };
}

async function postReturn(store: StoreProcess, body: Record<string, unknown>) {
  const res = await store.api("/api/v1/returns", {
    method: "POST",
    body: JSON.stringify({ id: uuidv7(), tillId: "T1", ...body }),
  });
  return { status: res.status, body: (await res.json()) as ReturnAnswer & ErrorBody };
}

describe("returns anywhere in the chain", () => {
  let chain: Chain;
  beforeAll(async () => {
    chain = await startChain({ storeIds: ["S1", "S2"], hqLink: true });
  }, 90_000);
  afterAll(async () => {
    await chain?.[Symbol.asyncDispose]();
  }, 60_000);

  test("a sale of S1 is taken back at S2 and at S1, never beyond what was sold, and HQ adds up", async () => {
    const s1 = chain.store("S1");
    const s2 = chain.store("S2");
    const sale = await ringCardAndCash(s1);
    await waitConverged(chain);

    // At S2, by the receipt number as scanned, without tenders: back the way it was paid.
    const first = await postReturn(s2, { receiptNo: sale.receiptNo, lines: [{ code: "CHEESE", qty: 2 }] });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.originalSaleId).toBe(sale.id);
    expect(first.body.originalStoreId).toBe("S1");
    expect(first.body.receiptNo.startsWith("S2-T1-R")).toBe(true);
    const firstCard = Math.min(CARD_MINOR, first.body.totalMinor);
    const expectedTenders = [{ type: "card", amountMinor: firstCard }];
    if (first.body.totalMinor > firstCard) {
      expectedTenders.push({ type: "cash", amountMinor: first.body.totalMinor - firstCard });
    }
    expect(first.body.tenders).toEqual(expectedTenders);

    // At once, at S2 again: one cheese is left, whether or not HQ has applied the first return.
    const tooMuchAtS2 = await postReturn(s2, {
      originalSaleId: sale.id,
      lines: [{ code: "CHEESE", qty: 2 }],
    });
    expect(tooMuchAtS2.status).toBe(409);
    expect(tooMuchAtS2.body.error.code).toBe("RETURN_EXCEEDS_SOLD");
    expect(tooMuchAtS2.body.error.details?.returnableMilli).toBe(1_000);

    // At S1, the selling store, once HQ has S2's return: the same bound.
    await waitConverged(chain);
    const tooMuchAtS1 = await postReturn(s1, {
      originalSaleId: sale.id,
      lines: [{ code: "CHEESE", qty: 2 }],
    });
    expect(tooMuchAtS1.status, JSON.stringify(tooMuchAtS1.body)).toBe(409);
    expect(tooMuchAtS1.body.error.code).toBe("RETURN_EXCEEDS_SOLD");
    expect(tooMuchAtS1.body.error.details?.returnableMilli).toBe(1_000);

    const second = await postReturn(s1, { originalSaleId: sale.id, lines: [{ code: "CHEESE", qty: 1 }] });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.originalStoreId).toBe("S1");
    const third = await postReturn(s2, { receiptNo: sale.receiptNo, lines: [{ code: "A1", qty: 2 }] });
    expect(third.status, JSON.stringify(third.body)).toBe(201);
    const nothingLeft = await postReturn(s2, { receiptNo: sale.receiptNo, lines: [{ code: "A1", qty: 1 }] });
    expect(nothingLeft.status).toBe(409);

    // Head office: every return against the sale, each line returned in full.
    await waitConverged(chain);
    const atHq = await chain.hq.json<ChainSaleAnswer>(`/api/v1/sales/${sale.id}`);
    expect(atHq.lines.map((l) => [l.code, l.returnedMilli])).toEqual([
      ["CHEESE", 3_000],
      ["A1", 2_000],
    ]);
    expect(atHq.returns.map((r) => [r.id, r.storeId]).sort()).toEqual(
      [
        [first.body.id, "S2"],
        [second.body.id, "S1"],
        [third.body.id, "S2"],
      ].sort(),
    );
    // Everything came back: the refunds add up to the sale, the card got back what it paid.
    const refunds = [first.body, second.body, third.body];
    expect(refunds.reduce((sum, r) => sum + r.totalMinor, 0)).toBe(sale.totalMinor);
    const toCard = refunds
      .flatMap((r) => r.tenders)
      .filter((t) => t.type === "card")
      .reduce((sum, t) => sum + t.amountMinor, 0);
    expect(toCard).toBe(CARD_MINOR);
    // Each store's figures at head office equal its own daily report (returns count where taken).
    await expectExact(chain);
  });

  test("a receipt nobody in the chain issued is not found, and without HQ another store's is refused", async () => {
    const s1 = chain.store("S1");
    const s2 = chain.store("S2");
    const unknown = await postReturn(s2, { receiptNo: "S1-T9-000777", lines: [{ code: "A1", qty: 1 }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("SALE_NOT_FOUND");
    expect(unknown.body.error.message).toContain("head office");

    const sale = await ringCardAndCash(s1);
    await waitConverged(chain);
    await chain.hq.stop();
    const offline = await postReturn(s2, { receiptNo: sale.receiptNo, lines: [{ code: "A1", qty: 1 }] });
    expect(offline.status).toBe(503);
    expect(offline.body.error.code).toBe("HQ_UNREACHABLE");
    expect(offline.body.error.message).toContain("without a receipt");
    // The selling store still takes its own sale back, bounded by what it knows.
    const local = await postReturn(s1, { receiptNo: sale.receiptNo, lines: [{ code: "A1", qty: 1 }] });
    expect(local.status, JSON.stringify(local.body)).toBe(201);
  });
});
