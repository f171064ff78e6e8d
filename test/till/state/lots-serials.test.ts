import { describe, expect, test } from "bun:test";
import { Driver, SUPERVISOR } from "../support/state-env.ts";

// testEnv's now is 2026-11-23T12:00:00Z (UTC store).
const DROPS = "09506000134352";
const PHONE = "4006381333931";

function scan(d: Driver, text: string): Driver {
  return d.send({ type: "input.scanned", text });
}

describe("GS1 labels at the till", () => {
  test("a GS1 scan rings its GTIN with the lot and expiry on the line", () => {
    const d = scan(new Driver(), `(01)${DROPS}(17)271231(10)LOT42`);
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toMatchObject([{ code: DROPS, lot: "LOT42", expiry: "2027-12-31" }]);
  });

  test("an unreadable GS1 label says so and adds nothing", () => {
    const d = scan(new Driver(), "(01)09506000134353(10)X");
    expect(d.statusKey).toBe("error.gs1Unreadable");
    expect(d.state.sale.lines).toEqual([]);
  });

  test("an expired lot needs a supervisor; the approval is journaled with the sale", () => {
    const d = scan(new Driver(), `]C101${DROPS}17261122` + "10OLD1");
    expect(d.state.sale.lines).toEqual([]);
    expect(d.state.prompt).toMatchObject({ kind: "approval", action: "expiredLot" });
    d.enter("9999");
    const approve = d.lastEffect("approve");
    expect(approve).toMatchObject({ action: "expiredLot", approved: { type: "lot.expired" } });
    if (approve === undefined) throw new Error("no approval asked");
    d.send({
      type: "approval.ok",
      approver: { ...SUPERVISOR, proof: { grantId: "018f0000-0000-7000-8000-000000000001" } },
      pin: "9999",
      approved: approve.approved,
    });
    expect(d.state.sale.lines).toMatchObject([{ code: DROPS, lot: "OLD1", expiry: "2026-11-22" }]);
    expect(d.state.sale.audit).toMatchObject([
      {
        action: "expired.sold",
        approvedBy: "u-sue",
        detail: { code: DROPS, lot: "OLD1", expiry: "2026-11-22" },
      },
    ]);
  });

  test("a lot expiring today is still sold without asking", () => {
    const d = scan(new Driver(), `(01)${DROPS}(17)261123(10)L`);
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toHaveLength(1);
  });

  test("Esc at the supervisor prompt sells nothing", () => {
    const d = scan(new Driver(), `(01)${DROPS}(17)200101(10)L`).key("back");
    expect(d.state.sale.lines).toEqual([]);
  });
});

describe("serialised products", () => {
  test("ringing one asks for the serial; a typed serial goes on the line", () => {
    const d = new Driver().enter(PHONE);
    expect(d.state.prompt).toMatchObject({ kind: "serial" });
    expect(d.state.sale.lines).toEqual([]);
    d.enter("SN-000123");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toMatchObject([{ code: PHONE, serial: "SN-000123", qtyMilli: 1000 }]);
  });

  test("a GS1 scan with AI 21 answers the serial prompt", () => {
    const d = new Driver().enter(PHONE);
    scan(d, `]d201${"0".concat(PHONE)}21IMEI356938035643809`);
    expect(d.state.sale.lines).toMatchObject([{ code: PHONE, serial: "IMEI356938035643809" }]);
  });

  test("a GS1 label with the serial rings the product without asking", () => {
    const d = scan(new Driver(), `(01)0${PHONE}(21)ABC123`);
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toMatchObject([{ code: PHONE, serial: "ABC123" }]);
  });

  test("a scan cannot answer the serial prompt with a non-serial", () => {
    const d = new Driver().enter(PHONE);
    scan(d, PHONE);
    expect(d.statusKey).toBe("error.notASerial");
    expect(d.state.prompt).toMatchObject({ kind: "serial" });
    scan(d, `(01)0${PHONE}(10)LOT1`);
    expect(d.statusKey).toBe("error.notASerial");
    scan(d, "4006381333931");
    expect(d.state.sale.lines).toEqual([]);
    scan(d, "SER 1");
    expect(d.statusKey).toBe("error.badSerial");
    expect(d.state.sale.lines).toEqual([]);
  });

  test("the same serial twice in a sale is refused; more than one unit per line too", () => {
    const d = new Driver().enter(PHONE).enter("S1").enter(PHONE).enter("S1");
    expect(d.statusKey).toBe("error.serialInSale");
    expect(d.state.sale.lines).toHaveLength(1);
    d.key("back").enter(`2*${PHONE}`);
    expect(d.statusKey).toBe("error.serialOneEach");
  });

  test("the serial goes to the store with the line", async () => {
    const { toTillLine } = await import("../../../src/till/state/basket.ts");
    const d = new Driver().enter(PHONE).enter("S9");
    const line = d.state.sale.lines[0];
    if (line === undefined) throw new Error("no line");
    expect(toTillLine(line)).toMatchObject({ code: PHONE, serial: "S9" });
  });
});
