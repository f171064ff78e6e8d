/**
 * A gift card sold as a sale line: the amount loaded is its price; it takes no discount (neither
 * its own nor a share of the sale's), no tax, is one card, and is between 1 and the store's
 * maximum. A document as rung that says otherwise does not add up.
 */
import { describe, expect, test } from "bun:test";
import { checkRungDocument, type RungDocument } from "../../src/core/as-rung.ts";
import { DomainError } from "../../src/core/errors.ts";
import { type GiftCardLine, requireGiftCardLines } from "../../src/core/gift-card-lines.ts";
import { type PricingSettings, priceBasket } from "../../src/core/pricing.ts";

const settings: PricingSettings = {
  currency: "USD",
  pricesIncludeTax: false,
  taxRounding: "line",
  roundingMode: "half-up",
  cashRoundingMinor: 0,
  cashRoundingScope: "cash",
  taxClasses: [{ id: "a", name: "A", rate: "10" }],
};

const item = { code: "MILK", name: "Milk", qtyMilli: 1000, unitPriceMinor: 1000, taxClass: "a" };
const gift = {
  code: "GIFTCARD",
  name: "Gift card",
  qtyMilli: 1000,
  unitPriceMinor: 2500,
  taxClass: null,
  kind: "giftCard" as const,
};

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return undefined;
}

describe("pricing a gift card line", () => {
  test("takes no share of the sale's discount and no tax", () => {
    const quote = priceBasket({ lines: [item, gift], discount: { percent: "10" } }, settings);
    expect(quote.lines[0]).toMatchObject({ discountMinor: 100, taxMinor: 90, totalMinor: 900 });
    expect(quote.lines[1]).toMatchObject({
      discountMinor: 0,
      taxMinor: 0,
      totalMinor: 2500,
      kind: "giftCard",
    });
    expect(quote.totalMinor).toBe(900 + 90 + 2500);
  });

  test("refuses a discount of its own", () => {
    expect(codeOf(() => priceBasket({ lines: [{ ...gift, discount: { percent: "5" } }] }, settings))).toBe(
      "GIFT_CARD_NOT_DISCOUNTABLE",
    );
  });
});

describe("requireGiftCardLines", () => {
  const line = (over: Partial<GiftCardLine>): GiftCardLine => ({ ...gift, card: "GC-0001234", ...over });

  test("a good line passes, and item lines are left be", () => {
    expect(codeOf(() => requireGiftCardLines([item, line({})], 50_000))).toBeUndefined();
  });

  test("each wrong line is refused with a precise code", () => {
    expect(codeOf(() => requireGiftCardLines([line({ card: undefined })], 50_000))).toBe(
      "GIFT_CARD_NUMBER_REQUIRED",
    );
    expect(codeOf(() => requireGiftCardLines([line({ unitPriceMinor: 0 })], 50_000))).toBe(
      "GIFT_CARD_AMOUNT_INVALID",
    );
    expect(codeOf(() => requireGiftCardLines([line({ unitPriceMinor: 50_001 })], 50_000))).toBe(
      "GIFT_CARD_AMOUNT_INVALID",
    );
    expect(codeOf(() => requireGiftCardLines([line({ qtyMilli: 2000 })], 50_000))).toBe(
      "GIFT_CARD_AMOUNT_INVALID",
    );
    expect(codeOf(() => requireGiftCardLines([line({ taxClass: "a" })], 50_000))).toBe("GIFT_CARD_TAXED");
    expect(codeOf(() => requireGiftCardLines([{ ...item, card: "GC-0001234" }], 50_000))).toBe(
      "CARD_ON_ITEM_LINE",
    );
  });
});

describe("a document as rung with a gift card line", () => {
  function doc(giftDiscountMinor: number): RungDocument {
    return {
      lines: [
        { ...item, discountMinor: 0, taxRate: "10", taxMinor: 100, totalMinor: 1000 },
        {
          ...gift,
          card: "GC-0001234",
          discountMinor: giftDiscountMinor,
          taxRate: null,
          taxMinor: 0,
          totalMinor: 2500 - giftDiscountMinor,
        },
      ],
      subtotalMinor: 3500,
      discountMinor: giftDiscountMinor,
      taxMinor: 100,
      totalMinor: 3600 - giftDiscountMinor,
      cashDueMinor: 3600 - giftDiscountMinor,
      cashRoundingMinor: 0,
      taxes: [{ taxClass: "a", rate: "10", baseMinor: 1000, taxMinor: 100 }],
    };
  }

  test("adds up as rung", () => {
    expect(checkRungDocument(doc(0), settings).ok).toBe(true);
  });

  test("a discount on the gift card line does not add up", () => {
    expect(checkRungDocument(doc(250), settings).ok).toBe(false);
  });
});
