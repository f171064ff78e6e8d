/** Opening, moving cash and closing the shift on screen at 80×24, in the cashier's language. */
import { afterEach, describe, expect, test } from "bun:test";
import { KickDrawer } from "../../../src/devices/drawer/cash-drawer.ts";
import { FakeServices } from "../support/fake-services.ts";
import { fitsScreen, renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

function noShift(): FakeServices {
  const services = new FakeServices();
  services.shift = null;
  return services;
}

async function logIn(t: Till): Promise<void> {
  t.scan("1234");
  await waitFor(() => t.controller.state.cashier !== null && !t.controller.state.busy, "the log-in");
}

const Z_REPORT = {
  kind: "Z",
  zNumber: 7,
  storeId: "S1",
  shiftId: "0194a000-0000-7000-8000-00000000abcd",
  tillId: "T1",
  currency: "USD",
  openedAt: "2026-11-23T08:00:00.000Z",
  openedBy: "u-ann",
  at: "2026-11-23T14:05:00.000Z",
  closedBy: "u-ann",
  salesCount: 12,
  returnsCount: 1,
  grossMinor: 15000,
  discountMinor: 0,
  taxMinor: 1200,
  netMinor: 13800,
  totalMinor: 15000,
  salesTotalMinor: 15500,
  returnsTotalMinor: 500,
  byTender: [
    { type: "cash", amountMinor: 9000 },
    { type: "card", amountMinor: 6000 },
  ],
  byTaxClass: [{ taxClass: "1", rate: "8.875", baseMinor: 13800, taxMinor: 1200 }],
  cash: {
    openingFloatMinor: 10000,
    cashSalesMinor: 9500,
    changeGivenMinor: 500,
    cashRefundsMinor: 0,
    cashInMinor: 0,
    cashOutMinor: 0,
    expectedMinor: 19000,
    countedMinor: 18950,
  },
  noSaleOpenings: 2,
  counted: { cash: 18950 },
  expected: { cash: 19000 },
  overShortMinor: -50,
};

describe("the shift on screen", () => {
  test("log-in without an open shift: count the float, see the sum, confirm, open it", async () => {
    const services = noShift();
    till = await renderTill({ services });
    await logIn(till);
    await till.see("Open the shift");
    await till.see("count the opening float");
    expect(fitsScreen(till.frame(), till.size)).toBeNull();
    till.scan("1"); // one 100
    till.press("enter"); // no 50s
    till.scan("2"); // two 20s
    await till.see(/Opening float\s+\$140\.00/);
    till.press("f10");
    await till.see("Open the shift with a float of $140.00?");
    expect(services.openedShifts).toEqual([]);
    till.press("enter");
    await till.see("Shift open with a float of $140.00");
    expect(services.openedShifts).toEqual([14000]);
    expect(till.controller.state.screen.kind).toBe("sale");
  });

  test("offline at log-in: the till says plainly, and selling goes on", async () => {
    const services = noShift();
    services.online = false;
    till = await renderTill({ services });
    await logIn(till);
    await till.see("a shift can be opened once it is reachable");
    expect(till.controller.state.screen.kind).toBe("sale");
    till.scan("0001");
    await waitFor(() => till?.controller.state.sale.lines.length === 1, "the line");
    // The store is back: the till asks again and says no shift is open, where to open one.
    services.setOnline(true);
    await till.see("No shift is open: selling goes on; open one from the menu (F9)");
    expect(till.controller.state.sale.lines).toHaveLength(1);
  });

  test("X report without a shift speaks the cashier's language", async () => {
    const services = noShift();
    till = await renderTill({ services, lang: "fr" });
    await logIn(till);
    await till.see("Ouverture de caisse");
    till.press("escape");
    await till.see("Aucune caisse ouverte");
    till.press("f9");
    till.write("7");
    await till.see("Aucune caisse ouverte sur ce poste : ouvrez-la depuis le menu");
    expect(till.frame()).not.toContain("POST /shifts");
  });

  test("cash out with a reason from the menu: recorded at the store, then the drawer opens", async () => {
    const services = new FakeServices();
    const drawer = new KickDrawer("test drawer", async () => {});
    till = await renderTill({ services, devices: { drawer } });
    await till.login();
    till.press("f9");
    await till.see("Cash out");
    till.write("c");
    await till.see("Cash out: amount taken out of the drawer");
    till.scan("20.50");
    await till.see("Reason for $20.50");
    till.scan("to the safe");
    await till.see("Cash out $20.50: the drawer should hold $79.50");
    expect(services.cashMoves).toEqual([{ direction: "out", amountMinor: 2050, reason: "to the safe" }]);
    await waitFor(() => drawer.openings().length === 1, "the drawer to open");
    expect(drawer.openings()[0]).toMatchObject({ reason: "cash-out", cashierId: "u-ann", ok: true });
  });

  test("close: counted, expected and difference confirmed; the Z report fits or scrolls at 80×24", async () => {
    const services = new FakeServices();
    services.closeShift = async (counted) => {
      services.closedShifts.push(counted);
      return Z_REPORT;
    };
    till = await renderTill({ services });
    await till.login();
    till.press("f9");
    till.write("8");
    await till.see("Close the shift");
    till.write("\u001b[B".repeat(11)); // down to the total row, under the 11 notes and coins
    till.scan("189.50");
    await till.see(/Counted cash\s+\$189\.50/);
    till.press("f10");
    await till.see(/Expected cash\s+\$100\.00/);
    await till.see(/Difference\s+\+\$89\.50/);
    await till.see("Close the shift with this count?");
    expect(fitsScreen(till.frame(), till.size)).toBeNull();
    till.press("enter");
    await till.see("Shift closed.");
    expect(services.closedShifts).toEqual([{ cash: 18950 }]);
    // Scroll until the count lines are all in view; every frame fits 80×24.
    const seen = new Set<string>();
    for (let i = 0; i < 60 && seen.size < 3; i++) {
      const frame = till.frame();
      expect(fitsScreen(frame, till.size)).toBeNull();
      for (const label of ["Expected cash", "Counted cash", "Difference"])
        if (frame.includes(label)) seen.add(label);
      if (/Difference\s+-0\.50/.test(frame)) break;
      const before = frame;
      till.press("down");
      await waitFor(() => till?.frame() !== before, "the report to scroll", 2000).catch(() => undefined);
    }
    await till.see(/Expected cash\s+190\.00/);
    await till.see(/Counted cash\s+189\.50/);
    await till.see(/Difference\s+-0\.50/);
  });
});
