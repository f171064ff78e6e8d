/**
 * Quick keys: Ctrl+N opens the store's pages of product keys; a key's hotkey rings its product
 * through the same path as a scan (same lookup, same line); arrows turn pages; Esc goes back.
 */
import { describe, expect, test } from "bun:test";
import { quickKeyLines } from "../../../src/till/ui/quick-keys-grid.ts";
import { Driver, testEnv } from "../support/state-env.ts";

const PAGES = {
  quickKeys: {
    pages: [
      {
        name: "Drinks",
        keys: [
          { label: "Coffee", code: "0001" },
          { label: "Tea", code: "0002", hotkey: "t" },
        ],
      },
      { name: "Bakery", keys: [{ label: "Croissant", code: "0002" }] },
    ],
  },
};

describe("quick keys", () => {
  test("a key rings its product as if scanned", () => {
    const scanned = new Driver(testEnv()).enter("0001");
    const d = new Driver(testEnv(PAGES)).key("quickKeys.open");
    expect(d.state.screen).toEqual({ kind: "quickKeys", page: 0 });
    d.send({ type: "input.text", text: "1" });
    expect(d.state.screen.kind).toBe("sale");
    expect(d.state.sale.lines).toEqual(scanned.state.sale.lines);
    expect(d.lastEffect("lookup")).toEqual(scanned.lastEffect("lookup"));

    d.key("quickKeys.open").send({ type: "input.text", text: "t" });
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["0001", "0002"]);
  });

  test("a quantity typed before (`3*`) rings that many of the key's product, as after a scan", () => {
    const scanned = new Driver(testEnv()).enter("3*0001");
    const d = new Driver(testEnv(PAGES)).send({ type: "input.text", text: "3*" }).key("quickKeys.open");
    expect(d.state.screen).toEqual({ kind: "quickKeys", page: 0, quantity: "3*" });
    // The quantity stays while the pages turn, and is used once.
    d.key("cursor.down").key("cursor.up").send({ type: "input.text", text: "1" });
    expect(d.state.sale.lines).toEqual(scanned.state.sale.lines);
    expect(d.state.sale.lines[0]?.qtyMilli).toBe(3000);
    d.key("quickKeys.open").send({ type: "input.text", text: "t" });
    expect(d.state.sale.lines.map((l) => [l.code, l.qtyMilli])).toEqual([
      ["0001", 3000],
      ["0002", 1000],
    ]);
    // What is not a quantity is not kept.
    const other = new Driver(testEnv(PAGES)).send({ type: "input.text", text: "0*" }).key("quickKeys.open");
    expect(other.state.screen).toEqual({ kind: "quickKeys", page: 0 });
  });

  test("pages turn with the arrows; an unknown hotkey says so; Esc goes back", () => {
    const d = new Driver(testEnv(PAGES)).key("quickKeys.open").key("cursor.down");
    expect(d.state.screen).toEqual({ kind: "quickKeys", page: 1 });
    d.key("cursor.down");
    expect(d.state.screen).toEqual({ kind: "quickKeys", page: 0 });
    d.send({ type: "input.text", text: "9" });
    expect(d.statusKey).toBe("error.noQuickKey");
    expect(d.state.sale.lines).toEqual([]);
    d.key("back");
    expect(d.state.screen.kind).toBe("sale");
  });

  test("without pages the key says none are set up", () => {
    const d = new Driver(testEnv()).key("quickKeys.open");
    expect(d.state.screen.kind).toBe("sale");
    expect(d.statusKey).toBe("error.noQuickKeys");
  });

  test("a full page of 20 keys fits 80 columns in 12 rows", () => {
    const keys = Array.from({ length: 20 }, (_, i) => ({
      label: `Soup of day ${String(i).padStart(2, "0")}`,
      code: `P${i}`,
    }));
    const lines = quickKeyLines([{ name: "All", keys }], 0, 80);
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines[2]).toStartWith("[1] Soup of day 00  [2] Soup of day 01");
  });
});
