/** A custom tender's id may not be one of the built-in tender types the store records itself. */
import { expect, test } from "bun:test";
import { customTenderIdSchema } from "../../src/core/custom-tenders.ts";

test("built-in tender types, the exchange's credit and cash on delivery are not custom tender ids", () => {
  for (const id of ["cash", "card", "exchange", "custom", "cash_on_delivery"])
    expect({ id, ok: customTenderIdSchema.safeParse(id).success }).toEqual({ id, ok: false });
  expect(customTenderIdSchema.safeParse("meal_ticket").success).toBe(true);
});
