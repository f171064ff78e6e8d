/**
 * With promotions in force, a scanned line no promotion touches is priced alone and added (as
 * without promotions), and the sale's quote is still exactly what pricing the whole sale gives;
 * a line a promotion touches prices the whole sale again.
 */
import { expect, test } from "bun:test";
import { PromotionBook, promotionSchema } from "../../../src/core/promotions/index.ts";
import { priceSale, promotionsAt } from "../../../src/till/state/basket.ts";
import type { TillEnv } from "../../../src/till/state/types.ts";
import { Driver, testEnv } from "../support/state-env.ts";

function env(promotions: Record<string, unknown>[]): TillEnv {
  const base = testEnv();
  return {
    ...base,
    settings: { ...base.settings, taxRounding: "line", cashRoundingScope: "cash" },
    promotions: {
      book: new PromotionBook(promotions.map((p) => promotionSchema.parse(p))),
      categoriesOf: () => [],
    },
  };
}

const breadDeal = {
  id: "bread",
  name: "Bread 3 for 2",
  reward: { kind: "multibuy", buy: 2, get: 1, percent: 100, products: ["0002"] },
};
const milkOff = {
  id: "milk",
  name: "Milk 10 %",
  condition: { products: ["0002"] },
  reward: { kind: "percent", percent: 10, products: ["0001"] },
};

test("every scan's quote equals pricing the whole sale, whichever lines the promotions touch", () => {
  for (const promotions of [
    [breadDeal],
    [breadDeal, milkOff],
    [{ ...breadDeal, reward: { ...breadDeal.reward, on: "order" } }],
  ]) {
    const e = env(promotions);
    const d = new Driver(e);
    for (const code of ["0003", "0002", "0001", "0003", "0002", "0002", "0001", "0003", "0002"]) {
      d.enter(code);
      expect(d.state.quote).toEqual(priceSale(d.state.sale, e.settings, promotionsAt(e)));
    }
    expect(d.state.quote?.promotions?.length ?? 0).toBeGreaterThan(0);
  }
});
