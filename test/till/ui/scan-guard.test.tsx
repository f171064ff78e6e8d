/** A scanner's burst never chooses from a menu nor answers a question: it is refused, said, and nothing changes. */
import { afterEach, describe, expect, test } from "bun:test";
import { renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

describe("scans into a menu", () => {
  test("a code starting with 5 scanned into the F9 menu does not void the sale", async () => {
    till = await renderTill();
    const t = till;
    await t.login();
    t.scan("0001");
    t.scan("0003");
    await waitFor(() => t.controller.state.sale.lines.length === 2, "the lines");
    t.press("f9");
    await t.see("Void sale");
    t.scan("5012345678900");
    await t.see("A scan is not taken in a menu");
    expect(t.controller.state.screen.kind).toBe("menu");
    expect(t.controller.state.prompt).toBeNull();
    expect(t.controller.state.sale.lines).toHaveLength(2);
    expect(t.services.cancelled).toHaveLength(0);
  });

  test("a burst split over several reads is a scan too", async () => {
    till = await renderTill();
    const t = till;
    await t.login();
    t.scan("0001");
    await waitFor(() => t.controller.state.sale.lines.length === 1, "the line");
    t.press("f9");
    await t.see("Void sale");
    t.write("50");
    t.write("1234567");
    t.write("8900\r");
    await t.see("A scan is not taken in a menu");
    expect(t.controller.state.prompt).toBeNull();
    expect(t.controller.state.sale.lines).toHaveLength(1);
  });

  test("a digit typed by hand still chooses; the void asks, and Y voids", async () => {
    till = await renderTill();
    const t = till;
    await t.login();
    t.scan("0001");
    await waitFor(() => t.controller.state.sale.lines.length === 1, "the line");
    t.press("f9");
    await t.see("Void sale");
    t.write("5");
    await t.see("Void the whole sale");
    t.scan("y");
    await t.see("A scan does not answer a question");
    expect(t.controller.state.sale.lines).toHaveLength(1);
    t.write("y");
    await waitFor(() => t.controller.state.input === "y", "the answer typed");
    t.press("enter");
    await t.see("Sale voided");
    expect(t.controller.state.sale.lines).toHaveLength(0);
    await waitFor(() => t.services.cancelled.length === 1, "the void journaled");
    expect(t.services.cancelled[0]?.audit.at(-1)?.action).toBe("sale.voided");
  });
});
