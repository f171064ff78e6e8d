import { describe, expect, test } from "bun:test";
import { buildKeymap, parseKeymapOverrides } from "../../../src/till/keys/index.ts";

describe("keymap", () => {
  test("the default keymap of the contract", () => {
    const keymap = buildKeymap();
    expect(keymap.commandFor("f1")).toBe("help.toggle");
    expect(keymap.commandFor("f2")).toBe("product.search");
    expect(keymap.commandFor("f3")).toBe("line.void");
    expect(keymap.commandFor("f5")).toBe("sale.hold");
    expect(keymap.commandFor("f6")).toBe("sale.resume");
    expect(keymap.commandFor("f7")).toBe("payment.card");
    expect(keymap.commandFor("f10")).toBe("sale.total");
    expect(keymap.commandFor("f12")).toBe("till.lock");
    expect(keymap.commandFor("escape")).toBe("back");
    expect(keymap.commandFor("enter")).toBe("input.submit");
    expect(keymap.labelFor("sale.total")).toBe("F10");
    expect(keymap.labelFor("report.x")).toBe("");
  });

  test("a remapped key leaves its old command", () => {
    const keymap = buildKeymap(parseKeymapOverrides({ "line.void": ["f4", "ctrl+d"], "report.x": "CTRL+X" }));
    expect(keymap.commandFor("f4")).toBe("line.void");
    expect(keymap.commandFor("ctrl+d")).toBe("line.void");
    expect(keymap.commandFor("f3")).toBeUndefined();
    expect(keymap.keysFor("line.price")).toEqual([]);
    expect(keymap.commandFor("ctrl+x")).toBe("report.x");
    expect(keymap.labelFor("line.void")).toBe("F4/Ctrl+D");
  });

  test("bad config is refused with a clear message", () => {
    expect(() => parseKeymapOverrides({ "line.zap": "f3" })).toThrow(/not a till command/);
    expect(() => parseKeymapOverrides({ "line.void": "f13" })).toThrow(
      /"f13" \(for line.void\) is not a key/,
    );
    expect(() => parseKeymapOverrides({ "line.void": 3 })).toThrow(/key name or a list/);
    expect(() => parseKeymapOverrides("f3")).toThrow(/table/);
    expect(() => buildKeymap(parseKeymapOverrides({ "line.void": "f4", "sale.hold": "f4" }))).toThrow(
      /F4 is given to both/,
    );
  });
});
