/**
 * An invoice's figures for any document as rung: the tax rows always sum to the document's
 * net, tax and total, each row's gross is its net plus tax, and every line keeps its amounts.
 */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { invoiceFigures } from "../../src/core/invoice-figures.ts";

const amount = fc.integer({ min: 0, max: 1_000_000 });

test("tax rows sum to the document's totals, whatever was rung", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          taxClass: fc.constantFrom(null, "1", "2"),
          totalMinor: amount,
          taxMinor: fc.integer({ min: 0, max: 100_000 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      fc.boolean(),
      (rung, pricesIncludeTax) => {
        const lines = rung.map((l, i) => ({
          lineNo: i + 1,
          code: `P${i}`,
          name: `Product ${i}`,
          qtyMilli: 1000,
          unitPriceMinor: l.totalMinor,
          discountMinor: 0,
          taxClass: l.taxClass,
          taxMinor: l.taxClass === null ? 0 : l.taxMinor,
          totalMinor: l.totalMinor,
        }));
        const taxes = ["1", "2"].flatMap((c) => {
          const of = lines.filter((l) => l.taxClass === c);
          if (of.length === 0) return [];
          const tax = of.reduce((s, l) => s + l.taxMinor, 0);
          const total = of.reduce((s, l) => s + l.totalMinor, 0);
          return [
            {
              taxClass: c,
              rate: c === "1" ? "20" : "5.5",
              baseMinor: pricesIncludeTax ? total - tax : total,
              taxMinor: tax,
            },
          ];
        });
        const taxMinor = lines.reduce((s, l) => s + l.taxMinor, 0);
        const sum = lines.reduce((s, l) => s + l.totalMinor, 0);
        const totalMinor = pricesIncludeTax ? sum : sum + taxMinor;
        const f = invoiceFigures(lines, taxes, { totalMinor, taxMinor }, pricesIncludeTax);
        expect(f.netMinor + f.taxMinor).toBe(f.totalMinor);
        expect(f.taxes.reduce((s, t) => s + t.netMinor, 0)).toBe(f.netMinor);
        expect(f.taxes.reduce((s, t) => s + t.taxMinor, 0)).toBe(f.taxMinor);
        expect(f.taxes.reduce((s, t) => s + t.grossMinor, 0)).toBe(f.totalMinor);
        for (const t of f.taxes) expect(t.grossMinor).toBe(t.netMinor + t.taxMinor);
        expect(f.lines.reduce((s, l) => s + l.grossMinor, 0)).toBe(f.totalMinor);
      },
    ),
  );
});
