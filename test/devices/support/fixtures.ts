import { buildReceipt, type ReceiptDoc, type ReceiptInput } from "../../../src/core/receipt.ts";

export const SALE_ID = "0193a8f4-6c1e-7c3a-9b2e-5d4f3a2b1c0d";

const NAMES: Record<string, [string, string, string]> = {
  en: ["Corner Co-op", "Organic bananas", "Oat milk 1 L"],
  ru: ["Кооператив «Угол»", "Бананы органические", "Овсяное молоко 1 л"],
  fr: ["Épicerie du Coin", "Bananes bio", "Lait d'avoine à l'ancienne"],
  az: ["Künc Mağazası", "Üzvi banan", "Yulaf südü, şəkərsiz"],
};

/** A recorded sale's receipt in a language: a weighed line, a discounted line, cash with change. */
export function sampleReceipt(
  locale = "en-US",
  currency = "USD",
  overrides: Partial<ReceiptInput> = {},
): ReceiptDoc {
  const [store, first, second] = NAMES[locale.slice(0, 2)] ?? NAMES.en ?? ["", "", ""];
  return buildReceipt({
    saleId: SALE_ID,
    receiptNo: 42,
    at: "2025-11-23T16:48:00Z",
    currency,
    locale,
    store: { name: store, addressLines: ["1 Main St"] },
    cashierName: "Anna",
    tillId: "T1",
    lines: [
      { code: "4011", name: first, qtyMilli: 1455, unit: "kg", unitPriceMinor: 199, totalMinor: 290 },
      {
        code: "123",
        name: second,
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
  });
}
