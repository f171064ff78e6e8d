/**
 * Deposits and restricted tenders, whatever the basket: a product sold with its deposit and
 * then brought back with its empty nets to nothing in deposits, and an EBT tender the check
 * accepts never pays more than the eligible total.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { depositTotals } from "../../src/core/deposits.ts";
import { DomainError } from "../../src/core/errors.ts";
import { type BasketLineInput, priceBasket } from "../../src/core/pricing.ts";
import { eligibleTotalMinor, requireTenderEligibility } from "../../src/core/tender-eligibility.ts";
import { NYC } from "./pricing-fixtures.ts";

const EBT = [{ type: "ebt", requires: "snapEligible" as const }];

interface Item {
  qty: number;
  priceMinor: number;
  depositMinor: number | undefined;
  snapEligible: boolean;
  taxed: boolean;
}

const itemArb: fc.Arbitrary<Item> = fc.record({
  qty: fc.integer({ min: 1, max: 24 }),
  priceMinor: fc.integer({ min: 0, max: 50_000 }),
  depositMinor: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  snapEligible: fc.boolean(),
  taxed: fc.boolean(),
});

function basketOf(items: readonly Item[]): {
  lines: BasketLineInput[];
  eligible: boolean[];
} {
  const lines: BasketLineInput[] = [];
  const eligible: boolean[] = [];
  items.forEach((item, i) => {
    const index = lines.length;
    lines.push({
      code: `P${i}`,
      name: `Item ${i}`,
      qtyMilli: item.qty * 1000,
      unitPriceMinor: item.priceMinor,
      taxClass: item.taxed ? "1" : null,
    });
    eligible.push(item.snapEligible);
    if (item.depositMinor !== undefined) {
      lines.push({
        code: `D${i}`,
        name: "Deposit",
        qtyMilli: item.qty * 1000,
        unitPriceMinor: item.depositMinor,
        taxClass: null,
        kind: "deposit",
        linkedLine: index,
      });
      eligible.push(item.snapEligible);
    }
  });
  return { lines, eligible };
}

describe("deposits and EBT, any basket", () => {
  test("a product and its empty returned net to zero in deposits", () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(undefined, "10", "33.3"),
        (items, percent) => {
          const { lines } = basketOf(items);
          const empties = lines
            .filter((l) => l.kind === "deposit")
            .map((l): BasketLineInput => {
              const { linkedLine: _, ...rest } = l;
              return { ...rest, qtyMilli: -l.qtyMilli, kind: "depositReturn" };
            });
          const quote = priceBasket(
            { lines: [...lines, ...empties], ...(percent ? { discount: { percent } } : {}) },
            NYC,
          );
          const totals = depositTotals(quote.lines);
          expect(totals.collectedMinor - totals.refundedMinor).toBe(0);
          const without = priceBasket(
            {
              lines: lines.filter((l) => l.kind === undefined),
              ...(percent ? { discount: { percent } } : {}),
            },
            NYC,
          );
          expect(quote.totalMinor).toBe(without.totalMinor);
        },
      ),
    );
  });

  test("an EBT tender accepted by the check never exceeds the eligible total", () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 3 }),
        (items, amounts) => {
          const { lines, eligible } = basketOf(items);
          const quote = priceBasket({ lines }, NYC);
          const flagged = quote.lines.map((l, i) => ({
            totalMinor: l.totalMinor,
            snapEligible: eligible[i],
          }));
          const tenders = amounts.map((amountMinor) => ({ type: "ebt", amountMinor }));
          const limit = eligibleTotalMinor(flagged, quote.totalMinor);
          expect(limit).toBeLessThanOrEqual(Math.max(0, quote.totalMinor));
          try {
            requireTenderEligibility(flagged, quote.totalMinor, tenders, EBT);
          } catch (err) {
            if (err instanceof DomainError && err.code === "TENDER_ABOVE_ELIGIBLE") return;
            throw err;
          }
          expect(amounts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });
});
