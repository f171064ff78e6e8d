/** CORE-POS `foodstamp` and `deposit` columns: SNAP eligibility and the linked deposit product. */
import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  COREPOS_PRODUCT_COLUMNS,
  parseCoreposProducts,
} from "../../src/store-server/imports/corepos-products.ts";

function row(upc: string, name: string, price: string, foodstamp: string, deposit: string): string {
  const fields = Array.from({ length: COREPOS_PRODUCT_COLUMNS }, () => "0");
  fields[0] = `"${upc}"`;
  fields[1] = `"${name}"`;
  fields[2] = '""';
  fields[3] = '""';
  fields[4] = price;
  fields[18] = foodstamp;
  fields[39] = deposit;
  return fields.join(",");
}

describe("CORE-POS deposits and food stamps", () => {
  test("foodstamp 1 is SNAP-eligible; deposit names the deposit product when the file has it", () => {
    const text = [
      row("0000000001032", "MILK 1%", "2.95", "1", "9999905"),
      row("0000000001090", "ROOT BEER", "5.99", "0", "1091"),
      row("0000009999905", "MILK JUG DEPOSIT", "2.5", "1", "0"),
    ].join("\n");
    const { rows, errors } = parseCoreposProducts(text, { currency: "USD" });
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.code, r.snapEligible, r.depositCode ?? null])).toEqual([
      ["1032", true, "0000009999905"],
      ["1090", false, null],
      ["0000009999905", true, null],
    ]);
  });

  const sample = join(import.meta.dir, "../../../shared/data/corepos/products.csv");
  if (!existsSync(sample)) console.warn(`skipping the sample catalog test: ${sample} is missing`);
  test.skipIf(!existsSync(sample))("the sample catalog's milk jugs carry their deposit", () => {
    const { rows } = parseCoreposProducts(readFileSync(sample, "utf8"), { currency: "USD" });
    const withDeposit = rows.filter((r) => r.depositCode !== undefined).map((r) => [r.code, r.depositCode]);
    expect(withDeposit).toEqual([
      ["1032", "0000009999905"],
      ["1034", "0000009999905"],
    ]);
    expect(rows.filter((r) => r.snapEligible).length).toBeGreaterThan(4000);
  });
});
