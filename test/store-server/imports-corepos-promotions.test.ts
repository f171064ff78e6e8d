/**
 * CORE-POS quantity pricing and mix-and-match groups as promotions: hand-made rows for each
 * price method, and the sample catalog, where the soup-and-half-sandwich deal (price method 3,
 * mix-and-match group 2: the soup qualifies, the half sandwiches get 0.50 off) is checked by hand.
 */
import { expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { applyPromotions, PromotionBook, promotionClock } from "../../src/core/promotions/index.ts";
import { parseCoreposPromotions } from "../../src/store-server/imports/corepos-promotions.ts";
import { coreposRow } from "../support/corepos-rows.ts";

const SAMPLES = join(import.meta.dir, "../../../shared/data/corepos");

/** A 48-column CORE-POS row: upc, name, price, pricemethod, groupprice, quantity, mixmatchcode. */

test("group price per product, mix-and-match across a group, and an A/B deal", () => {
  const text = [
    coreposRow("0000000000101", "LIMES", "0.40", "1", "1.00", "3", "0"),
    coreposRow("0000000000201", "YOGURT PLAIN", "1.29", "2", "5.00", "5", "77"),
    coreposRow("0000000000202", "YOGURT VANILLA", "1.39", "2", "5.00", "5", "77"),
    coreposRow("0000000000301", "SOUP", "3.99", "3", "0.50", "2", "9"),
    coreposRow("0000000000302", "HALF SANDWICH", "2.49", "3", "0.50", "2", "-9"),
    coreposRow("0000000000401", "RHUBARB", "1.99", "4", "0.2", "2", "5"),
    coreposRow("0000000000501", "BREAD", "2.75", "0", "0", "0", "0"),
  ].join("\n");
  const { promotions, skipped } = parseCoreposPromotions(text);
  expect(promotions).toEqual([
    {
      id: "corepos-qty-101",
      name: "LIMES 3 for 1.00",
      condition: { products: ["101"] },
      reward: { kind: "fixedPrice", buy: 3, priceMinor: 100 },
    },
    {
      id: "corepos-mm-77",
      name: "Mix & match 77: 5 for 5.00",
      condition: { products: ["201", "202"] },
      reward: { kind: "fixedPrice", buy: 5, priceMinor: 500 },
    },
    {
      id: "corepos-ab-9",
      name: "Group 9: 0.50 off with SOUP",
      condition: { products: ["301"] },
      reward: { kind: "amount", amountMinor: 50, products: ["302"] },
    },
  ]);
  expect(skipped).toEqual([
    {
      line: 6,
      code: "401",
      reason: "pricemethod 4 (more than a quantity) has no promotion kind here; priced normally",
    },
  ]);
});

test("the sample catalog: the soup and half-sandwich deal, checked by hand", () => {
  const file = join(SAMPLES, "products.csv");
  if (!existsSync(file)) {
    console.warn(`skipped: ${file} not found`);
    return;
  }
  const { promotions, skipped } = parseCoreposPromotions(readFileSync(file, "utf8"));
  // Rows 0020140000000 SOUP 16 OZ (3.99, method 3, group 0.50, mixmatch 2) and four half
  // sandwiches (method 3, mixmatch -2): 0.50 off a half sandwich bought with the soup.
  const deal = promotions.find((p) => p.id === "corepos-ab-2");
  expect(deal).toEqual({
    id: "corepos-ab-2",
    name: "Group 2: 0.50 off with SOUP 16 OZ",
    condition: { products: ["0020140000000"] },
    reward: {
      kind: "amount",
      amountMinor: 50,
      products: ["0020121000000", "0027002000000", "0027008000000", "0028731000000"],
    },
  });
  expect(promotions).toHaveLength(1);
  // PRHUBARB (method 4) is reported, not guessed.
  expect(skipped.map((s) => s.code)).toEqual(["4471"]);

  // Soup and a half egg salad sandwich: 3.99 + 2.49, 0.50 off the sandwich; without the soup, nothing.
  const book = new PromotionBook(promotions);
  const context = {
    clock: promotionClock(new Date("2026-03-02T12:00:00Z"), "UTC"),
    roundingMode: "half-up" as const,
  };
  const lines = [
    { code: "0020140000000", qtyMilli: 1000, amountMinor: 399 },
    { code: "0020121000000", qtyMilli: 1000, amountMinor: 249 },
  ];
  expect(applyPromotions(book, lines, context).lineDiscountMinor).toEqual([0, 50]);
  expect(applyPromotions(book, lines.slice(1), context).lineDiscountMinor).toEqual([0]);
});
