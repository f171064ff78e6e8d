import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gs1CheckDigit, toGtin14 } from "../../src/core/barcode.ts";
import {
  applyDepartmentRules,
  applyProductRules,
  parseDepartments,
  parseProducts,
} from "../../src/store-server/imports/index.ts";

const USD = { currency: "USD" } as const;
const SAMPLES = join(import.meta.dir, "../../../shared/data/corepos");

/** Defaults of a CORE-POS row: empty brand and formatted_name, in use; "0" elsewhere. */
const COREPOS_DEFAULTS: Record<number, string> = { 2: "", 3: "", 36: "1" };

/** A CORE-POS products.csv row: 48 columns, the given ones set (0-based, ProductsModel order). */
function coreposRow(set: Record<number, string>, columns = 48): string {
  const fields = Array.from({ length: columns }, (_, i) => set[i] ?? COREPOS_DEFAULTS[i] ?? "0");
  return fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(",");
}

describe("plain CSV products", () => {
  const header = "code,name,price,barcodes,taxClass,department,soldByWeight,cost";

  test("reads every column, in any order, with prices in minor units", () => {
    const text = [
      header,
      "4011,Bananas,0.99,,1,PRODUCE,true,0.41",
      'A-7,"Soap, lavender",3.50,4006381333931|036000291452,,,false,',
      "",
      "JAM,Jam,2,,2,,0,1.005",
    ].join("\n");
    const r = parseProducts(text, "csv", USD);
    expect(r.errors).toEqual([]);
    expect(r.total).toBe(3);
    expect(r.rows).toEqual([
      {
        code: "4011",
        name: "Bananas",
        priceMinor: 99,
        barcodes: [],
        taxClass: "1",
        department: "PRODUCE",
        soldByWeight: true,
        unit: "kg",
        costMinor: 41,
        line: 2,
      },
      {
        code: "A-7",
        name: "Soap, lavender",
        priceMinor: 350,
        barcodes: ["4006381333931", "036000291452"],
        taxClass: null,
        department: null,
        soldByWeight: false,
        costMinor: null,
        line: 3,
      },
      {
        code: "JAM",
        name: "Jam",
        priceMinor: 200,
        barcodes: [],
        taxClass: "2",
        department: null,
        soldByWeight: false,
        costMinor: 101,
        line: 5,
      },
    ]);
    const reordered = parseProducts("price,name,code\n1.25,Tea,T1\n", "csv", USD);
    expect(reordered.rows).toEqual([{ code: "T1", name: "Tea", priceMinor: 125, line: 2 }]);
  });

  test("reports each corrupt row with its exact line and keeps the good ones", () => {
    const text = [
      header, // 1
      "A1,Apple,1.20,,,,,", // 2 good
      "A2,Pear,1.2x,,,,,", // 3 bad price
      "A3,,2.00,,,,,", // 4 missing name
      "A4,Plum,2.00,,,", // 5 wrong column count
      "A5,Fig,2.00,4006381333932,,,,", // 6 bad check digit
      "A6,Kiwi,-1.00,,,,,", // 7 negative price
      'A7,"Lime "green",0.50,,,,,', // 8 malformed quote
      "A8,Date,0.999,,,,,", // 9 too many decimals
      "A9,Nut,1.00,12ab,,,,", // 10 barcode not digits
      "A1,Apple again,1.30,,,,,", // 11 repeated code
      "B1,Melon,3.00,,,,maybe,", // 12 bad flag
      "B2,Grape,4.00,,,,,", // 13 good
    ].join("\n");
    const r = parseProducts(text, "csv", USD);
    expect(r.rows.map((row) => [row.code, row.line])).toEqual([
      ["A1", 2],
      ["B2", 13],
    ]);
    expect(r.total).toBe(12);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const reason = (line: number) => r.errors.find((e) => e.line === line)?.reason ?? "";
    expect(reason(3)).toContain('price "1.2x" is not an amount in USD');
    expect(reason(4)).toBe("name is empty");
    expect(reason(5)).toBe("has 6 fields; the header has 8");
    expect(reason(6)).toBe("barcode 4006381333932 has a wrong check digit (expected 1)");
    expect(reason(7)).toBe("price -1.00 is negative");
    expect(reason(8)).toContain("quote");
    expect(reason(9)).toContain("at most 2 decimals");
    expect(reason(10)).toBe('barcode "12ab" must be 6 to 14 digits');
    expect(reason(11)).toBe('code "A1" repeats line 2');
    expect(reason(12)).toContain('soldByWeight "maybe"');
  });

  test("a barcode given to two products is reported on the second", () => {
    const text = `${header}\nP1,One,1,036000291452,,,,\nP2,Two,1,0036000291452,,,,\n`;
    const r = parseProducts(text, "csv", USD);
    expect(r.rows.map((row) => row.code)).toEqual(["P1"]);
    expect(r.errors).toEqual([
      { line: 3, reason: 'barcode 0036000291452 already belongs to "P1" on line 2' },
    ]);
  });

  test("a bad header stops the file at line 1 and names the problem", () => {
    expect(parseProducts("code,name,prcie\nA,B,1\n", "csv", USD).errors).toEqual([
      {
        line: 1,
        reason:
          'the header names an unknown column "prcie"; the columns are code, name, price, barcodes, taxClass, department, soldByWeight, unit, cost, active, minAge, serialised',
      },
    ]);
    expect(parseProducts("name,price\nA,1\n", "csv", USD).errors[0]?.reason).toBe(
      "the header lacks the required column code",
    );
    expect(parseProducts("", "csv", USD).errors[0]?.line).toBe(1);
  });

  test("names that span lines keep the line a record starts on; a stray quote loses no later row", () => {
    const spanning = parseProducts('code,name,price\nA,"Two\nlines",1\nB,Bee,2\n', "csv", USD);
    expect(spanning.rows.map((r) => [r.code, r.line])).toEqual([
      ["A", 2],
      ["B", 4],
    ]);
    const stray = parseProducts('code,name,price\nA,"bad"x,1\nB,Bee,2\nC,Sea,3\n', "csv", USD);
    expect(stray.rows.map((r) => r.code)).toEqual(["B", "C"]);
    expect(stray.errors.map((e) => e.line)).toEqual([2]);
  });

  test("minAge: years, empty for the department's", () => {
    const r = parseProducts("code,minAge\nALE,21\nOATS,\nX,-1\n", "csv", USD);
    expect(r.rows.map((row) => [row.code, row.minAge])).toEqual([
      ["ALE", 21],
      ["OATS", null],
    ]);
    expect(r.errors).toEqual([{ line: 4, reason: expect.stringContaining("minAge") }]);
  });

  test("serialised: a flag, each unit sold asks for its serial", () => {
    const r = parseProducts("code,serialised\nTV,yes\nOATS,0\n", "csv", USD);
    expect(r.rows.map((row) => [row.code, row.serialised])).toEqual([
      ["TV", true],
      ["OATS", false],
    ]);
  });

  test("a currency without decimals reads whole amounts", () => {
    const r = parseProducts("code,name,price\nR1,Rice,1200\nR2,Tea,1.5\n", "csv", { currency: "JPY" });
    expect(r.rows[0]?.priceMinor).toBe(1200);
    expect(r.errors[0]).toEqual({ line: 3, reason: expect.stringContaining("at most 0 decimals") });
  });
});

describe("CORE-POS products.csv", () => {
  test("maps code, barcode, open price, weight, tax class, department, cost and inUse", () => {
    const text = [
      coreposRow({ 0: "0000000004011", 1: "PBANANA", 4: "0.99", 15: "547", 17: "0", 19: "1" }),
      coreposRow({ 0: "0001234567890", 1: "OAT MILK", 4: "3.49", 15: "12", 17: "1", 33: "2.515" }),
      coreposRow({ 0: "0020000500000", 1: "TAHINI", 4: "0", 15: "229", 17: "2", 19: "1", 36: "0" }),
      coreposRow({ 0: "0400638133393", 1: "PEN", 3: "STABILO PEN", 4: "1.10", 15: "0", 17: "1" }),
    ].join("\r\n");
    const r = parseProducts(text, "corepos", USD);
    expect(r.errors).toEqual([]);
    const [banana, oat, tahini, pen] = r.rows;
    expect(banana).toMatchObject({
      code: "4011",
      name: "PBANANA",
      priceMinor: 99,
      openPrice: false,
      soldByWeight: true,
      unit: "lb",
      taxClass: null,
      department: "547",
      line: 1,
    });
    expect(oat).toMatchObject({ code: "0001234567890", taxClass: "1", costMinor: 252, soldByWeight: false });
    // The stored barcode is what a scanned UPC-A normalises to.
    const upcA = `01234567890${gs1CheckDigit("01234567890")}`;
    expect(oat?.barcodes).toEqual([toGtin14(upcA)]);
    expect(tahini).toMatchObject({ code: "0020000500000", openPrice: true, taxClass: "2", active: false });
    expect(tahini?.barcodes).toEqual([`0020000500000${gs1CheckDigit("0020000500000")}`]);
    expect(pen).toMatchObject({ name: "STABILO PEN", department: null });
    expect(pen?.barcodes).toEqual([toGtin14("4006381333931")]);
  });

  test("idEnforced is the customer's minimum age (0: no check)", () => {
    const text = [
      coreposRow({ 0: "0000000000111", 1: "ALE", 4: "1.65", 32: "21" }),
      coreposRow({ 0: "0000000000222", 1: "OATS", 4: "1.65", 32: "0" }),
      coreposRow({ 0: "0000000000333", 1: "ODD", 4: "1.65", 32: "x" }),
    ].join("\n");
    const r = parseProducts(text, "corepos", USD);
    expect(r.rows.map((row) => [row.code, row.minAge])).toEqual([
      ["111", 21],
      ["222", null],
    ]);
    expect(r.errors).toEqual([{ line: 3, reason: expect.stringContaining("idEnforced") }]);
  });

  test("reports corrupt rows with their lines and reasons", () => {
    const text = [
      coreposRow({ 0: "0000000000111", 1: "GOOD", 4: "1.65" }), // 1
      coreposRow({ 0: "0000000000052", 1: "RRR", 4: "-1" }), // 2 negative price
      coreposRow({ 0: "0026052000000", 1: "", 4: "8.99" }), // 3 no name
      coreposRow({ 0: "0000000000222", 1: "SHORT", 4: "1" }, 47), // 4 wrong column count
      coreposRow({ 0: "12345", 1: "BAD UPC", 4: "1" }), // 5 upc not 13 digits
      coreposRow({ 0: "0000000000333", 1: "PRICE", 4: "abc" }), // 6 bad price
      coreposRow({ 0: "0000000000444", 1: "TAX", 4: "1", 17: "7" }), // 7 bad tax
      coreposRow({ 0: "0000000000111", 1: "AGAIN", 4: "1" }), // 8 repeated upc
      coreposRow({ 0: "0000000000555", 1: "GOOD TOO", 4: "2" }), // 9
    ].join("\n");
    const r = parseProducts(text, "corepos", USD);
    expect(r.rows.map((row) => row.line)).toEqual([1, 9]);
    expect(r.errors).toEqual([
      {
        line: 2,
        reason:
          "normal_price -1 is negative (a deposit refund or credit); products need a price of 0 or more, refunds go through returns",
      },
      { line: 3, reason: "upc 0026052000000 has no name (description, brand and formatted_name are empty)" },
      { line: 4, reason: "has 47 columns; a CORE-POS products.csv row has 48" },
      { line: 5, reason: 'upc "12345" is not 13 digits' },
      { line: 6, reason: expect.stringContaining('normal_price "abc" is not an amount in USD') },
      { line: 7, reason: 'tax "7" is not 0, 1 or 2' },
      { line: 8, reason: 'code "111" repeats line 1' },
    ]);
  });

  test("reports progress while parsing", () => {
    const rows = Array.from({ length: 1200 }, (_, i) =>
      coreposRow({ 0: String(1_000_000 + i).padStart(13, "0"), 1: `ITEM ${i}`, 4: "1" }),
    );
    const seen: [number, number][] = [];
    parseProducts(rows.join("\n"), "corepos", { currency: "USD", onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ]);
  });

  test("the real co-op catalog: every good row, and each bad row for a genuine reason", async () => {
    const file = join(SAMPLES, "products.csv");
    if (!existsSync(file)) {
      console.warn(`skipped: the CORE-POS sample data is missing (${file})`);
      return;
    }
    const r = parseProducts(await Bun.file(file).text(), "corepos", USD);
    expect(r.total).toBe(6650);
    expect(r.rows.length + r.errors.length).toBe(6650);
    // 5 deposit refunds / credits with negative prices, 7 rows with no name at all.
    expect(r.errors.map((e) => e.line)).toEqual([
      2, 291, 292, 960, 2887, 3288, 3642, 3744, 3873, 4070, 6550, 6586,
    ]);
    expect(r.errors.filter((e) => e.reason.startsWith("normal_price -")).length).toBe(5);
    expect(r.errors.filter((e) => e.reason.includes("has no name")).length).toBe(7);
    expect(r.rows.length).toBe(6638);
    const banana = r.rows.find((row) => row.code === "4011");
    expect(banana).toMatchObject({ name: "PBANANA", priceMinor: 99, soldByWeight: true, department: "547" });
    expect(r.rows.filter((row) => row.soldByWeight).length).toBe(1166 - 1);
  });
});

describe("departments", () => {
  test("CORE-POS departments.sql tuples, one per line or many after INSERT … VALUES", () => {
    const text = [
      "-- departments",
      "('92','HBHBA','1','0',50.00,0.01,'0')",
      "('14','BWATER','0','1',50.00,0.01,'0')",
      "INSERT INTO departments (dept_no, dept_name, dept_tax) VALUES ('77','D''SPECIAL','2'),(78,'MISC',NULL);",
      "('x','BAD NO','0')",
      "('15','TAXY','9')",
      "('16','OPEN",
      "('17','AFTER','0')",
    ].join("\n");
    const r = parseDepartments(text, "corepos", USD);
    expect(r.rows).toEqual([
      { id: "92", name: "HBHBA", taxClass: "1", openRingMaxMinor: 5000, openRingMinMinor: 1, line: 2 },
      { id: "14", name: "BWATER", taxClass: null, openRingMaxMinor: 5000, openRingMinMinor: 1, line: 3 },
      { id: "77", name: "D'SPECIAL", taxClass: "2", line: 4 },
      { id: "17", name: "AFTER", taxClass: null, line: 8 },
    ]);
    expect(r.errors).toEqual([
      { line: 4, reason: 'dept_tax "" is not 0, 1 or 2' },
      { line: 5, reason: 'dept_no "x" is not a number' },
      { line: 6, reason: 'dept_tax "9" is not 0, 1 or 2' },
      { line: 7, reason: expect.stringContaining("not closed") },
    ]);
  });

  test("plain CSV id,name,taxClass", () => {
    const r = parseDepartments(
      "id,name,taxClass\nPRODUCE,Produce,\nDELI,Deli,2\n,No id,1\nX,Y\n",
      "csv",
      USD,
    );
    expect(r.rows).toEqual([
      { id: "PRODUCE", name: "Produce", taxClass: null, line: 2 },
      { id: "DELI", name: "Deli", taxClass: "2", line: 3 },
    ]);
    expect(r.errors).toEqual([
      { line: 4, reason: "id is empty" },
      { line: 5, reason: "has 2 fields; the header has 3" },
    ]);
  });

  test("CORE-POS dept_limit and dept_minimum are the open-ring limits; 0 is no limit", () => {
    const r = parseDepartments(
      "('2','PRODUCE','0','1',0,0.00,'0')\n('3','BAD','0','1',abc,0,'0')\n",
      "corepos",
      USD,
    );
    expect(r.rows).toEqual([
      { id: "2", name: "PRODUCE", taxClass: null, openRingMaxMinor: null, openRingMinMinor: null, line: 1 },
    ]);
    expect(r.errors).toEqual([{ line: 2, reason: expect.stringContaining("dept_limit") }]);
  });

  test("plain CSV with open-ring limits and a minimum age", () => {
    const r = parseDepartments(
      "id,name,taxClass,openRing,maxAmount,minAmount,minAge\nBEER,Beer,1,yes,50.00,0.01,21\nGIFT,Gift cards,,no,,,\nX,Y,,maybe,,,\nZ,Z,,,,,150\n",
      "csv",
      USD,
    );
    expect(r.rows).toEqual([
      {
        id: "BEER",
        name: "Beer",
        taxClass: "1",
        openRing: true,
        openRingMaxMinor: 5000,
        openRingMinMinor: 1,
        minAge: 21,
        line: 2,
      },
      {
        id: "GIFT",
        name: "Gift cards",
        taxClass: null,
        openRing: false,
        openRingMaxMinor: null,
        openRingMinMinor: null,
        minAge: null,
        line: 3,
      },
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([4, 5]);
  });

  test("the real departments.sql imports completely", async () => {
    const file = join(SAMPLES, "departments.sql");
    if (!existsSync(file)) {
      console.warn(`skipped: the CORE-POS sample data is missing (${file})`);
      return;
    }
    const r = parseDepartments(await Bun.file(file).text(), "corepos", USD);
    expect(r.errors).toEqual([]);
    expect(r.rows.length).toBe(247);
  });
});

describe("the store's rules, checked before sending", () => {
  const rules = { taxClasses: [{ id: "1" }, { id: "2" }], maxPriceMinor: 100_000 };

  test("unknown tax classes and prices over the ceiling are reported with their lines", () => {
    const parsed = parseProducts(
      "code,name,price,taxClass\nA,Ok,1.00,1\nB,Tax,1.00,9\nC,Dear,1000.01,\nD,Bad,x,\n",
      "csv",
      USD,
    );
    const checked = applyProductRules(parsed, rules);
    expect(checked.rows.map((r) => r.code)).toEqual(["A"]);
    expect(checked.errors).toEqual([
      { line: 3, reason: 'tax class "9" is not configured in the store (known: 1, 2)' },
      { line: 4, reason: "price 100001 minor units is over the store's limit of 100000 (maxPriceMinor)" },
      { line: 5, reason: expect.stringContaining('price "x"') },
    ]);
    const departments = applyDepartmentRules(
      parseDepartments("id,name,taxClass\nD,Deli,3\n", "csv", USD),
      rules,
    );
    expect(departments.errors).toEqual([
      { line: 2, reason: 'tax class "3" is not configured in the store (known: 1, 2)' },
    ]);
  });
});
