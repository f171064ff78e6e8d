/**
 * The shop's own tenders at the till: Ctrl+Y in payment lists those synced from the store, the
 * cashier picks one by its number for the typed amount (or what is still due); one that gives
 * no change may not pay more than is due, one with a most per sale not more than that, and the
 * sale's document carries it under its id. One that opens the drawer asks for the drawer.
 */
import { describe, expect, test } from "bun:test";
import type { CustomTender } from "../../../src/core/custom-tenders.ts";
import { Driver, testEnv } from "../support/state-env.ts";

const TENDERS: CustomTender[] = [
  { id: "voucher", name: "Paper voucher", changeAllowed: false, maxPerSaleMinor: 300, opensDrawer: true },
  { id: "meal_ticket", name: "Meal ticket", changeAllowed: true },
];

function driver(): Driver {
  return new Driver({ ...testEnv(), customTenders: TENDERS });
}

describe("custom tenders at the till", () => {
  test("Ctrl+Y lists them; a number picks one for the typed amount, the rest in cash", () => {
    // Bread 2.50.
    const d = driver().enter("0002").key("sale.total");
    d.send({ type: "input.text", text: "1.50" });
    d.key("payment.custom");
    expect(d.state.prompt).toMatchObject({ kind: "customTender", amountMinor: 150 });
    d.enter("1");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.tenders).toEqual([{ type: "voucher", amountMinor: 150 }]);
    d.enter("");
    const sale = d.lastEffect("completeSale")?.sale;
    expect(sale?.tenders).toEqual([
      { type: "voucher", amountMinor: 150 },
      { type: "cash", amountMinor: 100 },
    ]);
    expect(sale?.tenderNames).toEqual({ voucher: "Paper voucher" });
    expect(sale?.opensDrawer).toBe(true);
  });

  test("one that gives change may pay more than is due; one that gives none may not, nor over its most", () => {
    const over = driver().enter("0002").key("sale.total");
    over.send({ type: "input.text", text: "3.00" });
    over.key("payment.custom").enter("2");
    const sale = over.lastEffect("completeSale")?.sale;
    expect(sale?.tenders).toEqual([{ type: "meal_ticket", amountMinor: 300 }]);
    expect(sale?.changeMinor).toBe(50);
    expect(sale?.opensDrawer).toBeUndefined();

    const noChange = driver().enter("0002").enter("0002").key("sale.total");
    noChange.send({ type: "input.text", text: "3.50" });
    noChange.key("payment.custom").enter("voucher");
    expect(noChange.statusKey).toBe("error.customTenderOverMax");
    expect(noChange.state.sale.tenders).toEqual([]);

    const change = driver().enter("0002").key("sale.total");
    change.send({ type: "input.text", text: "2.60" });
    change.key("payment.custom").enter("1");
    expect(change.statusKey).toBe("error.changeNotAllowed");
    expect(change.state.sale.tenders).toEqual([]);
  });

  test("an unknown choice is refused and the list stays; none synced says so", () => {
    const d = driver().enter("0002").key("sale.total").key("payment.custom");
    d.enter("9");
    expect(d.statusKey).toBe("error.unknownCustomTender");
    expect(d.state.prompt?.kind).toBe("customTender");
    d.key("back");
    expect(d.state.prompt).toBeNull();

    const none = new Driver().enter("0002").key("sale.total").key("payment.custom");
    expect(none.statusKey).toBe("error.noCustomTenders");
    expect(none.state.prompt).toBeNull();
  });
});
