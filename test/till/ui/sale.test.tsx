import { afterEach, describe, expect, test } from "bun:test";
import type { TillProduct } from "../../../src/till/services.ts";
import { fitsScreen, renderTill, type Till } from "../support/render-till.tsx";

/** A product added at the store that this till has not synced yet. */
const NEW_AT_STORE: TillProduct = {
  code: "7777",
  name: "New cheese",
  priceMinor: 450,
  taxClass: null,
  department: null,
  soldByWeight: false,
  openPrice: false,
  unit: "each",
};

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

describe("log-in", () => {
  test("PIN log-in opens the sale screen with the cashier on the status bar", async () => {
    till = await renderTill();
    await till.see("Type your PIN and press Enter");
    expect(till.frame()).toContain("Test Co-op");
    till.write("12");
    await till.see("PIN: ••▌");
    till.write("34\r");
    await till.see("Hello, Ann");
    expect(till.frame()).toContain("│ Ann");
    expect(till.frame()).toContain("● online");
    await till.see("14:05"); // the clock's formatter is made after the first frame
  });

  test("a refused PIN says so and stays on the log-in screen", async () => {
    till = await renderTill();
    till.scan("0000");
    await till.see("PIN refused: check it and type it again");
    expect(till.controller.state.screen.kind).toBe("login");
  });
});

describe("sale screen", () => {
  test("scans and N* quantities show lines, prices and the big total", async () => {
    till = await renderTill();
    await till.login();
    till.scan("0001");
    till.scan("3*0002");
    await till.see("Bread");
    const frame = till.frame();
    expect(frame).toMatch(/1 Milk 1l\s+1\s+1\.29\s+1\.29/);
    expect(frame).toMatch(/2 Bread\s+3\s+2\.50\s+7\.50/);
    expect(frame).toContain("TOTAL");
    expect(frame).toContain("2 lines");
    expect(frame).toContain("█"); // the big total
    expect(fitsScreen(frame, till.size)).toBeNull();
  });

  test("an unknown code shows what to do and keeps the sale", async () => {
    till = await renderTill();
    await till.login();
    till.scan("0001");
    till.scan("12345");
    await till.see("Unknown code 12345: check it and scan again, or find by name (F2)");
    expect(till.controller.state.sale.lines).toHaveLength(1);
  });

  test("a code the till does not know is asked of the store, and scans meanwhile ring after it", async () => {
    till = await renderTill();
    await till.login();
    till.services.storeOnly = [NEW_AT_STORE];
    let answer = () => {};
    till.services.storeAnswerGate = new Promise((resolve) => {
      answer = resolve;
    });
    till.scan("7777");
    await till.see("Code 7777 is not on this till yet: asking the store…");
    expect(fitsScreen(till.frame(), till.size)).toBeNull();
    till.scan("0001");
    answer();
    await till.see("Milk 1l");
    expect(till.controller.state.sale.lines.map((l) => l.code)).toEqual(["7777", "0001"]);
    expect(till.services.lookupsAtStore).toEqual(["7777"]);
  });

  test("offline, a code the till does not know is unknown at once, without asking", async () => {
    till = await renderTill();
    await till.login();
    till.services.online = false;
    till.services.storeOnly = [NEW_AT_STORE];
    till.scan("7777");
    await till.see("Unknown code 7777");
    expect(till.services.lookupsAtStore).toEqual([]);
  });

  test("F3 voids the last line; arrows select another", async () => {
    till = await renderTill();
    await till.login();
    till.scan("0001");
    till.scan("0002");
    till.scan("0003");
    await till.see("Coffee beans");
    till.press("f3");
    await till.see("Line voided: Coffee beans");
    till.press("up");
    await waitSelected(till, 1);
    till.press("f3");
    await till.see("Line voided: Milk 1l");
    expect(till.controller.state.sale.lines.map((l) => l.code)).toEqual(["0002"]);
  });

  test("open price and typed weight prompts", async () => {
    till = await renderTill();
    await till.login();
    till.scan("0004");
    await till.see("Price of Deli item:");
    till.scan("3.75");
    await till.see("Deli item *");
    till.scan("4011");
    await till.see("Weight of Bananas (e.g. 0.455):");
    till.scan("0.455");
    await till.see(/Bananas\s+0\.455 kg\s+0\.69\s+0\.31/);
  });

  test("price override asks for a supervisor; a cashier's PIN is refused", async () => {
    till = await renderTill();
    await till.login();
    till.scan("0002");
    till.press("f4");
    await till.see("New unit price of Bread:");
    till.scan("2");
    await till.see("Supervisor PIN to allow: price change:");
    till.scan("1234");
    await till.see("PIN refused");
    till.scan("9999");
    await till.see(/Bread \*\s+1\s+2\.00\s+2\.00/);
    expect(till.services.approvals).toEqual(["priceOverride"]);
  });

  test("line discount shows in its column", async () => {
    till = await renderTill();
    await till.login();
    till.scan("2*0002");
    till.press("f8");
    await till.see("Discount on Bread: 10% or an amount:");
    till.scan("10%");
    await till.see(/Bread\s+2\s+2\.50\s+-0\.50\s+4\.50/);
  });

  test("F12 locks the till and keeps the sale", async () => {
    till = await renderTill();
    await till.login();
    till.scan("0001");
    await till.see("Milk 1l");
    till.press("f12");
    await till.see("A sale is in progress: it continues after log-in.");
    await till.see("Till locked");
    await till.login();
    await till.see("Milk 1l");
  });

  test("idle auto-lock", async () => {
    till = await renderTill({ idleLockMs: 50 });
    await till.login();
    await till.see("Locked after 1 min without use");
    expect(till.controller.state.screen.kind).toBe("login");
  });

  test("help overlay lists the keymap", async () => {
    till = await renderTill();
    await till.login();
    till.press("f1");
    await till.see("Keys");
    const frame = till.frame();
    for (const entry of ["F2", "Find", "F10", "Total", "F12", "Lock", "F5", "Hold", "F6", "Resume"]) {
      expect(frame).toContain(entry);
    }
    expect(fitsScreen(frame, till.size)).toBeNull();
    till.press("escape");
    await till.see("Code:");
    expect(till.controller.state.help).toBe(false);
  });

  test("a scanned burst and Linux console F-keys work", async () => {
    till = await renderTill();
    await till.login();
    till.write("0001\r0002\r");
    await till.see("Bread");
    till.write("\u001b[[B"); // Linux console F2
    await till.see("Find a product");
  });
});

async function waitSelected(t: Till, lineId: number) {
  const { waitFor } = await import("../support/render-till.tsx");
  await waitFor(() => t.controller.state.selectedLine === lineId, `line ${lineId} selected`);
}
