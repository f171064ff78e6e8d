/** Promotions on the sale screen: named beside the discount, and kept through hold and resume. */
import { afterEach, expect, test } from "bun:test";
import { promotionSchema } from "../../../src/core/promotions/index.ts";
import { FakeServices } from "../support/fake-services.ts";
import { fitsScreen, renderTill, type Till } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

test("a category promotion shows by name on the sale screen, and again after hold and resume", async () => {
  const services = new FakeServices();
  services.catalog = services.catalog.map((p) => (p.code === "0002" ? { ...p, category: "rye" } : p));
  services.categoryChains.set("rye", ["rye", "bakery"]);
  services.promotionList = [
    promotionSchema.parse({
      id: "bakery-3for2",
      name: "Bakery 3 for 2",
      reward: { kind: "multibuy", buy: 2, get: 1, percent: 100, categories: ["bakery"] },
    }),
  ];
  till = await renderTill({ services });
  await till.login();
  till.scan("3*0002");
  // 3 × 2.50 with one free: 5.00.
  await till.see(/Discount -2\.50\s+Promotions: Bakery 3 for 2/);
  expect(till.controller.state.quote?.totalMinor).toBe(500);
  expect(fitsScreen(till.frame(), till.size)).toBeNull();

  till.press("f5");
  await till.see("Sale held");
  till.press("f6");
  await till.see("Held sales");
  await till.see("$5.00");
  till.press("enter");
  await till.see("Held sale resumed");
  await till.see(/Promotions: Bakery 3 for 2/);
  expect(till.controller.state.quote?.totalMinor).toBe(500);
});
