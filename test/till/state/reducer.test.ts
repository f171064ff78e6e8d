import { describe, expect, test } from "bun:test";
import { paymentProgress } from "../../../src/till/state/index.ts";
import { findProduct } from "../support/catalog.ts";
import { CASHIER, Driver, SUPERVISOR, testEnv } from "../support/state-env.ts";

describe("log-in and lock", () => {
  test("a PIN goes to the store; success opens the sale screen", () => {
    const d = new Driver(testEnv(), false);
    expect(d.state.screen.kind).toBe("login");
    d.enter("1234");
    expect(d.lastEffect("login")).toEqual({ type: "login", pin: "1234" });
    expect(d.state.busy).toBe(true);
    expect(d.state.input).toBe("");
    d.send({ type: "login.ok", cashier: CASHIER });
    expect(d.state.screen.kind).toBe("sale");
    expect(d.state.cashier?.name).toBe("Ann");
  });

  test("a refused PIN stays on the log-in screen with the reason", () => {
    const d = new Driver(testEnv(), false).enter("0000");
    d.send({ type: "request.failed", message: { key: "error.pinRefused" } });
    expect(d.state.screen.kind).toBe("login");
    expect(d.state.busy).toBe(false);
    expect(d.statusKey).toBe("error.pinRefused");
  });

  test("locking keeps the sale in progress", () => {
    const d = new Driver().enter("0001").key("till.lock");
    expect(d.state.screen.kind).toBe("login");
    expect(d.state.cashier).toBeNull();
    expect(d.lastEffect("logout")).toBeDefined();
    d.send({ type: "login.ok", cashier: CASHIER });
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["0001"]);
  });

  test("quit only from the log-in screen", () => {
    const d = new Driver().key("till.quit");
    expect(d.lastEffect("quit")).toBeUndefined();
    expect(d.statusKey).toBe("info.lockToQuit");
    d.key("till.lock").key("till.quit");
    expect(d.lastEffect("quit")).toBeDefined();
  });
});

describe("ringing up", () => {
  test("codes and N* quantities become priced lines", () => {
    const d = new Driver().enter("0001").enter("3*0002").enter("0003");
    expect(d.state.sale.lines.map((l) => [l.code, l.qtyMilli])).toEqual([
      ["0001", 1000],
      ["0002", 3000],
      ["0003", 1000],
    ]);
    // 1.29 + 7.50 + 10.99 (+ 8.875% tax on coffee: 0.98) = 20.76
    expect(d.state.quote?.totalMinor).toBe(129 + 750 + 1099 + 98);
    expect(d.lastEffect("display")).toMatchObject({ show: "item", name: "Coffee beans", amountMinor: 1099 });
  });

  test("a scanner burst of text then Enter adds the line", () => {
    const d = new Driver().send({ type: "input.text", text: "2*0001" }, { type: "input.submit" });
    expect(d.state.sale.lines[0]?.qtyMilli).toBe(2000);
  });

  test("bad quantity, missing code, fractional units and unknown codes are refused", () => {
    const d = new Driver();
    d.enter("3*");
    expect(d.statusKey).toBe("error.missingCode");
    d.send({ type: "input.clear" }).enter("0.5*0001");
    expect(d.statusKey).toBe("error.wholeQuantity");
    d.send({ type: "input.clear" }).enter("9999");
    expect(d.statusKey).toBe("error.unknownCode");
    expect(d.state.sale.lines).toHaveLength(0);
  });

  test("weighed items: typed weight, prompt without a scale, scale read with one", () => {
    const d = new Driver().enter("0.455*4011");
    expect(d.state.sale.lines[0]).toMatchObject({ qtyMilli: 455, soldByWeight: true });
    d.enter("4011");
    expect(d.state.prompt?.kind).toBe("weight");
    d.enter("abc");
    expect(d.statusKey).toBe("error.badWeight");
    d.send({ type: "input.clear" }).enter("1.2");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines[1]?.qtyMilli).toBe(1200);

    const s = new Driver(testEnv({}, true)).enter("0005");
    expect(s.lastEffect("weigh")?.product.code).toBe("0005");
    expect(s.state.busy).toBe(true);
    s.send({ type: "weight.ok", product: findProduct("0005")!, weightMilli: 750 });
    expect(s.state.sale.lines[0]?.qtyMilli).toBe(750);
    expect(s.state.busy).toBe(false);
  });

  test("a count label rings its pieces at the unit price; a weighed item still asks for its weight", () => {
    const milk = findProduct("0001")!;
    const d = new Driver().send({
      type: "lookup.ok",
      lookup: { product: milk, qtyMilli: 6000, qtyKind: "count" },
      qtyMilli: null,
    });
    expect(d.state.sale.lines[0]).toMatchObject({
      code: "0001",
      qtyMilli: 6000,
      unitPriceMinor: 129,
      priceGiven: false,
      soldByWeight: false,
    });
    expect(d.state.quote?.totalMinor).toBe(774);

    // Pieces are no weight: a weighed item's count label asks for the weight as a plain scan does.
    const apples = findProduct("0005")!;
    d.send({
      type: "lookup.ok",
      lookup: { product: apples, qtyMilli: 3000, qtyKind: "count" },
      qtyMilli: null,
    });
    expect(d.state.prompt?.kind).toBe("weight");
    expect(d.state.sale.lines).toHaveLength(1);
    // A weight label's weight is taken as it is.
    d.send({ type: "input.clear" }).send({
      type: "lookup.ok",
      lookup: { product: apples, qtyMilli: 1250, qtyKind: "weight" },
      qtyMilli: null,
    });
    expect(d.state.sale.lines[1]).toMatchObject({ code: "0005", qtyMilli: 1250, soldByWeight: true });
  });

  test("open-price items ask for the price", () => {
    const d = new Driver().enter("2*0004");
    expect(d.state.prompt).toMatchObject({ kind: "price", qtyMilli: 2000 });
    d.enter("3.50");
    expect(d.state.sale.lines[0]).toMatchObject({ unitPriceMinor: 350, priceGiven: true, qtyMilli: 2000 });
    expect(d.state.quote?.totalMinor).toBe(700);
  });

  test("Esc cancels a prompt and keeps the sale", () => {
    const d = new Driver().enter("0001").enter("0004").key("back");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toHaveLength(1);
  });

  test("void the last line, or the selected one", () => {
    const d = new Driver().enter("0001").enter("0002").enter("0003");
    d.key("line.void");
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["0001", "0002"]);
    d.key("cursor.up").key("line.void");
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["0002"]);
    expect(d.state.sale.audit.map((a) => a.action)).toEqual(["line.voided", "line.voided"]);
    expect(d.state.sale.audit[0]?.userId).toBe("u-ann");
  });

  test("a void after total needs a supervisor", () => {
    const d = new Driver().enter("0001").enter("0002").key("sale.total").key("back").key("line.void");
    expect(d.state.prompt).toMatchObject({ kind: "approval", action: "voidAfterTotal" });
    d.enter("9999");
    const approve = d.lastEffect("approve");
    expect(approve).toMatchObject({ pin: "9999", action: "voidAfterTotal" });
    d.send({ type: "approval.ok", approver: SUPERVISOR, pin: "9999", approved: approve!.approved });
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["0001"]);
    expect(d.state.sale.audit[0]).toMatchObject({ action: "line.voided", approvedBy: "u-sue" });
  });

  test("a refused supervisor PIN does not stay on the status line once a right one is taken", () => {
    const d = new Driver().enter("0001").enter("0002").key("sale.total").key("back").key("line.void");
    d.enter("0000");
    d.send({ type: "request.failed", message: { key: "error.pinRefused" } });
    expect(d.statusKey).toBe("error.pinRefused");
    expect(d.state.prompt?.kind).toBe("approval");
    d.enter("9999");
    d.send({
      type: "approval.ok",
      approver: SUPERVISOR,
      pin: "9999",
      approved: d.lastEffect("approve")!.approved,
    });
    expect(d.statusKey).toBe("info.lineVoided");
    d.key("line.price").enter("1.00").enter("0000");
    d.send({ type: "request.failed", message: { key: "error.pinRefused" } });
    d.enter("9999");
    d.send({
      type: "approval.ok",
      approver: SUPERVISOR,
      pin: "9999",
      approved: d.lastEffect("approve")!.approved,
    });
    expect(d.state.status).toBeNull();
  });

  test("price override with approval; discounts without (store default)", () => {
    const d = new Driver().enter("0002").key("line.price").enter("2.00");
    expect(d.state.prompt?.kind).toBe("approval");
    const approved = d.lastEffect("approve")?.approved;
    expect(approved).toBeUndefined();
    d.enter("9999");
    d.send({
      type: "approval.ok",
      approver: SUPERVISOR,
      pin: "9999",
      approved: d.lastEffect("approve")!.approved,
    });
    expect(d.state.sale.lines[0]).toMatchObject({ unitPriceMinor: 200, priceGiven: true });
    d.key("line.discount").enter("10%");
    expect(d.state.quote?.totalMinor).toBe(180);
    d.key("menu.open").send({ type: "input.text", text: "4" });
    expect(d.state.prompt?.kind).toBe("saleDiscount");
    d.enter("0.30");
    expect(d.state.quote?.totalMinor).toBe(150);
    expect(d.state.sale.audit.map((a) => a.action)).toEqual([
      "price.overridden",
      "discount.given",
      "discount.given",
    ]);
  });

  test("a discount larger than the line is refused by the pricing engine", () => {
    const d = new Driver().enter("0001").key("line.discount").enter("5.00");
    expect(d.state.status?.tone).toBe("error");
    expect(d.state.sale.lines[0]?.discount).toBeUndefined();
  });

  test("an error never loses the sale", () => {
    const d = new Driver().enter("0001").enter("0002");
    d.send({ type: "request.failed", message: { key: "error.offline" } });
    expect(d.state.sale.lines).toHaveLength(2);
    expect(d.statusKey).toBe("error.offline");
  });
});

describe("payment", () => {
  test("cash with change completes the sale", () => {
    const d = new Driver().enter("0001").enter("3*0002").key("sale.total");
    expect(d.state.screen.kind).toBe("payment");
    d.enter("10");
    const effect = d.lastEffect("completeSale");
    expect(effect?.sale.tenders).toEqual([{ type: "cash", amountMinor: 1000 }]);
    expect(effect?.sale.changeMinor).toBe(1000 - 879);
    expect(effect?.sale.lines).toEqual([
      { code: "0001", qtyMilli: 1000 },
      { code: "0002", qtyMilli: 3000 },
    ]);
    d.send({ type: "sale.numbered", receiptNo: "S1-T1-000001" });
    d.send({
      type: "sale.completed",
      last: {
        saleId: "S",
        receiptNo: "S1-T1-000001",
        copyUrl: null,
        totalMinor: 879,
        changeMinor: 121,
        receiptText: "…",
        printed: false,
      },
    });
    expect(d.state.screen.kind).toBe("sale");
    expect(d.state.sale.lines).toHaveLength(0);
    expect(d.state.lastSale?.changeMinor).toBe(121);
    expect(d.statusKey).toBe("ok.saleComplete");
  });

  test("empty Enter is exact cash, rounded to the smallest coin", () => {
    const d = new Driver(testEnv({ cashRoundingMinor: 5, currency: "CHF" })).enter("0001").key("sale.total");
    d.enter();
    expect(d.lastEffect("completeSale")?.sale.tenders).toEqual([{ type: "cash", amountMinor: 130 }]);
    expect(d.lastEffect("completeSale")?.sale.cashRoundingMinor).toBe(1);
  });

  test("split tenders: card for part, cash for the rest", () => {
    const d = new Driver().enter("3*0002").key("sale.total");
    // No terminal connected: the cashier confirms that the standalone terminal approved.
    d.send({ type: "input.text", text: "5" }).key("payment.card").enter();
    expect(d.lastEffect("completeSale")).toBeUndefined();
    expect(paymentProgress(d.state.quote!, d.state.sale.tenders, d.env.settings).remainingMinor).toBe(250);
    d.enter("2");
    expect(d.lastEffect("completeSale")).toBeUndefined();
    d.key("payment.card").enter();
    expect(d.lastEffect("completeSale")?.sale.tenders).toEqual([
      { type: "card", amountMinor: 500 },
      { type: "cash", amountMinor: 200 },
      { type: "card", amountMinor: 50 },
    ]);
  });

  test("a card may not pay more than is due; the last tender can be taken back", () => {
    const d = new Driver().enter("0001").key("sale.total");
    d.send({ type: "input.text", text: "50" }).key("payment.card");
    expect(d.state.status?.tone).toBe("error");
    expect(d.state.sale.tenders).toHaveLength(0);
    d.enter("1");
    expect(d.state.sale.tenders).toHaveLength(1);
    d.key("back");
    expect(d.statusKey).toBe("error.tendersTaken");
    d.key("line.void");
    expect(d.state.sale.tenders).toHaveLength(0);
    d.key("back");
    expect(d.state.screen.kind).toBe("sale");
  });

  test("a failed completion keeps the sale and Enter retries it with the same receipt number", () => {
    const d = new Driver().enter("0001").key("sale.total").enter("5");
    d.send({ type: "sale.numbered", receiptNo: "S1-T1-000007" });
    d.send({ type: "request.failed", message: { text: "disk full" } });
    expect(d.state.screen.kind).toBe("payment");
    expect(d.state.sale.lines).toHaveLength(1);
    d.enter();
    expect(d.lastEffect("completeSale")?.receiptNo).toBe("S1-T1-000007");
    expect(d.lastEffect("completeSale")?.sale.tenders).toEqual([{ type: "cash", amountMinor: 500 }]);
  });

  test("total of an empty sale is refused", () => {
    const d = new Driver().key("sale.total");
    expect(d.statusKey).toBe("error.emptySale");
    expect(d.state.screen.kind).toBe("sale");
  });
});

describe("hold and resume", () => {
  test("hold sends the lines and starts a new sale; resume lists and restores", () => {
    const d = new Driver().enter("2*0001").key("sale.hold");
    expect(d.lastEffect("holdSale")).toMatchObject({
      lines: [{ code: "0001", qtyMilli: 2000 }],
      cashierId: "u-ann",
    });
    d.send({ type: "sale.held" });
    expect(d.state.sale.lines).toHaveLength(0);
    d.key("sale.resume");
    expect(d.state.screen).toMatchObject({ kind: "held", list: null });
    d.send({
      type: "held.listed",
      list: [
        {
          id: "h1",
          label: null,
          heldAt: "",
          tillId: "T1",
          lines: 1,
          cashierName: null,
          basket: [],
          totalMinor: null,
          items: [],
        },
      ],
    });
    d.enter();
    expect(d.lastEffect("resumeHeld")?.id).toBe("h1");
    const milk = findProduct("0001")!;
    d.send({
      type: "held.resumed",
      lines: [
        {
          code: "0001",
          name: milk.name,
          unit: "each",
          qtyMilli: 2000,
          unitPriceMinor: 129,
          priceGiven: false,
          taxClass: null,
          soldByWeight: false,
        },
      ],
    });
    expect(d.state.screen.kind).toBe("sale");
    expect(d.state.quote?.totalMinor).toBe(258);
  });

  test("hold sends the sale discount and audit; resume restores them and the total", () => {
    const d = new Driver().enter("2*0001").enter("0003").key("sale.discount").enter("10%");
    const total = d.state.quote?.totalMinor;
    d.key("sale.hold");
    const hold = d.lastEffect("holdSale")!;
    expect(hold.discount).toEqual({ percent: "10" });
    expect(hold.audit.map((a) => a.action)).toEqual(["discount.given"]);
    d.send({ type: "sale.held" });
    const milk = findProduct("0001")!;
    const coffee = findProduct("0003")!;
    const line = (p: typeof milk, qtyMilli: number) => ({
      code: p.code,
      name: p.name,
      unit: p.unit,
      qtyMilli,
      unitPriceMinor: p.priceMinor,
      priceGiven: false,
      taxClass: p.taxClass,
      soldByWeight: p.soldByWeight,
    });
    d.send({
      type: "held.resumed",
      lines: [line(milk, 2000), line(coffee, 1000)],
      ...(hold.discount ? { discount: hold.discount } : {}),
      audit: hold.audit,
      cashierId: hold.cashierId,
    });
    expect(d.state.quote?.totalMinor).toBe(total);
    expect(d.state.sale.audit).toEqual(hold.audit);
    expect(d.state.sale.cashierId).toBe("u-ann");
  });

  test("resume with a sale in progress is refused; a failed list returns to the sale", () => {
    const d = new Driver().enter("0001").key("sale.resume");
    expect(d.statusKey).toBe("error.finishSaleFirst");
    const e = new Driver().key("sale.resume");
    e.send({ type: "request.failed", message: { key: "error.offline" } });
    expect(e.state.screen.kind).toBe("sale");
    expect(e.statusKey).toBe("error.offline");
  });
});
