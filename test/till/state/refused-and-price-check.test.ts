import { describe, expect, test } from "bun:test";
import type { RefusedSale } from "../../../src/till/services.ts";
import { MENU_ITEMS } from "../../../src/till/state/index.ts";
import { CATALOG } from "../support/catalog.ts";
import { CASHIER, Driver, SUPERVISOR } from "../support/state-env.ts";

const REFUSED: RefusedSale[] = [
  {
    saleId: "0194a000-0000-7000-8000-0000000000a1",
    receiptNo: "S1-T1-000004",
    totalMinor: 1234,
    reason: "SALE_INCONSISTENT: totalMinor is 1234, the lines add up to 1233",
    at: "2026-11-23T10:00:00.000Z",
  },
  {
    saleId: "0194a000-0000-7000-8000-0000000000a2",
    receiptNo: "S1-T1-000009",
    totalMinor: 500,
    reason: "SALE_INCONSISTENT: taxMinor",
    at: "2026-11-23T11:00:00.000Z",
  },
];

function asSupervisor(): Driver {
  return new Driver().send({ type: "login.ok", cashier: SUPERVISOR });
}

describe("refused sales (F9 menu)", () => {
  test("is the menu's tenth entry, chosen with 0", () => {
    expect(MENU_ITEMS[9]).toBe("sales.refused");
    const d = asSupervisor().key("menu.open").send({ type: "input.text", text: "0" });
    expect(d.state.screen).toEqual({ kind: "refused", list: null, selected: 0 });
    expect(d.lastEffect("listRefused")).toBeDefined();
  });

  test("a cashier needs a supervisor's PIN; the approval opens the list", () => {
    const d = new Driver().key("sales.refused");
    expect(d.state.screen.kind).toBe("sale");
    expect(d.state.prompt).toEqual({
      kind: "approval",
      action: "refusedSales",
      approved: { type: "refused.open" },
    });
    expect(d.lastEffect("listRefused")).toBeUndefined();
    d.enter("9999");
    expect(d.lastEffect("approve")).toMatchObject({ pin: "9999", action: "refusedSales" });
    d.send({ type: "approval.ok", approver: SUPERVISOR, pin: "9999", approved: { type: "refused.open" } });
    expect(d.state.screen.kind).toBe("refused");
    expect(d.state.prompt).toBeNull();
    expect(d.lastEffect("listRefused")).toBeDefined();
    // Esc at the PIN prompt opens nothing.
    const backed = new Driver().key("sales.refused").key("back");
    expect(backed.state.prompt).toBeNull();
    expect(backed.state.screen.kind).toBe("sale");
    expect(backed.state.cashier).toEqual(CASHIER);
  });

  test("Enter exports the chosen sale, F10 sends it again and it leaves the list", () => {
    const d = asSupervisor().key("sales.refused").send({ type: "refused.listed", list: REFUSED });
    d.key("cursor.down").key("input.submit");
    expect(d.lastEffect("exportRefused")).toEqual({
      type: "exportRefused",
      saleId: REFUSED[1]?.saleId ?? "",
      receiptNo: "S1-T1-000009",
    });
    d.key("sale.total");
    expect(d.lastEffect("resendRefused")).toEqual({
      type: "resendRefused",
      saleId: REFUSED[1]?.saleId ?? "",
      receiptNo: "S1-T1-000009",
    });
    d.send({ type: "refused.resent", saleId: REFUSED[1]?.saleId ?? "", receiptNo: "S1-T1-000009" });
    expect(d.state.screen).toEqual({ kind: "refused", list: REFUSED.slice(0, 1), selected: 0 });
    expect(d.statusKey).toBe("ok.refusedResent");
    d.key("back");
    expect(d.state.screen.kind).toBe("sale");
  });

  test("an empty list exports and sends nothing; a list that cannot be read goes back with why", () => {
    const d = asSupervisor().key("sales.refused").send({ type: "refused.listed", list: [] });
    const before = d.effects.length;
    d.key("input.submit").key("sale.total");
    expect(d.effects.length).toBe(before);
    const failed = asSupervisor()
      .key("sales.refused")
      .send({ type: "request.failed", message: { text: "disk error" } });
    expect(failed.state.screen.kind).toBe("sale");
    expect(failed.state.status).toEqual({ tone: "error", message: { text: "disk error" } });
  });
});

describe("price check", () => {
  test("looks codes up one after another without touching the sale; Esc closes it", () => {
    const code = CATALOG[1]?.code ?? "";
    const d = new Driver().enter(code);
    const lines = d.state.sale.lines;
    d.key("price.check");
    expect(d.state.prompt).toEqual({ kind: "priceCheck" });
    d.enter(code);
    expect(d.lastEffect("priceCheck")).toEqual({ type: "priceCheck", code });
    // Only the sale's own scan was a lookup for the sale.
    expect(d.effects.filter((e) => e.type === "lookup")).toHaveLength(1);
    // Still open for the next code.
    expect(d.state.prompt).toEqual({ kind: "priceCheck" });
    expect(d.state.input).toBe("");
    d.enter("4011");
    expect(d.lastEffect("priceCheck")?.code).toBe("4011");
    expect(d.state.sale.lines).toBe(lines);
    d.key("back");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toBe(lines);
  });

  test("an empty Enter closes it", () => {
    const d = new Driver().key("price.check").enter();
    expect(d.state.prompt).toBeNull();
    expect(d.lastEffect("priceCheck")).toBeUndefined();
  });
});
