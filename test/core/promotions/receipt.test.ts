import { expect, test } from "bun:test";
import { buildReceipt } from "../../../src/core/receipt.ts";
import { renderReceiptText } from "../../../src/core/receipt-layout.ts";

test("the receipt names each promotion under the discount, with what it took off", () => {
  const doc = buildReceipt({
    saleId: "0193a8f4-6c1e-7c3a-9b2e-5d4f3a2b1c0d",
    receiptNo: 7,
    at: "2026-12-07T12:00:00Z",
    currency: "USD",
    locale: "en-US",
    store: { name: "Corner Co-op" },
    lines: [
      {
        code: "0002",
        name: "Bread",
        qtyMilli: 3000,
        unitPriceMinor: 250,
        discountMinor: 250,
        totalMinor: 500,
      },
    ],
    subtotalMinor: 750,
    discountMinor: 250,
    promotions: [{ name: "Bread 3 for 2", discountMinor: 250 }],
    totalMinor: 500,
    tenders: [{ type: "cash", amountMinor: 500 }],
  });
  const text = renderReceiptText(doc, 32);
  const lines = text.split("\n");
  const discount = lines.findIndex((l) => l.startsWith("Discount"));
  expect(lines[discount + 1]).toMatch(/^ {2}Bread 3 for 2 +-2\.50$/);
});
