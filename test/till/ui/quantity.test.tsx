/** Tab changes the selected line's quantity, on screen, as a terminal sends the key. */
import { afterEach, describe, expect, test } from "bun:test";
import { renderTill, type Till } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

describe("quantity key", () => {
  test("Tab asks the selected line's new quantity; the line is priced again", async () => {
    till = await renderTill();
    const t = till;
    await t.login();
    t.scan("0001");
    await t.see("Milk 1l");
    t.write("\t");
    await t.see("New quantity of Milk 1l:");
    t.scan("3");
    await t.see(/Milk 1l\s+3\s+1\.29\s+3\.87/);
    expect(t.controller.state.sale.lines[0]?.qtyMilli).toBe(3000);
    t.press("f1");
    await t.see(/Tab\s+Quantity/);
  });
});
