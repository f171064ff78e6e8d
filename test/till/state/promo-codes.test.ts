/**
 * Promo codes at the till: Ctrl+T asks for the code, the store is asked about it, an accepted
 * code prices the sale (also a line scanned after it) and goes with the sale as rung; a refused
 * or malformed one leaves the sale as it was. Cut off from the store, the till's own rule: a
 * single-use code is refused, a multi-use one accepted.
 */
import { describe, expect, test } from "bun:test";
import {
  PromoCodeError,
  PromotionBook,
  promotionClock,
  promotionSchema,
} from "../../../src/core/promotions/index.ts";
import { promoCodeOffline } from "../../../src/till/state/promo-codes.ts";
import type { TillEnv } from "../../../src/till/state/types.ts";
import { Driver, testEnv } from "../support/state-env.ts";

const summer = promotionSchema.parse({
  id: "summer",
  name: "Summer 1.00 off",
  code: "SUMMER",
  reward: { kind: "amount", amountMinor: 100, on: "order" },
});
const once = promotionSchema.parse({
  id: "once",
  name: "Once",
  code: "ONCE",
  reward: { kind: "percent", percent: "10" },
  maxUses: 1,
});
const often = promotionSchema.parse({ ...once, id: "often", name: "Often", code: "OFTEN", maxUses: 50 });

function env(): TillEnv {
  return {
    ...testEnv(),
    promotions: { book: new PromotionBook([summer, once, often]), categoriesOf: () => [] },
  };
}

describe("a promo code at the till", () => {
  test("Ctrl+T asks for it; the store is asked; accepted, it prices the sale and goes with it", () => {
    const d = new Driver(env()).enter("3*0002");
    expect(d.state.quote?.totalMinor).toBe(750);
    d.key("sale.promoCode");
    expect(d.state.prompt).toEqual({ kind: "promoCode" });
    d.enter(" summer ");
    expect(d.lastEffect("checkPromoCode")).toEqual({
      type: "checkPromoCode",
      code: "SUMMER",
      saleId: "sale-0",
    });
    expect(d.state.quote?.totalMinor).toBe(750);
    d.send({ type: "promoCode.accepted", code: "SUMMER", names: ["Summer 1.00 off"] });
    expect(d.state.quote?.totalMinor).toBe(650);
    expect(d.state.quote?.promotions).toEqual([
      { id: "summer", name: "Summer 1.00 off", discountMinor: 100 },
    ]);
    expect(d.state.status).toMatchObject({ tone: "ok", message: { key: "ok.promoCode" } });
    // A line scanned after the code is priced with it too.
    d.enter("0001");
    expect(d.state.quote?.totalMinor).toBe(650 + 129);
    d.key("sale.total").enter("20");
    const sale = d.lastEffect("completeSale")?.sale;
    expect(sale?.couponCodes).toEqual(["SUMMER"]);
    expect(sale?.quote.promotions).toEqual([{ id: "summer", name: "Summer 1.00 off", discountMinor: 100 }]);
  });

  test("a malformed code, or one already on the sale, is refused at once", () => {
    const d = new Driver(env()).enter("0002");
    d.key("sale.promoCode").enter("two words");
    expect(d.state.status).toMatchObject({ tone: "error", message: { key: "error.badPromoCode" } });
    expect(d.lastEffect("checkPromoCode")).toBeUndefined();
    d.key("back").key("sale.promoCode").enter("SUMMER");
    d.send({ type: "promoCode.accepted", code: "SUMMER", names: ["Summer 1.00 off"] });
    d.key("sale.promoCode").enter("summer");
    expect(d.state.status).toMatchObject({ tone: "error", message: { key: "error.promoCodeTwice" } });
  });

  test("a refusal from the store leaves the sale as it was", () => {
    const d = new Driver(env()).enter("0002").key("sale.promoCode").enter("ONCE");
    d.send({ type: "request.failed", message: { key: "error.codeUsedUp" } });
    expect(d.state.sale.couponCodes).toBeUndefined();
    expect(d.state.quote?.totalMinor).toBe(250);
    expect(d.state.status).toMatchObject({ tone: "error", message: { key: "error.codeUsedUp" } });
  });
});

describe("cut off from the store", () => {
  const clock = promotionClock(new Date("2026-11-23T12:00:00Z"), "UTC");
  const refusal = (code: string) => {
    try {
      promoCodeOffline([summer, once, often], code, clock);
      return null;
    } catch (err) {
      return err instanceof PromoCodeError ? err.code : String(err);
    }
  };

  test("a single-use code is refused, a multi-use or unlimited one accepted, an unknown one refused", () => {
    expect(refusal("once")).toBe("CODE_NEEDS_HQ");
    expect(promoCodeOffline([summer, once, often], "often", clock)).toEqual(["Often"]);
    expect(promoCodeOffline([summer, once, often], "SUMMER", clock)).toEqual(["Summer 1.00 off"]);
    expect(refusal("NOPE")).toBe("CODE_UNKNOWN");
  });
});
