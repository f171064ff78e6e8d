/** `ringup admin barcodes assign`: a real store process and the admin CLI as a process. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let store: StoreProcess;
beforeAll(async () => {
  store = await startStore();
  await seedProducts(store, [
    { code: "BREAD", name: "Rye bread", priceMinor: 350 },
    { code: "MILK", name: "Milk", priceMinor: 129, barcodes: ["4006381333931"] },
  ]);
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
}, 60_000);

test("a dry run says which code each product would get; the run gives it; a bad prefix is refused", async () => {
  const dry = await runAdmin(store, "barcodes", "assign", "--prefix", "21", "--dry-run");
  expect([dry.code, dry.stdout, dry.stderr]).toEqual([
    0,
    "BREAD\t2100000000012\n",
    "1 product(s) would get an in-store barcode\n",
  ]);
  const run = await runAdmin(store, "barcodes", "assign", "--prefix", "21");
  expect([run.code, run.stdout]).toEqual([0, "BREAD\t2100000000012\n"]);
  const bad = await runAdmin(store, "barcodes", "assign", "--prefix", "31");
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toContain("--prefix must be a restricted-circulation prefix 20 to 29");
}, 60_000);
