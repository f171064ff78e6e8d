/** The table map: 100 tables in their areas fit 80×24, statuses marked, the selected one in view. */
import { describe, expect, test } from "bun:test";
import { type MapTable, tableMapLines } from "../../../src/till/ui/table-map.ts";

const STATUSES = ["free", "ordered", "bill_printed", "paid"] as const;

function floor(n: number): MapTable[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `T${i + 1}`,
    area: ["Hall", "Terrace", "Bar", "Upstairs"][Math.floor(i / 25)] ?? "More",
    name: String(i + 1),
    status: STATUSES[i % 4] ?? "free",
  }));
}

describe("table map", () => {
  test("100 tables in four areas fit 80×24 (the body's 20 rows)", () => {
    const view = tableMapLines(floor(100), 0, 80, 20);
    expect(view.lines.length).toBeLessThanOrEqual(20);
    for (const line of view.lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(view.lines[0]).toBe("Hall");
    expect(view.lines[1]).toStartWith(">1    ·  2    ●  3    $  4    ✓");
    expect(view.lines.join("\n")).toContain(">100  ✓".slice(1));
  });

  test("a floor taller than the window scrolls to keep the selected table in view", () => {
    const view = tableMapLines(floor(100), 99, 40, 6);
    expect(view.lines).toHaveLength(6);
    expect(view.lines[view.selectedLine]).toContain(">100");
  });
});
