import { describe, expect, test } from "bun:test";
import type { RecordedSale } from "../../../src/till/services.ts";
import { denominationsFor, MENU_ITEMS, refundMinor } from "../../../src/till/state/index.ts";
import { CATALOG } from "../support/catalog.ts";
import { Driver, SUPERVISOR, testEnv } from "../support/state-env.ts";

const SOLD: RecordedSale = {
  id: "0194a000-0000-7000-8000-000000000001",
  receiptNo: "S1-T1-000001",
  at: "2026-11-23T10:00:00Z",
  totalMinor: 1100 + 98,
  lines: [
    {
      lineNo: 1,
      code: "0002",
      name: "Bread",
      qtyMilli: 2000,
      unitPriceMinor: 250,
      totalMinor: 500,
      taxMinor: 0,
    },
    {
      lineNo: 2,
      code: "0003",
      name: "Coffee beans",
      qtyMilli: 3000,
      unitPriceMinor: 200,
      totalMinor: 600,
      taxMinor: 53,
    },
  ],
};

describe("returns", () => {
  test("find by receipt number, pick lines and quantities, refund with approval", () => {
    const d = new Driver().key("menu.open").send({ type: "input.text", text: "1" });
    expect(d.state.screen.kind).toBe("returns");
    d.enter("S1-T1-1");
    expect(d.lastEffect("findSale")?.query).toBe("S1-T1-1");
    d.send({ type: "sale.found", sale: SOLD });
    d.enter(); // an empty Enter (a stray key, a scanner's Enter) marks nothing
    expect(d.statusKey).toBe("error.markReturnLine");
    expect(d.state.screen.kind === "returns" && d.state.screen.picks).toEqual([]);
    d.key("line.qty"); // the mark key: all of line 1
    d.enter("4"); // more than sold of line 2
    expect(d.statusKey).toBe("error.returnTooMuch");
    d.send({ type: "input.clear" }).enter("1");
    const screen = d.state.screen;
    expect(screen.kind === "returns" && screen.picks).toEqual([
      { lineNo: 1, qtyMilli: 2000 },
      { lineNo: 2, qtyMilli: 1000 },
    ]);
    d.key("sale.total");
    expect(d.state.prompt).toMatchObject({ kind: "approval", action: "refund" });
    d.enter("9999");
    d.send({
      type: "approval.ok",
      approver: SUPERVISOR,
      pin: "9999",
      approved: d.lastEffect("approve")!.approved,
    });
    expect(d.lastEffect("recordReturn")).toEqual({
      type: "recordReturn",
      originalSaleId: SOLD.id,
      lines: [
        { code: "0002", qtyMilli: 2000 },
        { code: "0003", qtyMilli: 1000 },
      ],
      refundMinor: 500 + 200 + 18,
      refundable: [],
      inCash: false,
      approvalPin: "9999",
    });
    d.send({
      type: "return.recorded",
      receiptNo: "S1-T1-000002",
      totalMinor: 718,
      tenders: [{ type: "cash", amountMinor: 718 }],
    });
    expect(d.statusKey).toBe("ok.refunded");
  });

  test("the mark key toggles a line; a quantity typed first marks that much", () => {
    const d = new Driver().key("sale.returns");
    d.send({ type: "sale.found", sale: SOLD });
    const picks = () => (d.state.screen.kind === "returns" ? d.state.screen.picks : null);
    d.key("line.qty");
    expect(picks()).toEqual([{ lineNo: 1, qtyMilli: 2000 }]);
    d.key("cursor.up").key("line.qty");
    expect(picks()).toEqual([]);
    d.key("cursor.down").send({ type: "input.text", text: "2" }).key("line.qty");
    expect(picks()).toEqual([{ lineNo: 2, qtyMilli: 2000 }]);
  });

  test("a card sale refunds to the card; cash instead is a supervisor's choice, asked every time", () => {
    const paidByCard: RecordedSale = { ...SOLD, refundable: [{ type: "card", amountMinor: 1198 }] };
    // Refunds need no approval in this store, yet cash for a card does.
    const d = new Driver(testEnv({ approvals: { refund: false } })).key("sale.returns");
    d.send({ type: "sale.found", sale: paidByCard });
    d.key("line.qty").key("sale.total");
    expect(d.state.prompt).toBeNull();
    expect(d.lastEffect("recordReturn")).toMatchObject({ inCash: false, refundMinor: 500 });

    const c = new Driver(testEnv({ approvals: { refund: false } })).key("sale.returns");
    c.send({ type: "sale.found", sale: paidByCard });
    c.key("line.qty").key("refund.cash");
    expect(c.statusKey).toBe("info.refundInCash");
    c.key("sale.total");
    expect(c.state.prompt).toMatchObject({ kind: "approval", action: "refund" });
    expect(c.lastEffect("recordReturn")).toBeUndefined();
    c.enter("9999");
    c.send({
      type: "approval.ok",
      approver: SUPERVISOR,
      pin: "9999",
      approved: c.lastEffect("approve")!.approved,
    });
    expect(c.lastEffect("recordReturn")).toMatchObject({ inCash: true, approvalPin: "9999" });

    // A cash sale has nothing else to choose.
    const cash = new Driver().key("sale.returns");
    cash.send({ type: "sale.found", sale: { ...SOLD, refundable: [{ type: "cash", amountMinor: 1198 }] } });
    cash.key("line.qty").key("refund.cash");
    expect(cash.statusKey).toBe("error.refundAlreadyCash");
  });

  test("refunds of parts add up to the line", () => {
    const first = refundMinor(SOLD, [{ lineNo: 2, qtyMilli: 1000 }], false, "half-up");
    const rest = refundMinor(
      { ...SOLD, lines: SOLD.lines.map((l) => (l.lineNo === 2 ? { ...l, returnedMilli: 1000 } : l)) },
      [{ lineNo: 2, qtyMilli: 2000 }],
      false,
      "half-up",
    );
    expect(first + rest).toBe(653);
  });

  test("returns are refused while a sale is in progress", () => {
    const d = new Driver().enter("0001").key("sale.returns");
    expect(d.statusKey).toBe("error.finishSaleFirst");
  });
});

describe("other screens", () => {
  test("search by name adds the chosen product", () => {
    const d = new Driver().key("product.search");
    expect(d.state.screen.kind).toBe("search");
    d.send({ type: "input.text", text: "b" });
    expect(d.lastEffect("search")).toBeUndefined();
    d.send({ type: "input.text", text: "r" });
    expect(d.lastEffect("search")?.text).toBe("br");
    d.send({
      type: "search.ok",
      text: "br",
      results: CATALOG.filter((p) => p.name.toLowerCase().includes("br")),
    });
    d.enter();
    expect(d.state.screen.kind).toBe("sale");
    expect(d.state.sale.lines[0]?.code).toBe("0002");
  });

  test("an answer for text typed since is not shown; the answer for what is typed is", () => {
    const d = new Driver().key("product.search");
    d.send({ type: "input.text", text: "br" });
    d.send({ type: "input.text", text: "e" });
    d.send({ type: "search.ok", text: "br", results: CATALOG.slice(0, 2) });
    expect(d.state.screen).toEqual({ kind: "search", query: "", results: [], selected: 0 });
    d.send({ type: "search.ok", text: "bre", results: CATALOG.slice(1, 2) });
    expect(d.state.screen).toEqual({
      kind: "search",
      query: "bre",
      results: CATALOG.slice(1, 2),
      selected: 0,
    });
  });

  test("no-sale needs approval and opens the drawer with the PIN", () => {
    const d = new Driver().key("drawer.noSale").enter("9999");
    d.send({
      type: "approval.ok",
      approver: SUPERVISOR,
      pin: "9999",
      approved: d.lastEffect("approve")!.approved,
    });
    expect(d.lastEffect("openDrawer")).toEqual({ type: "openDrawer", reason: "noSale", approvalPin: "9999" });
    d.send({ type: "drawer.opened" });
    expect(d.statusKey).toBe("ok.drawerOpened");
  });

  test("no-sale without approval when the store does not ask for one", () => {
    const d = new Driver(testEnv({ approvals: { noSale: false } })).key("drawer.noSale");
    expect(d.lastEffect("openDrawer")).toEqual({ type: "openDrawer", reason: "noSale" });
  });

  test("shift close counts notes and coins", () => {
    const d = new Driver().key("shift.close");
    expect(d.state.screen.kind).toBe("shiftClose");
    d.enter("2"); // 2 × 100.00
    d.enter(); // skip 50
    d.enter("3"); // 3 × 20.00
    d.key("sale.total");
    // The store says what the drawer should hold; the cashier confirms counted, expected, difference.
    expect(d.lastEffect("shiftExpected")).toBeDefined();
    expect(d.lastEffect("closeShift")).toBeUndefined();
    d.send({ type: "shift.expected", expectedMinor: 26500 });
    expect(d.statusKey).toBe("shift.confirmClose");
    d.enter();
    expect(d.lastEffect("closeShift")?.counted).toEqual({ cash: 26000 });
    d.send({ type: "shift.closed", report: { zNumber: 1 } });
    expect(d.statusKey).toBe("ok.shiftClosed");
    expect(denominationsFor("XXX")).toEqual(denominationsFor("USD"));
  });

  test("X report loads into its screen", () => {
    const d = new Driver().key("report.x");
    expect(d.lastEffect("xReport")).toBeDefined();
    d.send({ type: "report.loaded", report: { salesCount: 3 } });
    expect(d.state.screen).toMatchObject({ kind: "xReport", report: { salesCount: 3 } });
    d.key("back");
    expect(d.state.screen.kind).toBe("sale");
  });

  test("receipt view needs a receipt; F11 again reprints", () => {
    const d = new Driver().key("receipt.view");
    expect(d.statusKey).toBe("error.noReceipt");
    d.enter("0001").key("sale.total").enter("5");
    d.send({
      type: "sale.completed",
      last: {
        saleId: "S",
        receiptNo: "R1",
        copyUrl: null,
        totalMinor: 129,
        changeMinor: 371,
        receiptText: "R",
        printed: false,
      },
    });
    d.key("receipt.view");
    expect(d.state.screen.kind).toBe("receipt");
    d.key("receipt.view");
    expect(d.lastEffect("reprint")).toBeDefined();
  });

  test("help is modal: other keys are ignored until it closes", () => {
    const d = new Driver().key("help.toggle");
    expect(d.state.help).toBe(true);
    d.key("sale.total").key("product.search");
    expect(d.state.screen.kind).toBe("sale");
    d.key("back");
    expect(d.state.help).toBe(false);
  });

  test("the menu lists commands chosen by number", () => {
    expect(MENU_ITEMS).toContain("report.x");
    const d = new Driver().key("menu.open").key("cursor.down").key("cursor.down").enter();
    expect(d.lastEffect("openDrawer") ?? d.state.prompt?.kind).toBe("approval");
  });

  test("a digit chooses from the menu; what follows it in the same text goes to the screen it opens", () => {
    const d = new Driver().key("menu.open").send({ type: "input.text", text: "1S1-T1-7" });
    expect(d.state.screen.kind).toBe("returns");
    expect(d.state.input).toBe("S1-T1-7");
    const none = new Driver().key("menu.open").send({ type: "input.text", text: "x0" });
    expect(none.state.screen.kind).toBe("menu");
    expect(none.state.input).toBe("");
  });

  test("customer message goes to the display", () => {
    const d = new Driver().key("customer.message").enter("Welcome!");
    expect(d.lastEffect("displayMessage")?.text).toBe("Welcome!");
  });

  test("while a request is on its way, Enter is not sent twice", () => {
    const d = new Driver().enter("0001").key("sale.hold");
    const count = d.effects.length;
    d.key("sale.hold").enter();
    expect(d.effects.length).toBe(count);
  });
});
