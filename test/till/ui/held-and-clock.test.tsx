/** The held-sales list (time, cashier, first items, total) and the clock in the store's time zone. */
import { afterEach, describe, expect, test } from "bun:test";
import { FakeServices } from "../support/fake-services.ts";
import { fitsScreen, renderTill, type Till } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

describe("held sales and the clock", () => {
  test("the held list shows the time, the cashier, the first items and the total", async () => {
    const services = new FakeServices({ timeZone: "Europe/Paris" });
    till = await renderTill({ services });
    await till.login();
    till.scan("2*0001");
    till.scan("0002");
    await till.see("Bread");
    const total = till.controller.state.quote?.totalMinor ?? 0;
    till.press("f5");
    await till.see("Sale held");
    till.press("f6");
    await till.see("Held sales");
    // Held at 12:00 UTC: 13:00 in Paris.
    await till.see(/13:00\s+Ann\s+Milk 1l, Bread/);
    await till.see(`$${(total / 100).toFixed(2)}`);
    expect(fitsScreen(till.frame(), till.size)).toBeNull();
  });

  test("the status bar's clock follows the store's time zone, also when it changes", async () => {
    const services = new FakeServices();
    till = await renderTill({ services });
    await till.see("14:05"); // the test clock, 14:05 UTC
    services.changeSettings({ timeZone: "Asia/Baku" });
    await till.see("18:05");
  });
});
