/**
 * A store in the restaurant mode for route tests: its settings, a menu and table 1 of the Hall,
 * and Ann, a cashier logged in at TILL1 who waits the tables.
 */
import { expect } from "bun:test";
import type { StoreSettingsInput } from "../../src/core/settings.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, session } from "./sales-fixtures.ts";

export async function restaurantStore(
  settings: StoreSettingsInput,
  menu: readonly Record<string, unknown>[],
): Promise<{ store: TestStore; ann: { token: string; userId: string } }> {
  const store = createTestStore({ settings: { mode: "restaurant", ...settings } });
  for (const product of menu)
    expect((await store.request("POST", `${API}/products`, product)).status).toBe(200);
  const floor = await store.request("POST", `${API}/tables`, {
    tables: [{ id: "T1", area: "Hall", name: "1", seats: 4 }],
  });
  expect(floor.status).toBe(200);
  return { store, ann: await session(store, "cashier", "1111", "TILL1") };
}
