/** A delivery for the last sale from the dispatch list: the typed line read as address and phone. */
import { describe, expect, test } from "bun:test";
import { addressAndPhone } from "../../../src/till/state/delivery-create.ts";
import { Driver } from "../support/state-env.ts";

describe("a delivery made at the till", () => {
  test("the phone is what follows the last comma", () => {
    expect(addressAndPhone("3 Elm St, Apt 2, +1 555 0100")).toEqual({
      address: "3 Elm St, Apt 2",
      phone: "+1 555 0100",
    });
    expect(addressAndPhone("3 Elm St")).toBeNull();
    expect(addressAndPhone("3 Elm St, call me")).toBeNull();
    expect(addressAndPhone(", +1 555 0100")).toBeNull();
  });

  test("without a sale paid, there is nothing to deliver; nothing is asked of the store", () => {
    const d = new Driver();
    d.state = {
      ...d.state,
      screen: { kind: "deliveries", list: [], selected: 0 },
      input: "3 Elm St, 5550100",
    };
    d.key("sale.total");
    expect(d.statusKey).toBe("error.noReceipt");
    expect(d.lastEffect("createDelivery")).toBeUndefined();
  });
});
