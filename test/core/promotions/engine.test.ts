/** Worked examples of every kind of promotion, each figure computed by hand in its comment. */
import { describe, expect, test } from "bun:test";
import { line, promo, run } from "./support.ts";

describe("promotion kinds, by hand", () => {
  test("percent off a product: 10 % of 2 × 2.50 is 0.50, the other line untouched", () => {
    const out = run(
      [promo({ id: "p10", reward: { kind: "percent", percent: "10", products: ["A"] } })],
      [line("A", 2, 500), line("B", 1, 300)],
    );
    expect(out.lineDiscountMinor).toEqual([50, 0]);
    expect(out.applied).toEqual([{ id: "p10", name: "p10", discountMinor: 50 }]);
  });

  test("percent off a category and a department", () => {
    const lines = [
      line("A", 1, 1000, { categories: ["dairy", "fresh"] }),
      line("B", 1, 400, { department: "bakery" }),
      line("C", 1, 700, { categories: ["dry"] }),
    ];
    // 20 % of the fresh category (A 10.00) = 2.00; 50 % of bakery (B 4.00) = 2.00.
    const out = run(
      [
        promo({ id: "fresh", reward: { kind: "percent", percent: 20, categories: ["fresh"] } }),
        promo({ id: "bake", reward: { kind: "percent", percent: "50", departments: ["bakery"] } }),
      ],
      lines,
    );
    expect(out.lineDiscountMinor).toEqual([200, 200, 0]);
  });

  test("an amount off the order is shared by value, largest remainder", () => {
    // 1.00 over 5.00 and 3.00: 62.5 and 37.5; the tie of remainders goes to A (first by code).
    const out = run(
      [promo({ id: "o1", reward: { kind: "amount", amountMinor: 100, on: "order" } })],
      [line("B", 1, 300), line("A", 1, 500)],
    );
    expect(out.lineDiscountMinor).toEqual([37, 63]);
  });

  test("an amount larger than the order takes the order to zero, never below", () => {
    const out = run(
      [promo({ id: "big", reward: { kind: "amount", amountMinor: 5000, on: "order" } })],
      [line("A", 1, 300)],
    );
    expect(out.lineDiscountMinor).toEqual([300]);
  });

  test("fixed price per unit: 3 × 1.99 at 1.50 is 1.47 off", () => {
    const out = run(
      [promo({ id: "fp", reward: { kind: "fixedPrice", priceMinor: 150, products: ["C"] } })],
      [line("C", 3, 597)],
    );
    expect(out.lineDiscountMinor).toEqual([147]);
  });

  test("fixed price per kg on a weighed line", () => {
    const out = run(
      [promo({ id: "kg", reward: { kind: "fixedPrice", priceMinor: 200, products: ["W"] } })],
      [
        { code: "W", qtyMilli: 500, amountMinor: 180 },
        { code: "W", qtyMilli: 1500, amountMinor: 450 },
        { code: "W", qtyMilli: 250, amountMinor: 40 },
      ],
    );
    // 0.5 kg: 1.80 − 1.00 = 0.80; 1.5 kg: 4.50 − 3.00 = 1.50; 0.25 kg at 0.40 is below 0.50: nothing.
    expect(out.lineDiscountMinor).toEqual([80, 150, 0]);
  });

  test("mix and match, 3 for 5.00 across a group (CORE-POS groupprice / mixmatchcode)", () => {
    // Units dearest first: D 2.00, D 2.00, E 1.80 = 5.80 → 0.80 off, shared by value:
    // D 4.00/5.80 × 80 = 55.17, E 1.80/5.80 × 80 = 24.83 → 55 and 24, the unit left to E (0.83).
    // The fourth unit (E) is not in a full group and pays its price.
    const out = run(
      [
        promo({
          id: "mm",
          condition: { products: ["D", "E"] },
          reward: { kind: "fixedPrice", buy: 3, priceMinor: 500 },
        }),
      ],
      [line("D", 2, 400), line("E", 2, 360)],
    );
    expect(out.lineDiscountMinor).toEqual([55, 25]);
    expect(out.applied[0]?.discountMinor).toBe(80);
  });

  test("quantity break: 6 or more at 1.80 instead of 2.00", () => {
    const breakAt6 = promo({
      id: "qb",
      condition: { products: ["H"], minQty: 6 },
      reward: { kind: "fixedPrice", priceMinor: 180 },
    });
    expect(run([breakAt6], [line("H", 5, 1000)]).lineDiscountMinor).toEqual([0]);
    expect(run([breakAt6], [line("H", 6, 1200)]).lineDiscountMinor).toEqual([120]);
  });

  test("cheapest item free when 3 snacks are bought", () => {
    const free = promo({
      id: "ch",
      condition: { categories: ["snacks"], minQty: 3 },
      reward: { kind: "cheapest", percent: 100 },
    });
    const lines = [
      line("S1", 1, 300, { categories: ["snacks"] }),
      line("S2", 1, 200, { categories: ["snacks"] }),
      line("S3", 1, 150, { categories: ["snacks"] }),
    ];
    expect(run([free], lines).lineDiscountMinor).toEqual([0, 0, 150]);
    expect(run([free], lines.slice(0, 2)).lineDiscountMinor).toEqual([0, 0]);
  });

  test("buy 2 get 1 free: two units get nothing, three get one, six get the cheapest of each three", () => {
    const b2g1 = promo({
      id: "b2g1",
      reward: { kind: "multibuy", buy: 2, get: 1, percent: "100", products: ["F", "G"] },
    });
    expect(run([b2g1], [line("F", 2, 200)]).lineDiscountMinor).toEqual([0]);
    expect(run([b2g1], [line("F", 3, 300)]).lineDiscountMinor).toEqual([100]);
    // Units 5.00 4.00 3.00 | 2.00 1.00 0.50 (G): free 3.00 and 0.50.
    const six = [
      line("F", 1, 500),
      line("F", 1, 400),
      line("F", 1, 300),
      line("F", 1, 200),
      line("F", 1, 100),
    ];
    expect(run([b2g1], [...six, line("G", 1, 50)]).lineDiscountMinor).toEqual([0, 0, 300, 0, 0, 50]);
  });

  test("buy 1 get 1 half price", () => {
    const half = promo({
      id: "b1g1",
      reward: { kind: "multibuy", buy: 1, get: 1, percent: 50, products: ["F"] },
    });
    // 4 units of 2.50: two groups, the second unit of each at half: 2 × 1.25.
    expect(run([half], [line("F", 4, 1000)]).lineDiscountMinor).toEqual([250]);
  });

  test("a basket threshold counts only the lines the condition names", () => {
    const spend = promo({
      id: "spend",
      condition: { categories: ["wine"], minAmountMinor: 5000 },
      reward: { kind: "percent", percent: "10" },
    });
    const wine = line("V", 1, 4000, { categories: ["wine"] });
    // 40.00 of wine and 20.00 of other things: the threshold of 50.00 of wine is not met.
    expect(run([spend], [wine, line("X", 1, 2000)]).applied).toEqual([]);
    // 60.00 of wine: 10 % of the wine (the lines the condition names) = 6.00.
    const out = run([spend], [line("V", 1, 6000, { categories: ["wine"] }), line("X", 1, 2000)]);
    expect(out.lineDiscountMinor).toEqual([600, 0]);
  });

  test("happy hour on weekdays 17:00–19:00, and validity dates", () => {
    const happy = promo({
      id: "hh",
      days: [1, 2, 3, 4, 5],
      timeFrom: "17:00",
      timeTo: "19:00",
      reward: { kind: "percent", percent: "50", on: "order" },
    });
    const basket = [line("A", 1, 800)];
    expect(run([happy], basket).applied).toEqual([]);
    expect(run([happy], basket, { at: new Date("2026-12-07T17:30:00Z") }).lineDiscountMinor).toEqual([400]);
    expect(run([happy], basket, { at: new Date("2026-12-07T19:00:00Z") }).applied).toEqual([]);
    // Saturday 12 December, 17:30: not a weekday of it.
    expect(run([happy], basket, { at: new Date("2026-12-12T17:30:00Z") }).applied).toEqual([]);
    const december = promo({
      id: "dec",
      validFrom: "2026-12-01",
      validTo: "2026-12-06",
      reward: { kind: "amount", amountMinor: 100, on: "order" },
    });
    expect(run([december], basket, { at: new Date("2026-12-06T23:59:00Z") }).lineDiscountMinor).toEqual([
      100,
    ]);
    expect(run([december], basket).applied).toEqual([]);
  });

  test("customer groups: only for a customer of the group", () => {
    const staff = promo({
      id: "st",
      customerGroups: ["staff"],
      reward: { kind: "percent", percent: "15", on: "order" },
    });
    expect(run([staff], [line("A", 1, 1000)]).applied).toEqual([]);
    expect(run([staff], [line("A", 1, 1000)], { customerGroups: ["staff"] }).lineDiscountMinor).toEqual([
      150,
    ]);
  });

  test("a promo code applies only when presented, in any case, and is reported as used", () => {
    const code = promo({ id: "c", code: "SAVE5", reward: { kind: "amount", amountMinor: 500, on: "order" } });
    expect(run([code], [line("A", 1, 2000)]).applied).toEqual([]);
    const out = run([code], [line("A", 1, 2000)], { codes: ["save5"] });
    expect(out.lineDiscountMinor).toEqual([500]);
    expect(out.codesUsed).toEqual(["SAVE5"]);
  });
});

describe("combining promotions", () => {
  test("in ascending priority, each on what the earlier ones left", () => {
    // 10 % of 10.00 = 1.00 first (priority 0), then 20 % of the 9.00 left = 1.80.
    const out = run(
      [
        promo({ id: "prod", priority: 1, reward: { kind: "percent", percent: "20", products: ["A"] } }),
        promo({ id: "order", reward: { kind: "percent", percent: "10", on: "order" } }),
      ],
      [line("A", 1, 1000)],
    );
    expect(out.applied.map((p) => [p.id, p.discountMinor])).toEqual([
      ["order", 100],
      ["prod", 180],
    ]);
    expect(out.lineDiscountMinor).toEqual([280]);
  });

  test("an exclusive promotion that applies stops the ones after it; one that does not, stops nothing", () => {
    const exclusive = promo({
      id: "ex",
      exclusive: true,
      reward: { kind: "percent", percent: "30", products: ["A"] },
    });
    const later = promo({
      id: "later",
      priority: 5,
      reward: { kind: "percent", percent: "10", on: "order" },
    });
    expect(run([exclusive, later], [line("A", 1, 1000)]).applied.map((p) => p.id)).toEqual(["ex"]);
    expect(run([exclusive, later], [line("B", 1, 1000)]).applied.map((p) => p.id)).toEqual(["later"]);
  });

  test("a cap is shared among the lines in proportion to value", () => {
    // 50 % of 3.00 and 1.00 would be 1.50 and 0.50; capped at 1.00: 0.75 and 0.25.
    const out = run(
      [promo({ id: "cap", reward: { kind: "percent", percent: "50", on: "order", maxDiscountMinor: 100 } })],
      [line("A", 1, 300), line("B", 1, 100)],
    );
    expect(out.lineDiscountMinor).toEqual([75, 25]);
  });

  test("deposits take no promotion", () => {
    const out = run(
      [promo({ id: "all", reward: { kind: "percent", percent: "50", on: "order" } })],
      [line("A", 1, 200), { code: "DEP", qtyMilli: 1000, amountMinor: 25, kind: "deposit" }],
    );
    expect(out.lineDiscountMinor).toEqual([100, 0]);
  });
});
