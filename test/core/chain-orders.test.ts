/** The store's order id derived from a chain order's, and a central order's distribution checked. */
import { describe, expect, test } from "bun:test";
import { z } from "zod";
import { distributionProblem, storeOrderId } from "../../src/core/chain-orders.ts";

describe("a store's order id", () => {
  test("is a UUID, the same every time, and differs per store and per chain order", () => {
    const chain = "01a24eb7-b6ca-7037-913b-66ee0ea8e214";
    const s1 = storeOrderId(chain, "S1");
    expect(z.uuid().safeParse(s1).success).toBe(true);
    expect(s1.charAt(14)).toBe("8");
    expect(storeOrderId(chain.toUpperCase(), "S1")).toBe(s1);
    expect(storeOrderId(chain, "S2")).not.toBe(s1);
    expect(storeOrderId("01a24eb7-b6ca-7037-913b-66ee0ea8e215", "S1")).not.toBe(s1);
  });
});

describe("a central order's distribution", () => {
  const ordered = [
    { code: "MILK", qtyMilli: 20_000 },
    { code: "EGGS", qtyMilli: 6_000 },
  ];
  test("may hand out up to what was ordered of each product", () => {
    expect(
      distributionProblem(ordered, [
        { storeId: "S1", lines: [{ code: "MILK", qtyMilli: 8_000 }] },
        {
          storeId: "S2",
          lines: [
            { code: "MILK", qtyMilli: 12_000 },
            { code: "EGGS", qtyMilli: 1_000 },
          ],
        },
      ]),
    ).toBeNull();
  });
  test("names a product distributed beyond its order, or not on it", () => {
    expect(
      distributionProblem(ordered, [
        { storeId: "S1", lines: [{ code: "MILK", qtyMilli: 8_000 }] },
        { storeId: "S2", lines: [{ code: "MILK", qtyMilli: 12_001 }] },
      ]),
    ).toEqual({
      path: "distribution.1.lines.0.qty",
      message: "MILK is distributed 20.001 in all, more than the 20 ordered",
    });
    expect(
      distributionProblem(ordered, [{ storeId: "S1", lines: [{ code: "BREAD", qtyMilli: 1 }] }]),
    ).toEqual({
      path: "distribution.0.lines.0.code",
      message: "BREAD is not on the order",
    });
  });
});
