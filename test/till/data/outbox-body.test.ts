/**
 * The till keeps a completed sale as the store's `POST /sales` body as rung, checked with the
 * contract's own schema: what the store would refuse for sure is refused at the till.
 */
import { describe, expect, test } from "bun:test";
import { rungSaleSchema } from "../../../src/api/store/sales.ts";
import { uuidv7 } from "../../../src/core/ids.ts";
import type { Quote } from "../../../src/core/pricing.ts";
import { saleRequestBody } from "../../../src/till/data/outbox.ts";
import type { CompletedSale } from "../../../src/till/services.ts";

function sale(tenderRef?: string): CompletedSale {
  return {
    id: uuidv7(),
    tillId: "T1",
    cashierId: "u-1",
    at: new Date().toISOString(),
    receiptNo: "S1-T1-000001",
    lines: [{ code: "APPLE", qtyMilli: 1000 }],
    tenders: [{ type: "card", amountMinor: 100, ...(tenderRef === undefined ? {} : { ref: tenderRef }) }],
    audit: [],
    quote: {
      lines: [
        {
          code: "APPLE",
          name: "Apple",
          qtyMilli: 1000,
          unitPriceMinor: 100,
          taxClass: null,
          extendedMinor: 100,
          discountMinor: 0,
          taxMinor: 0,
          totalMinor: 100,
        },
      ],
      subtotalMinor: 100,
      discountMinor: 0,
      taxMinor: 0,
      totalMinor: 100,
      cashDueMinor: 100,
      cashRoundingMinor: 0,
      taxes: [],
    } satisfies Quote,
    changeMinor: 0,
    cashRoundingMinor: 0,
  };
}

const CONTEXT = { taxRates: new Map<string, string>(), madeIn: null };

describe("the outbox's sale body", () => {
  test("is the contract's sale as rung", () => {
    const body = saleRequestBody(sale("AUTH 123"), CONTEXT);
    expect(rungSaleSchema.safeParse(body).success).toBe(true);
    expect(body.asRung).toBe(true);
    expect(body.tenders).toEqual([{ type: "card", amountMinor: 100, ref: "AUTH 123" }]);
  });

  test("a sale the store would refuse is not kept", () => {
    expect(() => saleRequestBody(sale("auth#1<>"), CONTEXT)).toThrow(
      /the sale cannot be kept: tenders\.0\.ref/,
    );
  });
});
