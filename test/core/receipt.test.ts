import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { InvalidInputError } from "../../src/core/errors.ts";
import { buildReceipt, columnsForPaper, type ReceiptInput } from "../../src/core/receipt.ts";
import { formatAmount, formatQuantity, formatRate } from "../../src/core/receipt-format.ts";
import { receiptLabels, receiptLanguage } from "../../src/core/receipt-labels.ts";
import { layoutReceipt, renderReceiptText, textWidth, wrapText } from "../../src/core/receipt-layout.ts";

const SALE_ID = "0193a8f4-6c1e-7c3a-9b2e-5d4f3a2b1c0d";

function sale(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    saleId: SALE_ID,
    receiptNo: 42,
    at: "2025-11-23T16:48:00Z",
    currency: "USD",
    locale: "en-US",
    store: { name: "Corner Co-op", addressLines: ["1 Main St", "Springfield"] },
    cashierName: "Anna",
    tillId: "T1",
    lines: [
      {
        code: "4011",
        name: "Bananas",
        qtyMilli: 1455,
        unit: "kg",
        unitPriceMinor: 199,
        discountMinor: 0,
        taxMinor: 0,
        totalMinor: 290,
      },
      {
        code: "123",
        name: "Oat milk",
        qtyMilli: 1000,
        unitPriceMinor: 349,
        discountMinor: 50,
        taxMinor: 27,
        totalMinor: 299,
      },
    ],
    taxes: [{ taxClass: "1", rate: "8.875", baseMinor: 299, taxMinor: 27 }],
    subtotalMinor: 639,
    discountMinor: 50,
    taxMinor: 27,
    totalMinor: 616,
    tenders: [{ type: "cash", amountMinor: 2000 }],
    changeMinor: 1384,
    ...overrides,
  };
}

function lines(text: string): string[] {
  return text.split("\n");
}

describe("buildReceipt", () => {
  test("normalizes the currency and locale and keeps the sale's numbers", () => {
    const doc = buildReceipt(sale({ currency: "usd", locale: "en-us" }));
    expect(doc.currency).toBe("USD");
    expect(doc.locale).toBe("en-US");
    expect(doc.receiptNo).toBe("42");
    expect(doc.totalMinor).toBe(616);
    expect(doc.copy).toBe(false);
  });

  test("refuses fractional money and names the field", () => {
    const bad = sale();
    const line = bad.lines[0];
    if (line === undefined) throw new Error("fixture has lines");
    bad.lines = [{ ...line, totalMinor: 2.9 }];
    let error: unknown;
    try {
      buildReceipt(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).code).toBe("INVALID_RECEIPT");
    expect((error as InvalidInputError).message).toContain("lines.0.totalMinor");
  });

  test("refuses a receipt without lines, an unknown currency, a bad locale and a bad time zone", () => {
    const code = (input: unknown): string => {
      try {
        buildReceipt(input);
        return "built";
      } catch (e) {
        return e instanceof InvalidInputError ? e.code : "other";
      }
    };
    expect(code(sale({ lines: [] }))).toBe("INVALID_RECEIPT");
    expect(code(sale({ currency: "XYZ" }))).toBe("UNKNOWN_CURRENCY");
    expect(code(sale({ locale: "not a locale!" }))).toBe("INVALID_LOCALE");
    expect(code(sale({ timeZone: "Mars/Olympus" }))).toBe("INVALID_TIME_ZONE");
    expect(code(sale({ at: "yesterday" }))).toBe("INVALID_RECEIPT");
  });
});

describe("renderReceiptText", () => {
  test("an 80 mm receipt has the header, lines, totals, tenders and change in 48 columns", () => {
    const text = renderReceiptText(buildReceipt(sale()), 48);
    const rows = lines(text);
    for (const row of rows) expect(textWidth(row)).toBeLessThanOrEqual(48);
    expect(rows[0]).toBe(`${" ".repeat(18)}Corner Co-op`);
    expect(rows).toContain(`Receipt 42${" ".repeat(22)}2025-11-23 16:48`);
    expect(rows).toContain(`  1.455 kg x 1.99${" ".repeat(27)}2.90`);
    expect(rows).toContain(`Oat milk${" ".repeat(36)}3.49`);
    expect(rows).toContain(`  Discount${" ".repeat(33)}-0.50`);
    expect(rows).toContain(`TOTAL${" ".repeat(38)}$6.16`);
    expect(rows).toContain(`Cash${" ".repeat(39)}20.00`);
    expect(rows).toContain(`Change${" ".repeat(36)}$13.84`);
    expect(rows).toContain(`Tax 8.875% base 2.99${" ".repeat(24)}0.27`);
    expect(rows.some((row) => row.includes(SALE_ID))).toBe(true);
    expect(text).not.toContain("COPY");
  });

  test("a 58 mm receipt fits 32 columns, wrapping the sale id and long names", () => {
    const longName = "Extra virgin olive oil, cold pressed, 750 ml bottle";
    const input = sale();
    const first = input.lines[0];
    if (first === undefined) throw new Error("fixture has lines");
    input.lines = [{ ...first, name: longName }];
    const rows = lines(renderReceiptText(buildReceipt(input), columnsForPaper(58)));
    for (const row of rows) expect(textWidth(row)).toBeLessThanOrEqual(32);
    expect(rows).toContain("Extra virgin olive oil, cold");
    expect(rows.join("").replace(/\s/g, "")).toContain(SALE_ID);
  });

  test("a reprint is marked as a copy at the top and at the bottom", () => {
    const text = renderReceiptText(buildReceipt(sale({ copy: true })), 48);
    expect(text.match(/\*\*\* COPY \*\*\*/g)?.length).toBe(2);
  });

  test("a training sale is marked at the top and the bottom, in each language, within 32 columns", () => {
    const marks = { en: "TRAINING", fr: "FORMATION", ru: "ОБУЧЕНИЕ", az: "TƏLİM" };
    for (const [locale, mark] of Object.entries(marks)) {
      const text = renderReceiptText(buildReceipt(sale({ locale, training: true })), 32);
      expect(text.split(`*** ${mark} ***`).length - 1).toBe(2);
      for (const row of text.split("\n")) expect(textWidth(row)).toBeLessThanOrEqual(32);
    }
    expect(renderReceiptText(buildReceipt(sale({})), 48)).not.toContain("TRAINING");
  });

  test("cash rounding shows the adjustment and the rounded amount due", () => {
    const rows = lines(renderReceiptText(buildReceipt(sale({ cashRoundingMinor: -1 })), 48));
    expect(rows).toContain(`Cash rounding${" ".repeat(30)}-0.01`);
    expect(rows).toContain(`Amount due${" ".repeat(33)}$6.15`);
  });

  test("gross prices show the tax as included and do not add it to the total", () => {
    const text = renderReceiptText(buildReceipt(sale({ pricesIncludeTax: true })), 48);
    expect(text).toContain("Tax included");
    expect(lines(text).filter((row) => /^Tax\s+0\.27$/.test(row))).toHaveLength(0);
  });

  test("a refund is titled as one", () => {
    expect(renderReceiptText(buildReceipt(sale({ kind: "refund" })), 48)).toContain("REFUND");
  });

  test.each([
    ["ru-RU", "RUB", ["ИТОГ", "Сдача", "Кассир: Anna", "1,455 кг x 1,99", "6,16 ₽"]],
    ["fr-FR", "EUR", ["TOTAL", "Rendu", "Caissier: Anna", "Sous-total", "6,16 €"]],
    ["az-AZ", "AZN", ["CƏMİ", "Qalıq", "Kassir: Anna", "Ara cəm", "6,16 ₼"]],
  ])("labels and numbers follow the locale %s", (locale, currency, expected) => {
    const text = renderReceiptText(buildReceipt(sale({ locale, currency })), 48);
    for (const fragment of expected) expect(text).toContain(fragment);
  });

  test("the copy mark is translated", () => {
    expect(renderReceiptText(buildReceipt(sale({ locale: "fr", copy: true })), 48)).toContain("DUPLICATA");
    expect(renderReceiptText(buildReceipt(sale({ locale: "ru", copy: true })), 48)).toContain("КОПИЯ");
    expect(renderReceiptText(buildReceipt(sale({ locale: "az", copy: true })), 48)).toContain("SURƏT");
  });

  test("the local time follows the store's time zone", () => {
    const doc = buildReceipt(sale({ at: "2025-11-23T23:30:00Z", timeZone: "Asia/Baku" }));
    expect(renderReceiptText(doc, 48)).toContain("2025-11-24 03:30");
  });

  test("the currency can be shown as its code for printers without the symbol", () => {
    const doc = buildReceipt(sale({ locale: "ru-RU", currency: "RUB" }));
    const text = renderReceiptText(doc, 48, { currencyDisplay: "code" });
    expect(text).toContain("6,16 RUB");
    expect(text).not.toContain("₽");
  });
});

describe("layoutReceipt", () => {
  test("puts a QR code of the sale id after the totals, or a Code 128 barcode of the receipt number, or nothing", () => {
    const codes = (returnCode: "qr" | "code128" | "none") =>
      layoutReceipt(buildReceipt(sale({ returnCode })), { columns: 48 }).rows.filter(
        (r) => r.kind === "code",
      );
    expect(codes("qr")).toEqual([{ kind: "code", symbology: "qr", data: SALE_ID }]);
    // The receipt number, not the 36-character sale id: that one would be wider than the paper.
    expect(codes("code128")).toEqual([{ kind: "code", symbology: "code128", data: "42" }]);
    expect(codes("none")).toEqual([]);
  });

  test("marks the store name and the total bold and tall", () => {
    const rows = layoutReceipt(buildReceipt(sale()), { columns: 48 }).rows;
    const total = rows.find((r) => r.kind === "text" && r.text.startsWith("TOTAL"));
    expect(total).toMatchObject({ bold: true, tall: true });
  });

  test("refuses a width outside 24..64 columns", () => {
    expect(() => layoutReceipt(buildReceipt(sale()), { columns: 10 })).toThrow(/32 for 58 mm/);
  });

  test("no line is ever wider than the paper, whatever the names and amounts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 24, max: 64 }),
        fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        (columns, name, totalMinor) => {
          const input = sale({ totalMinor });
          const first = input.lines[0];
          if (first === undefined) throw new Error("fixture has lines");
          input.lines = [{ ...first, name, totalMinor }];
          for (const row of lines(renderReceiptText(buildReceipt(input), columns))) {
            expect(textWidth(row)).toBeLessThanOrEqual(columns);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("receipt formatting", () => {
  test("money is exact up to the largest safe integer", () => {
    expect(formatAmount(9_007_199_254_740_991, "USD", "en-US")).toBe("$90,071,992,547,409.91");
    expect(formatAmount(-5, "USD", "en-US", "none")).toBe("-0.05");
    expect(formatAmount(1234, "JPY", "en-US")).toBe("¥1,234");
    expect(formatAmount(1234567, "KWD", "en-US", "code")).toBe("KWD 1,234.567");
    expect(formatAmount(123450, "RUB", "ru-RU")).toBe("1 234,50 ₽");
  });

  test("quantities and rates follow the locale", () => {
    expect(formatQuantity(2000, "en")).toBe("2");
    expect(formatQuantity(455, "fr")).toBe("0,455");
    expect(formatRate("20", "fr")).toBe("20 %");
    expect(formatRate("8.875", "en")).toBe("8.875%");
  });

  test("the receipt language comes from the locale, English when there is no table", () => {
    expect(receiptLanguage("ru-RU")).toBe("ru");
    expect(receiptLanguage("az_Latn_AZ")).toBe("az");
    expect(receiptLanguage("de-DE")).toBe("en");
    expect(receiptLabels("fr-CA").total).toBe("TOTAL");
  });

  test("wrapText breaks at spaces and splits words longer than the line", () => {
    expect(wrapText("one two three", 7)).toEqual(["one two", "three"]);
    expect(wrapText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });
});

describe("lots and serials on the receipt", () => {
  const labelled = (locale: string) =>
    sale({
      locale,
      lines: [
        {
          code: "TV",
          name: "Television",
          qtyMilli: 1000,
          unitPriceMinor: 639,
          discountMinor: 0,
          taxMinor: 0,
          totalMinor: 639,
          serial: "SN-0042",
          lot: "L7",
          expiry: "2027-12-31",
        },
      ],
      taxes: [],
      subtotalMinor: 639,
      discountMinor: 0,
      taxMinor: 0,
      totalMinor: 639,
      tenders: [{ type: "cash", amountMinor: 639 }],
      changeMinor: 0,
    });

  test("a line's serial and lot print under it, in the receipt's language", () => {
    const en = lines(renderReceiptText(buildReceipt(labelled("en-US")), 32));
    const at = en.findIndex((l) => l.startsWith("Television"));
    expect(en.slice(at + 1, at + 3)).toEqual(["  S/N SN-0042", "  Lot L7 exp 2027-12-31"]);
    const fr = renderReceiptText(buildReceipt(labelled("fr-FR")), 32);
    expect(fr).toContain("  N/S SN-0042");
    const ru = renderReceiptText(buildReceipt(labelled("ru-RU")), 32);
    expect(ru).toContain("  Партия L7 годен до 2027-12-31");
  });

  test("a line without them prints as before", () => {
    expect(renderReceiptText(buildReceipt(sale()), 32)).not.toContain("S/N");
  });
});
