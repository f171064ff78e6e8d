/**
 * `[receipt] barcode = true`: the till's receipt carries a Code 128 barcode of its receipt
 * number, printed with the printer's own GS k command (read back by the ESC/POS decoder).
 */
import { describe, expect, test } from "bun:test";
import { priceBasket } from "../../../src/core/pricing.ts";
import { type StoreSettingsInput, storeSettingsSchema } from "../../../src/core/settings.ts";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { renderDocument } from "../../../src/devices/escpos/render.ts";
import { saleReceipt } from "../../../src/till/app/receipt.ts";
import type { CompletedSale } from "../../../src/till/services.ts";

function receiptWith(settingsInput: StoreSettingsInput, more: Partial<CompletedSale> = {}) {
  const settings = storeSettingsSchema.parse(settingsInput);
  const lines = [{ code: "4011", qtyMilli: 2000 }];
  const sale: CompletedSale = {
    id: "0193a8f4-6c1e-7c3a-9b2e-5d4f3a2b1c0d",
    tillId: "T1",
    cashierId: "u1",
    at: "2026-12-07T10:00:00.000Z",
    receiptNo: "S1-T1-000042",
    lines,
    tenders: [{ type: "cash", amountMinor: 500 }],
    audit: [],
    quote: priceBasket(
      { lines: [{ code: "4011", name: "Bananas", qtyMilli: 2000, unitPriceMinor: 250, taxClass: null }] },
      settings,
    ),
    changeMinor: 0,
    cashRoundingMinor: 0,
    ...more,
  };
  return saleReceipt(sale, {
    settings,
    locale: "en-US",
    tillId: "T1",
    cashierName: "Ann",
    unitOf: () => "each",
  });
}

describe("the receipt's barcode for returns", () => {
  test("by default a QR code of the sale id; [receipt] barcode = true: Code 128 of the receipt number", () => {
    expect(receiptWith({}).returnCode).toBe("qr");
    const doc = receiptWith({ receipt: { barcode: true } });
    expect(doc.returnCode).toBe("code128");
    const { commands, lines } = decodeEscPos(renderDocument(doc, { columns: 32 }));
    expect(commands.filter((c) => c.op === "barcode")).toEqual([
      { op: "barcode", type: 73, data: "S1-T1-000042" },
    ]);
    expect(commands.filter((c) => c.op === "qr")).toEqual([]);
    expect(lines.some((line) => line.trim() === "S1-T1-000042")).toBe(true);
  });

  test("the prize-draw code from the messages prints as a Code 128 too, under its text", () => {
    const drawn = { receiptTexts: ["Prize draw code K7Q2M-4XW9P"], prizeCode: "K7Q2M-4XW9P" };
    const barcodes = (settings: StoreSettingsInput) =>
      decodeEscPos(renderDocument(receiptWith(settings, drawn), { columns: 48 })).commands.filter(
        (c) => c.op === "barcode",
      );
    expect(barcodes({ receipt: { barcode: true } })).toEqual([
      { op: "barcode", type: 73, data: "K7Q2M-4XW9P" },
      { op: "barcode", type: 73, data: "S1-T1-000042" },
    ]);
    // Without the setting the text alone, as before.
    expect(barcodes({})).toEqual([]);
  });

  test("a barcode setting that is not true or false is refused", () => {
    expect(storeSettingsSchema.safeParse({ receipt: { barcode: "yes" } }).success).toBe(false);
    expect(storeSettingsSchema.safeParse({ receipt: { barcodes: true } }).success).toBe(false);
  });
});
