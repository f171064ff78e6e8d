/**
 * `ringup admin import promotions FILE --format corepos` against a real store: a CORE-POS file's
 * group price and A/B deal become the store's promotions and price the next quote; a method it
 * cannot map is reported by line.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adminOk } from "../support/admin-cli.ts";
import { coreposRow } from "../support/corepos-rows.ts";
import { type StoreProcess, startStore } from "../support/store-process.ts";

let store: StoreProcess;
let dir: string;
beforeAll(async () => {
  store = await startStore();
  dir = await mkdtemp(join(tmpdir(), "ringup-corepos-promotions-"));
}, 60_000);
afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("quantity pricing and an A/B deal from CORE-POS price the next quote", async () => {
  const file = join(dir, "products.csv");
  await writeFile(
    file,
    `${[
      coreposRow("0000000000101", "LIMES", "0.40", "1", "1.00", "3", "0"),
      coreposRow("0000000000301", "SOUP", "3.99", "3", "0.50", "2", "9"),
      coreposRow("0000000000302", "HALF SANDWICH", "2.49", "3", "0.50", "2", "-9"),
      coreposRow("0000000000401", "RHUBARB", "1.99", "4", "0.2", "2", "5"),
    ].join("\n")}\n`,
  );
  await adminOk(store, "import", "departments", "--format", "csv", await departmentsFile());
  await adminOk(store, "import", "products", file, "--format", "corepos");
  const out = await adminOk(store, "import", "promotions", file, "--format", "corepos");
  expect(out.trim().split("\n")).toEqual([
    "imported 2 promotions",
    "  line 4 (401): pricemethod 4 (more than a quantity) has no promotion kind here; priced normally",
  ]);
  const res = await store.api("/api/v1/baskets/quote", {
    method: "POST",
    body: JSON.stringify({ lines: [{ code: "101", qty: 3 }, { code: "301" }, { code: "302" }] }),
  });
  const quote = (await res.json()) as { promotions: { id: string; discountMinor: number }[] };
  expect(quote.promotions.map((p) => [p.id, p.discountMinor])).toEqual([
    ["corepos-ab-9", 50],
    ["corepos-qty-101", 20],
  ]);
});

async function departmentsFile(): Promise<string> {
  const file = join(dir, "departments.csv");
  await writeFile(file, "id,name\n10,Grocery\n");
  return file;
}
