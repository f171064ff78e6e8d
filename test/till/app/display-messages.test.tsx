/**
 * Messages with a customer-display text (`display`): when one fires, the pole display (a real
 * pseudo-terminal with a simulated Epson display on its far end) shows it after the item.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { messageSchema } from "../../../src/core/messages/index.ts";
import { openDevices } from "../../../src/till/main.ts";
import { PoleDisplay } from "../../devices/support/pole-display.ts";
import { renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

describe("messages on the customer display", () => {
  test("a scan message's display text shows on the pole display, the cashier's on the status line", async () => {
    await using display = await PoleDisplay.start();
    const devices = await openDevices({ display: display.uri }, "en");
    try {
      till = await renderTill({ devices });
      till.services.messageList = [
        messageSchema.parse({
          id: "coffee",
          when: { event: "scan", code: "0003" },
          cashier: "Offer the recipe card",
          display: "Fresh {item}: recipe inside!",
        }),
      ];
      await till.login();
      till.scan("0002");
      await waitFor(() => display.screen()[0]?.trim() !== "", "the first item on the display");
      expect(display.screen().join("|")).not.toContain("Fresh");
      till.scan("0003");
      await till.see("Offer the recipe card");
      await waitFor(() => display.screen()[0]?.startsWith("Fresh") === true, "the message on the display");
      const item = till.controller.state.sale.lines[1]?.name ?? "";
      expect(display.screen().join("")).toBe(`Fresh ${item}: recipe inside!`.padEnd(40).slice(0, 40));
    } finally {
      await devices.display?.close();
    }
  });

  test("a display text is at most 40 characters, and a message needs some text", () => {
    const base = { id: "m", when: { event: "scan", code: "0003" } };
    expect(messageSchema.safeParse({ ...base, display: "Hello" }).success).toBe(true);
    expect(messageSchema.safeParse({ ...base, display: "x".repeat(41) }).success).toBe(false);
    expect(messageSchema.safeParse(base).success).toBe(false);
  });
});
