/**
 * A time-of-day message on the till's status line: shown from its `from` to its `to` by the till's
 * clock (in the store's time zone) while nothing else is said there, and gone after.
 */
import { afterEach, expect, test } from "bun:test";
import { messageSchema } from "../../../src/core/messages/index.ts";
import { FakeServices } from "../support/fake-services.ts";
import { fitsScreen, renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

test("happy hour shows on the status line during its window, by the till's clock", async () => {
  const services = new FakeServices({ timeZone: "Europe/Paris" });
  services.messageList = [
    messageSchema.parse({
      id: "happy",
      when: { event: "time", from: "17:00", to: "19:00" },
      cashier: "Happy hour from 17:00: drinks 3 for 2",
    }),
  ];
  // 15:59 UTC is 16:59 in Paris.
  let clock = new Date("2026-11-23T15:59:00Z");
  till = await renderTill({ services, now: () => clock });
  await till.login();
  till.scan("0001");
  await till.see("Milk");
  await till.see("16:59");
  expect(till.frame()).not.toContain("Happy hour");
  clock = new Date("2026-11-23T16:00:00Z");
  await till.see("Happy hour from 17:00: drinks 3 for 2");
  expect(fitsScreen(till.frame(), till.size)).toBeNull();
  // Something the till says takes the line; the message comes back when the line is free again.
  till.scan("999999");
  await till.see("Unknown code");
  expect(till.frame()).not.toContain("Happy hour");
  till.scan("0002");
  await till.see("Happy hour from 17:00");
  clock = new Date("2026-11-23T18:00:00Z");
  await till.see("19:00");
  await waitFor(() => !till?.frame().includes("Happy hour"), "the message to go at 19:00");
});
