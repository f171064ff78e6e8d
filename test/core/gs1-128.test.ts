import { describe, expect, test } from "bun:test";
import { gs1Date, looksLikeGs1, parseGs1, parseGs1Product } from "../../src/core/gs1-128.ts";
import { codeOf } from "./expect-code.ts";

const GS = "\x1d";

describe("GS1 element strings", () => {
  test("human-readable form from the GS1 General Specifications' example label", () => {
    expect(parseGs1("(01)09506000134352(17)201225(10)ABC123", 2024)).toEqual({
      gtin: "09506000134352",
      expiry: "2020-12-25",
      lot: "ABC123",
    });
  });

  test("a pharmacy DataMatrix (EU FMD pack: GTIN, expiry, lot, serial) with ]d2 and GS", () => {
    const scan = `]d201095060001343521727053110A1B2C3${GS}21SN0012345678`;
    expect(parseGs1(scan, 2025)).toEqual({
      gtin: "09506000134352",
      expiry: "2027-05-31",
      lot: "A1B2C3",
      serial: "SN0012345678",
    });
  });

  test("a GS1-128 label with ]C1, the last variable field ended by the end of the data", () => {
    expect(parseGs1(`]C10109506000134352101234${GS}17250600`, 2025)).toEqual({
      gtin: "09506000134352",
      lot: "1234",
      expiry: "2025-06-30",
    });
  });

  test("without a symbology identifier (scanner set not to send it)", () => {
    expect(parseGs1("010950600013435221XYZ-9", 2025)).toEqual({ gtin: "09506000134352", serial: "XYZ-9" });
  });

  test("net weight 3103: kilograms with three decimals, in grams", () => {
    expect(parseGs1("(01)09506000134352(3103)001250", 2025).netWeightMilli).toBe(1250);
    expect(parseGs1("]C101095060001343523102000125", 2025).netWeightMilli).toBe(1250);
  });

  test("day 00 is the last day of the month, February of a leap year included", () => {
    expect(gs1Date("17", "240200", 2024)).toBe("2024-02-29");
    expect(gs1Date("17", "250200", 2024)).toBe("2025-02-28");
  });

  test("the century follows the GS1 sliding window", () => {
    expect(gs1Date("17", "741231", 2024)).toBe("2074-12-31");
    expect(gs1Date("17", "751231", 2024)).toBe("1975-12-31");
    expect(gs1Date("17", "010101", 2099)).toBe("2101-01-01");
  });

  test("precise errors for malformed input", () => {
    expect(codeOf(() => parseGs1("]C1", 2025))).toBe("GS1_EMPTY");
    expect(codeOf(() => parseGs1("(01)09506000134353", 2025))).toBe("GS1_BAD_CHECK_DIGIT");
    expect(codeOf(() => parseGs1("(01)0950600013435", 2025))).toBe("GS1_BAD_LENGTH");
    expect(codeOf(() => parseGs1("]C1010950600013", 2025))).toBe("GS1_BAD_LENGTH");
    expect(codeOf(() => parseGs1("(17)251301", 2025))).toBe("GS1_BAD_DATE");
    expect(codeOf(() => parseGs1("(17)250231", 2025))).toBe("GS1_BAD_DATE");
    expect(codeOf(() => parseGs1("(10)ABCDEFGHIJKLMNOPQRSTU", 2025))).toBe("GS1_BAD_LENGTH");
    expect(codeOf(() => parseGs1("(10)", 2025))).toBe("GS1_BAD_LENGTH");
    expect(codeOf(() => parseGs1("(10)AB CD", 2025))).toBe("GS1_BAD_CHARACTER");
    expect(codeOf(() => parseGs1("(99)ABC", 2025))).toBe("GS1_UNKNOWN_AI");
    expect(codeOf(() => parseGs1(`]d2${"00"}123456789012345675`, 2025))).toBe("GS1_UNKNOWN_AI");
    expect(codeOf(() => parseGs1("(10)A(10)B", 2025))).toBe("GS1_DUPLICATE_AI");
    expect(codeOf(() => parseGs1("(01)09506000134352junk", 2025))).toBe("GS1_BAD_LENGTH");
    expect(codeOf(() => parseGs1Product("(10)LOT1(17)250101", 2025))).toBe("GS1_NO_GTIN");
  });

  test("tells a GS1 scan from a plain barcode or a typed quantity", () => {
    expect(looksLikeGs1("]C10109506000134352")).toBe(true);
    expect(looksLikeGs1(`0109506000134352${GS}`)).toBe(true);
    expect(looksLikeGs1("(01)09506000134352")).toBe(true);
    expect(looksLikeGs1("4006381333931")).toBe(false);
    expect(looksLikeGs1("3*4011")).toBe(false);
  });
});
