import { describe, expect, test } from "bun:test";
import { InvalidInputError } from "../../src/core/errors.ts";
import {
  buildShiftReport,
  layoutShiftReport,
  renderShiftReportText,
  type ShiftReportInput,
} from "../../src/core/receipt-shift-report.ts";

function shift(overrides: Partial<ShiftReportInput> = {}): ShiftReportInput {
  return {
    kind: "Z",
    number: 17,
    store: { name: "Corner Co-op" },
    tillId: "T1",
    cashierName: "Anna",
    openedAt: "2025-11-23T08:00:00Z",
    at: "2025-11-23T20:00:00Z",
    currency: "USD",
    locale: "en-US",
    salesCount: 120,
    returnsCount: 2,
    grossMinor: 250000,
    discountMinor: 5000,
    taxMinor: 21000,
    netMinor: 224000,
    totalMinor: 245000,
    byTender: [
      { type: "cash", amountMinor: 100000 },
      { type: "card", amountMinor: 145000 },
    ],
    byTaxClass: [{ taxClass: "Regular", rate: "8.875", baseMinor: 224000, taxMinor: 21000 }],
    cash: {
      openingFloatMinor: 20000,
      cashInMinor: 0,
      cashOutMinor: 5000,
      expectedMinor: 115000,
      countedMinor: 114900,
    },
    noSaleOpenings: 3,
    ...overrides,
  };
}

describe("shift reports", () => {
  test("a Z report shows its number, the closing time, totals by tender and tax, and the cash count", () => {
    const rows = renderShiftReportText(buildShiftReport(shift()), 48).split("\n");
    expect(rows.some((r) => r.trim() === "Z REPORT 17")).toBe(true);
    expect(rows).toContain(`Closed${" ".repeat(26)}2025-11-23 20:00`);
    expect(rows).toContain(`Sales${" ".repeat(40)}120`);
    expect(rows).toContain(`TOTAL${" ".repeat(31)}USD 2,450.00`);
    expect(rows).toContain(`Card${" ".repeat(36)}1,450.00`);
    expect(rows).toContain(`Regular 8.875%${" ".repeat(28)}210.00`);
    expect(rows).toContain(`Cash out${" ".repeat(34)}-50.00`);
    expect(rows).toContain(`Difference${" ".repeat(33)}-1.00`);
    expect(rows).toContain(`No-sale openings${" ".repeat(31)}3`);
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(48);
  });

  test("staff commissions earned in the shift are printed by staff member, none: no section", () => {
    const commissions = [
      { staffId: "u-ann", staffName: "Ann Stylist", commissionMinor: 1167 },
      { staffId: "u-bob", staffName: null, commissionMinor: 750 },
    ];
    const rows = renderShiftReportText(buildShiftReport(shift({ commissions })), 48).split("\n");
    const at = rows.indexOf("Staff commissions");
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1, at + 3)).toEqual([
      `Ann Stylist${" ".repeat(32)}11.67`,
      `u-bob${" ".repeat(39)}7.50`,
    ]);
    const none = renderShiftReportText(buildShiftReport(shift()), 48);
    expect(none).not.toContain("Staff commissions");
  });

  test("an X report is a reading, printed at a time rather than closed", () => {
    const text = renderShiftReportText(buildShiftReport(shift({ kind: "X", cash: undefined })), 32);
    expect(text).toContain("X REPORT 17");
    expect(text).toContain("Printed");
    expect(text).not.toContain("Closed");
    expect(text).not.toContain("Expected cash");
  });

  test("reports are translated", () => {
    expect(
      renderShiftReportText(buildShiftReport(shift({ locale: "ru-RU", currency: "RUB" })), 48),
    ).toContain("Z-ОТЧЁТ 17");
    expect(
      renderShiftReportText(buildShiftReport(shift({ locale: "az-AZ", currency: "AZN" })), 48),
    ).toContain("Z HESABATI 17");
  });

  test("the layout titles the report bold and tall", () => {
    const rows = layoutShiftReport(buildShiftReport(shift()), 48).rows;
    expect(rows.find((r) => r.kind === "text" && r.text.includes("Z REPORT"))).toMatchObject({
      bold: true,
      tall: true,
    });
  });

  test("malformed totals are refused with the field named", () => {
    try {
      buildShiftReport(shift({ totalMinor: 1.5 }));
      throw new Error("expected a refusal");
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).code).toBe("INVALID_SHIFT_REPORT");
      expect((error as InvalidInputError).message).toContain("totalMinor");
    }
  });
});
