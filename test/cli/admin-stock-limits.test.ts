/**
 * `ringup admin stock limit` and `ringup admin stock below-minimum` end to end: a real store
 * process and the admin CLI run as a process against it.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { adminOk, runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let store: StoreProcess;
beforeAll(async () => {
  store = await startStore();
  await seedProducts(store, [{ code: "MILK", name: "Milk 1l", priceMinor: 199 }]);
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
}, 60_000);

test("limits per location are set, listed below their minimum, and cleared", async () => {
  expect(
    await adminOk(store, "stock", "limit", "MILK", "--location", "backroom", "--min", "6", "--max", "24"),
  ).toBe("MILK at backroom: minimum 6, maximum 24\n");
  expect(await adminOk(store, "stock", "below-minimum")).toBe(
    "MILK Milk 1l at backroom: on hand 0, minimum 6, maximum 24, to order 24\n",
  );
  expect(await adminOk(store, "stock", "below-minimum", "--location", "floor")).toBe(
    "nothing is below its minimum\n",
  );
  const bad = await runAdmin(
    store,
    "stock",
    "limit",
    "MILK",
    "--location",
    "backroom",
    "--min",
    "6",
    "--max",
    "2",
  );
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toContain("maximum stock (2) is below its minimum (6)");
  expect(await adminOk(store, "stock", "limit", "MILK", "--location", "backroom", "--clear")).toBe(
    "MILK at backroom: no limits\n",
  );
  expect(await adminOk(store, "stock", "below-minimum")).toBe("nothing is below its minimum\n");
});
