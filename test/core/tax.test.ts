import { describe, expect, test } from "bun:test";
import { computeLineTaxes, type TaxableLine } from "../../src/core/line-taxes.ts";
import {
  parseRate,
  resolveTaxClasses,
  taxInGross,
  taxInGrossMinor,
  taxOnNet,
  taxOnNetMinor,
} from "../../src/core/tax.ts";
import { codeOf } from "./expect-code.ts";

describe("parseRate", () => {
  test("parses percent text into an exact fraction of one", () => {
    expect(parseRate("8.875")).toEqual({ num: 88_750n, den: 1_000_000n });
    expect(parseRate("19")).toEqual({ num: 190_000n, den: 1_000_000n });
    expect(parseRate("7.7")).toEqual({ num: 77_000n, den: 1_000_000n });
    expect(parseRate("0")).toEqual({ num: 0n, den: 1_000_000n });
    expect(parseRate("100")).toEqual({ num: 1_000_000n, den: 1_000_000n });
    expect(parseRate("0.0001")).toEqual({ num: 1n, den: 1_000_000n });
  });

  test("refuses more than 4 decimals, negative, above 100 and junk", () => {
    for (const rate of ["8.87501", "-1", "100.0001", "101", "", "8,875", "8.875%", "1e1", " 7", ".5", "5."]) {
      expect(codeOf(() => parseRate(rate))).toBe("INVALID_RATE");
    }
  });
});

describe("tax on a net price (US sales tax)", () => {
  test("NYC 8.875%: 5.95 -> 0.53 (0.5280625)", () => {
    expect(taxOnNet(595n, parseRate("8.875"), "half-up")).toBe(53n);
    expect(taxOnNetMinor(595, "8.875", "half-up")).toBe(53);
  });

  test("a half cent rounds by mode: 2.00 at 0.25% = 0.005", () => {
    expect(taxOnNetMinor(200, "0.25", "half-up")).toBe(1);
    expect(taxOnNetMinor(200, "0.25", "half-even")).toBe(0);
  });
});

describe("tax contained in a gross price (VAT)", () => {
  test("DE 19%: 1.19 contains 0.19; DE 7%: 1.07 contains 0.07", () => {
    expect(taxInGross(119n, parseRate("19"), "half-up")).toBe(19n);
    expect(taxInGross(107n, parseRate("7"), "half-up")).toBe(7n);
    expect(taxInGrossMinor(899, "19", "half-up")).toBe(144);
  });

  test("CH 8.1%: 10.00 contains 0.75 (0.7493)", () => {
    expect(taxInGrossMinor(1000, "8.1", "half-up")).toBe(75);
  });

  test("a 0% class contains no tax and 100% contains half", () => {
    expect(taxInGrossMinor(1000, "0", "half-up")).toBe(0);
    expect(taxInGrossMinor(1000, "100", "half-up")).toBe(500);
  });
});

describe("resolveTaxClasses", () => {
  test("refuses duplicate ids, empty ids and bad rates", () => {
    expect(
      codeOf(() =>
        resolveTaxClasses([
          { id: "1", name: "A", rate: "1" },
          { id: "1", name: "B", rate: "2" },
        ]),
      ),
    ).toBe("DUPLICATE_TAX_CLASS");
    expect(codeOf(() => resolveTaxClasses([{ id: "", name: "A", rate: "1" }]))).toBe("INVALID_TAX_CLASS");
    expect(codeOf(() => resolveTaxClasses([{ id: "1", name: "A", rate: "x" }]))).toBe("INVALID_RATE");
  });
});

const classes = resolveTaxClasses([
  { id: "std", name: "Standard", rate: "19" },
  { id: "red", name: "Reduced", rate: "7" },
  { id: "std2", name: "Standard (other)", rate: "19.0" },
  { id: "nyc", name: "NYC", rate: "8.875" },
]);

function taxClass(id: string) {
  const found = classes.get(id);
  if (found === undefined) throw new Error(`test setup: no class ${id}`);
  return found;
}

function lines(...entries: [number, string | null][]): TaxableLine[] {
  return entries.map(([amount, id]) => ({
    amountMinor: BigInt(amount),
    taxClass: id === null ? null : taxClass(id),
  }));
}

describe("computeLineTaxes", () => {
  test("NYC net, line rounding: five 0.10 lines each round 0.008875 up to 0.01", () => {
    const result = computeLineTaxes(
      lines(...Array.from({ length: 5 }, (): [number, string] => [10, "nyc"])),
      {
        pricesIncludeTax: false,
        taxRounding: "line",
        roundingMode: "half-up",
      },
    );
    expect(result.lineTaxMinor).toEqual([1n, 1n, 1n, 1n, 1n]);
    expect(result.taxes).toEqual([{ taxClass: "nyc", rate: "8.875", baseMinor: 50, taxMinor: 5 }]);
  });

  test("NYC net, document rounding: 0.50 × 8.875% = 0.044375 -> 0.04, allocated by largest remainder", () => {
    const result = computeLineTaxes(
      lines(...Array.from({ length: 5 }, (): [number, string] => [10, "nyc"])),
      {
        pricesIncludeTax: false,
        taxRounding: "document",
        roundingMode: "half-up",
      },
    );
    expect(result.lineTaxMinor).toEqual([1n, 1n, 1n, 1n, 0n]);
    expect(result.taxes).toEqual([{ taxClass: "nyc", rate: "8.875", baseMinor: 50, taxMinor: 4 }]);
  });

  test("DE gross 19%, three lines of 0.99: line rounding 3 × 0.16, document 2.97 -> 0.47", () => {
    const three = lines([99, "std"], [99, "std"], [99, "std"]);
    const byLine = computeLineTaxes(three, {
      pricesIncludeTax: true,
      taxRounding: "line",
      roundingMode: "half-up",
    });
    expect(byLine.lineTaxMinor).toEqual([16n, 16n, 16n]);
    expect(byLine.taxes).toEqual([{ taxClass: "std", rate: "19", baseMinor: 249, taxMinor: 48 }]);
    const byDoc = computeLineTaxes(three, {
      pricesIncludeTax: true,
      taxRounding: "document",
      roundingMode: "half-up",
    });
    expect(byDoc.lineTaxMinor).toEqual([16n, 16n, 15n]);
    expect(byDoc.taxes).toEqual([{ taxClass: "std", rate: "19", baseMinor: 250, taxMinor: 47 }]);
  });

  test("DE gross with 19% and 7% and an untaxed line: breakdown per class in configuration order", () => {
    const result = computeLineTaxes(lines([249, "red"], [899, "std"], [398, "red"], [500, null]), {
      pricesIncludeTax: true,
      taxRounding: "line",
      roundingMode: "half-up",
    });
    // 2.49 × 7/107 = 0.1629; 8.99 × 19/119 = 1.4354; 3.98 × 7/107 = 0.2604
    expect(result.lineTaxMinor).toEqual([16n, 144n, 26n, 0n]);
    expect(result.taxes).toEqual([
      { taxClass: "std", rate: "19", baseMinor: 755, taxMinor: 144 },
      { taxClass: "red", rate: "7", baseMinor: 605, taxMinor: 42 },
    ]);
  });

  test("document rounding groups by rate across classes with the same rate", () => {
    // 0.99 + 0.99 at 19% in two classes: rounded once, 1.98 × 19/119 = 0.3161 -> 0.32
    const result = computeLineTaxes(lines([99, "std"], [99, "std2"]), {
      pricesIncludeTax: true,
      taxRounding: "document",
      roundingMode: "half-up",
    });
    expect(result.lineTaxMinor).toEqual([16n, 16n]);
    expect(result.taxes.map((entry) => entry.taxMinor)).toEqual([16, 16]);
    const three = computeLineTaxes(lines([99, "std"], [99, "std2"], [99, "std"]), {
      pricesIncludeTax: true,
      taxRounding: "document",
      roundingMode: "half-up",
    });
    expect(three.lineTaxMinor.reduce((sum, tax) => sum + tax, 0n)).toBe(47n);
  });

  test("an empty sale has no taxes", () => {
    expect(
      computeLineTaxes([], { pricesIncludeTax: false, taxRounding: "document", roundingMode: "half-up" }),
    ).toEqual({
      lineTaxMinor: [],
      taxes: [],
    });
  });
});
