/**
 * The till prices with the promotions it synced from the store: each line's discount holds its
 * share, the sale names the promotions, and the document it sends carries them as rung.
 */
import { describe, expect, test } from "bun:test";
import { rungDocumentOf } from "../../../src/core/as-rung.ts";
import { PromotionBook, promotionSchema } from "../../../src/core/promotions/index.ts";
import type { TillEnv } from "../../../src/till/state/types.ts";
import { Driver, testEnv } from "../support/state-env.ts";

function withPromotions(body: Record<string, unknown>, categories: Record<string, string[]> = {}): TillEnv {
  return {
    ...testEnv(),
    promotions: {
      book: new PromotionBook([promotionSchema.parse(body)]),
      categoriesOf: (category) => (category === undefined ? [] : (categories[category] ?? [category])),
    },
  };
}

const breadFor2 = {
  id: "bread-3for2",
  name: "Bread 3 for 2",
  reward: { kind: "multibuy", buy: 2, get: 1, percent: "100", products: ["0002"] },
};

describe("promotions at the till", () => {
  test("scanning the third bread makes one free, named on the sale", () => {
    const d = new Driver(withPromotions(breadFor2)).enter("0002").enter("0002");
    expect(d.state.quote?.promotions ?? []).toEqual([]);
    d.enter("0002").enter("0001");
    // 3 × 2.50 with one free, and milk 1.29: 6.29.
    expect(d.state.quote?.totalMinor).toBe(500 + 129);
    expect(d.state.quote?.promotions).toEqual([
      { id: "bread-3for2", name: "Bread 3 for 2", discountMinor: 250 },
    ]);
    expect(d.state.quote?.lines.map((l) => l.discountMinor)).toEqual([0, 0, 250, 0]);
  });

  test("a voided line takes the promotion away again", () => {
    const d = new Driver(withPromotions(breadFor2)).enter("3*0002");
    expect(d.state.quote?.totalMinor).toBe(500);
    d.enter("0001").key("line.void");
    expect(d.state.quote?.totalMinor).toBe(500);
  });

  test("the completed sale's document carries the promotions as rung", () => {
    const d = new Driver(withPromotions(breadFor2)).enter("3*0002").key("sale.total").enter("10");
    const sale = d.lastEffect("completeSale")?.sale;
    expect(sale?.quote.promotions).toEqual([
      { id: "bread-3for2", name: "Bread 3 for 2", discountMinor: 250 },
    ]);
    if (sale === undefined) throw new Error("no sale completed");
    const doc = rungDocumentOf(sale.quote, new Map());
    expect(doc.promotions).toEqual(sale.quote.promotions);
    expect(doc.lines[0]).toMatchObject({ discountMinor: 250, totalMinor: 500 });
  });
});
