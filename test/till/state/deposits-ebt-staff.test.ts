import { describe, expect, test } from "bun:test";
import { CASHIER, Driver, testEnv } from "../support/state-env.ts";

const codes = (d: Driver) => d.state.sale.lines.map((l) => [l.code, l.kind ?? null, l.qtyMilli]);

describe("linked deposits", () => {
  test("ringing a product rings its deposit with it, linked, of the same quantity", () => {
    const d = new Driver().enter("2*0010");
    expect(codes(d)).toEqual([
      ["0010", null, 2000],
      ["0100", "deposit", 2000],
    ]);
    expect(d.state.sale.lines[1]?.linkedTo).toBe(d.state.sale.lines[0]?.id);
    // 2 × 1.99 + 8.875% tax (0.35) + 2 × 0.10 deposit, untaxed
    expect(d.state.quote?.totalMinor).toBe(398 + 35 + 20);
    expect(d.state.quote?.lines[1]).toMatchObject({ kind: "deposit", linkedLine: 0 });
  });

  test("voiding or changing the product does the same to its deposit; the deposit alone refuses", () => {
    const d = new Driver().enter("0001").enter("0010");
    d.key("line.void");
    expect(d.statusKey).toBe("error.depositLinked");
    expect(d.state.sale.lines).toHaveLength(3);
    d.key("line.discount");
    expect(d.statusKey).toBe("error.depositLinked");
    d.key("cursor.up").enter("3*");
    expect(codes(d)).toEqual([
      ["0001", null, 1000],
      ["0010", null, 3000],
      ["0100", "deposit", 3000],
    ]);
    d.key("line.void");
    expect(codes(d)).toEqual([["0001", null, 1000]]);
    expect(d.state.sale.audit.at(-1)).toMatchObject({ action: "line.voided", detail: { code: "0010" } });
  });

  test("returned empties ring as a negative deposit line, by the deposit's code or the product's", () => {
    const d = new Driver().enter("0001").key("deposit.return");
    expect(d.state.prompt?.kind).toBe("depositReturn");
    d.enter("3*0010");
    d.key("deposit.return").enter("0100");
    expect(codes(d)).toEqual([
      ["0001", null, 1000],
      ["0100", "depositReturn", -3000],
      ["0100", "depositReturn", -1000],
    ]);
    expect(d.state.quote?.totalMinor).toBe(129 - 40);
  });

  test("a sale with returned empties is not held: they are paid out now", () => {
    const d = new Driver().enter("0010").key("deposit.return").enter("0100").key("sale.hold");
    expect(d.statusKey).toBe("error.holdEmpties");
    expect(d.lastEffect("holdSale")).toBeUndefined();
  });

  test("a sale of empties only pays the customer out: the change is the deposit", () => {
    const d = new Driver().key("deposit.return").enter("5*0100").key("sale.total").enter();
    const done = d.lastEffect("completeSale");
    expect(done?.sale.quote.totalMinor).toBe(-50);
    expect(done?.sale.changeMinor).toBe(50);
    expect(done?.sale.tenders).toEqual([]);
    expect(done?.sale.lines).toEqual([{ code: "0100", qtyMilli: -5000, kind: "depositReturn" }]);
  });
});

describe("EBT", () => {
  test("EBT pays at most the eligible items; above it is refused with the eligible amount", () => {
    const d = new Driver().enter("0011").enter("0003").key("sale.total");
    d.send({ type: "input.text", text: "3.01" }).key("payment.ebt");
    expect(d.statusKey).toBe("error.ebtAboveEligible");
    expect(d.state.status?.message).toMatchObject({ params: { eligibleMinor: 300 } });
    expect(d.state.sale.tenders).toEqual([]);
    d.key("payment.ebt");
    expect(d.state.sale.tenders).toEqual([{ type: "ebt", amountMinor: 300 }]);
    d.key("payment.ebt");
    expect(d.statusKey).toBe("error.nothingEligible");
    d.enter();
    expect(d.lastEffect("completeSale")?.sale.tenders).toEqual([
      { type: "ebt", amountMinor: 300 },
      { type: "cash", amountMinor: 1099 + 98 },
    ]);
  });

  test("a sale with nothing eligible takes no EBT", () => {
    const d = new Driver().enter("0001").key("sale.total").key("payment.ebt");
    expect(d.statusKey).toBe("error.nothingEligible");
  });
});

describe("staff discount", () => {
  test("the staff member's PIN asks the store; their percent becomes the sale's discount, journaled", () => {
    const d = new Driver().enter("0002").key("sale.staffDiscount");
    expect(d.state.prompt?.kind).toBe("staffPin");
    d.enter("1234");
    expect(d.lastEffect("staffDiscount")).toEqual({ type: "staffDiscount", pin: "1234" });
    d.send({ type: "staff.found", staff: { userId: CASHIER.id, name: CASHIER.name, percent: "20" } });
    expect(d.state.quote?.discountMinor).toBe(50);
    expect(d.state.sale.staff?.userId).toBe(CASHIER.id);
    expect(d.statusKey).toBe("ok.staffDiscount");
    expect(d.state.sale.audit.at(-1)).toMatchObject({
      action: "discount.given",
      detail: { percent: "20", staffId: CASHIER.id, reason: "staff" },
    });
  });

  test("a refused PIN leaves the sale as it was", () => {
    const d = new Driver(testEnv()).enter("0002").key("sale.staffDiscount").enter("9999");
    d.send({ type: "request.failed", message: { key: "error.noStaffDiscount" } });
    expect(d.state.sale.discount).toBeUndefined();
    expect(d.statusKey).toBe("error.noStaffDiscount");
  });
});
