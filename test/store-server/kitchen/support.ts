/** Kitchen stations and rounds for the kitchen's tests. */
import type { KitchenRoundInput } from "../../../src/api/store/kitchen.ts";
import type { StoreSettingsInput } from "../../../src/core/settings.ts";

export function kitchenSettings(printer?: string): StoreSettingsInput["kitchen"] {
  return {
    stations: [
      { id: "grill", name: "Grill", categories: ["mains"], ...(printer ? { printer } : {}) },
      { id: "bar", name: "Bar", categories: ["drinks"], departments: ["20"] },
      { id: "pass", name: "Pass" },
    ],
    lateAfterMinutes: 5,
    printRetryMaxSeconds: 1,
  };
}

export function round(overrides: Partial<KitchenRoundInput> = {}): KitchenRoundInput {
  return {
    id: crypto.randomUUID(),
    tableLabel: "12",
    waiterName: "Ann",
    fired: true,
    lines: [
      {
        lineId: "l1",
        name: "Steak frites",
        quantityMilli: 2000,
        categoryId: "mains",
        modifiers: ["medium rare"],
        seat: 1,
      },
      { lineId: "l2", name: "Lemonade", quantityMilli: 1000, categoryId: "drinks", modifiers: [] },
      { lineId: "l3", name: "Cider", quantityMilli: 1000, departmentId: "20", modifiers: [] },
      { lineId: "l4", name: "Bread", quantityMilli: 1000, modifiers: [], notes: "no butter" },
    ],
    ...overrides,
  };
}
