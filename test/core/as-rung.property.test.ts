/**
 * A till's document as rung: whatever the basket (line and basket discounts, gross or net
 * prices, tax per line or per document, cash rounding), the document a quote makes is
 * consistent to the minor unit, and a single amount off by one minor unit is not.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import {
  checkRungDocument,
  type RungDocument,
  type RungLine,
  rungDocumentOf,
} from "../../src/core/as-rung.ts";
import { DomainError } from "../../src/core/errors.ts";
import { type PricingSettings, priceBasket, type Quote } from "../../src/core/pricing.ts";
import { parseQuantityMilli } from "../../src/core/quantity.ts";

const settingsArb: fc.Arbitrary<PricingSettings> = fc.record({
  currency: fc.constantFrom("USD", "EUR", "JPY"),
  pricesIncludeTax: fc.boolean(),
  taxRounding: fc.constantFrom("line" as const, "document" as const),
  roundingMode: fc.constantFrom("half-up" as const, "half-even" as const),
  cashRoundingMinor: fc.constantFrom(0, 5, 10),
  cashRoundingScope: fc.constantFrom("cash" as const, "all" as const),
  taxClasses: fc.constant([
    { id: "a", name: "A", rate: "8.875" },
    { id: "b", name: "B", rate: "19" },
    { id: "c", name: "C", rate: "7.7" },
  ]),
});

const basketArb: fc.Arbitrary<BasketSeed> = fc.record({
  lines: fc.array(
    fc.record({
      qtyMilli: fc.integer({ min: 1, max: 50_000 }),
      unitPriceMinor: fc.integer({ min: 0, max: 500_000 }),
      taxClass: fc.constantFrom<string | null>("a", "b", "c", null),
      percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  basketPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
});

interface BasketSeed {
  lines: { qtyMilli: number; unitPriceMinor: number; taxClass: string | null; percent: number | undefined }[];
  basketPercent: number | undefined;
}

function quoteOf(basket: BasketSeed, settings: PricingSettings): Quote | null {
  try {
    return priceBasket(
      {
        lines: basket.lines.map((l, i) => ({
          code: `P${i}`,
          name: `Product ${i}`,
          qtyMilli: l.qtyMilli,
          unitPriceMinor: l.unitPriceMinor,
          taxClass: l.taxClass,
          ...(l.percent !== undefined ? { discount: { percent: String(l.percent) } } : {}),
        })),
        ...(basket.basketPercent !== undefined
          ? { discount: { percent: String(basket.basketPercent) } }
          : {}),
      },
      settings,
    );
  } catch (err) {
    if (err instanceof DomainError) return null; // a basket the engine refuses (too large)
    throw err;
  }
}

/** The document as the store reads it back: quantities parsed from their decimal strings. */
function asChecked(quote: Quote, settings: PricingSettings): RungDocument {
  const body = rungDocumentOf(quote, new Map(settings.taxClasses.map((t) => [t.id, t.rate])));
  const lines: RungLine[] = body.lines.map((l) => ({ ...l, qtyMilli: parseQuantityMilli(l.qty) }));
  return { ...body, lines };
}

const AMOUNTS = ["subtotalMinor", "discountMinor", "taxMinor", "totalMinor", "cashDueMinor"] as const;
const LINE_AMOUNTS = ["discountMinor", "taxMinor", "totalMinor"] as const;

describe("checkRungDocument", () => {
  test("a quote's document is consistent under every rounding rule", () => {
    fc.assert(
      fc.property(basketArb, settingsArb, (basket, settings) => {
        const quote = quoteOf(basket, settings);
        if (quote === null) return;
        const check = checkRungDocument(asChecked(quote, settings), settings);
        expect(check.ok).toBe(true);
        if (check.ok) expect(check.quote.totalMinor).toBe(quote.totalMinor);
      }),
      { numRuns: 300 },
    );
  });

  test("any total or line amount one minor unit off is found", () => {
    fc.assert(
      fc.property(
        basketArb,
        settingsArb,
        fc.nat(),
        fc.constantFrom(1, -1),
        fc.boolean(),
        (basket, settings, pick, delta, onLine) => {
          const quote = quoteOf(basket, settings);
          if (quote === null) return;
          const doc = asChecked(quote, settings);
          let tampered: RungDocument;
          let field: string;
          if (onLine) {
            const index = pick % doc.lines.length;
            const key = LINE_AMOUNTS[pick % LINE_AMOUNTS.length] ?? "totalMinor";
            const line = doc.lines[index] as RungLine;
            if (line[key] + delta < 0) return;
            tampered = {
              ...doc,
              lines: doc.lines.map((l, i) => (i === index ? { ...l, [key]: l[key] + delta } : l)),
            };
            field = `lines[${index}].${key}`;
          } else {
            const key = AMOUNTS[pick % AMOUNTS.length] ?? "totalMinor";
            if (doc[key] + delta < 0) return;
            tampered = { ...doc, [key]: doc[key] + delta };
            field = key;
          }
          const check = checkRungDocument(tampered, settings);
          expect(check.ok).toBe(false);
          // The changed amount, or what it feeds (a discount is an input: the line's total then
          // differs), or the engine's own refusal (a discount larger than its line).
          if (!check.ok) {
            const fields = check.mismatches.map((m) => m.field);
            const where = onLine ? field.slice(0, field.indexOf("]") + 1) : field;
            expect(fields.some((f) => f.startsWith(where) || f === "lines")).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a tax class rung at two rates in one document is refused", () => {
    const settings: PricingSettings = {
      currency: "USD",
      pricesIncludeTax: false,
      taxRounding: "line",
      roundingMode: "half-up",
      cashRoundingMinor: 0,
      cashRoundingScope: "cash",
      taxClasses: [{ id: "a", name: "A", rate: "10" }],
    };
    const quote = priceBasket(
      {
        lines: [
          { code: "X", name: "X", qtyMilli: 1000, unitPriceMinor: 100, taxClass: "a" },
          { code: "Y", name: "Y", qtyMilli: 1000, unitPriceMinor: 100, taxClass: "a" },
        ],
      },
      settings,
    );
    const doc = asChecked(quote, settings);
    const split = { ...doc, lines: doc.lines.map((l, i) => (i === 1 ? { ...l, taxRate: "8" } : l)) };
    const check = checkRungDocument(split, settings);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.mismatches[0]?.field).toBe("lines[1].taxRate");
  });
});
