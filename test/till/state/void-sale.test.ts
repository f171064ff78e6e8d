/** Voiding the whole sale: asked first, approved after total, journaled with its own entry. */
import { describe, expect, test } from "bun:test";
import { Driver, SUPERVISOR, testEnv } from "../support/state-env.ts";

describe("void the whole sale", () => {
  test("asks yes or no first; an empty Enter or anything but yes leaves the sale", () => {
    const d = new Driver().enter("0001").enter("0003").key("sale.void");
    expect(d.state.prompt).toMatchObject({ kind: "confirm", confirmed: { type: "sale.void" } });
    d.enter();
    expect(d.state.prompt?.kind).toBe("confirm");
    d.enter("n");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toHaveLength(2);
    expect(d.lastEffect("cancelSale")).toBeUndefined();
    expect(d.statusKey).toBe("info.notDone");
  });

  test("yes voids it and journals the void with the sale's audit", () => {
    const d = new Driver().enter("0001").enter("0003");
    d.key("line.void");
    const total = d.state.quote?.totalMinor;
    d.key("sale.void").enter("y");
    const cancelled = d.lastEffect("cancelSale")?.sale;
    expect(cancelled?.audit.map((a) => a.action)).toEqual(["line.voided", "sale.voided"]);
    expect(cancelled?.audit[1]).toMatchObject({
      userId: "u-ann",
      approvedBy: null,
      detail: { totalMinor: total },
    });
    // Before total a void is the cashier's own: nothing says after total.
    expect(cancelled?.audit.map((a) => a.detail?.afterTotal)).toEqual([undefined, undefined]);
    expect(d.state.sale.lines).toHaveLength(0);
    expect(d.statusKey).toBe("info.saleVoided");
  });

  test("after total it needs a supervisor, whose approval is in the void's entry", () => {
    const d = new Driver().enter("0001").key("sale.total").key("back").key("sale.void").enter("да");
    expect(d.state.prompt).toMatchObject({ kind: "approval", action: "voidAfterTotal" });
    expect(d.lastEffect("cancelSale")).toBeUndefined();
    d.enter("9999");
    const approve = d.lastEffect("approve");
    expect(approve?.approved).toEqual({ type: "sale.void" });
    d.send({
      type: "approval.ok",
      approver: { ...SUPERVISOR, proof: { grantId: "g-1" } },
      pin: "9999",
      approved: { type: "sale.void" },
    });
    const entry = d.lastEffect("cancelSale")?.sale.audit.at(-1);
    expect(entry).toMatchObject({
      action: "sale.voided",
      approvedBy: "u-sue",
      approval: { grantId: "g-1" },
      detail: { afterTotal: true },
    });
  });

  test("no approval after total when the store does not ask for one", () => {
    const d = new Driver(testEnv({ approvals: { voidAfterTotal: false } }));
    d.enter("0001").key("sale.total").key("back").key("sale.void").enter("y");
    expect(d.lastEffect("cancelSale")?.sale.audit.at(-1)?.action).toBe("sale.voided");
  });

  test("a scan in the menu or at the question chooses nothing and answers nothing", () => {
    const d = new Driver().enter("0001").key("menu.open");
    d.send({ type: "input.scanned", text: "5012345678900" });
    expect(d.state.screen.kind).toBe("menu");
    expect(d.state.prompt).toBeNull();
    expect(d.statusKey).toBe("error.scanInMenu");
    d.send({ type: "input.text", text: "5" });
    expect(d.state.prompt?.kind).toBe("confirm");
    d.send({ type: "input.scanned", text: "y" });
    expect(d.statusKey).toBe("error.scanInQuestion");
    expect(d.state.sale.lines).toHaveLength(1);
    // Elsewhere a scan is a code and Enter.
    d.key("back").send({ type: "input.scanned", text: "0003" });
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["0001", "0003"]);
  });
});
