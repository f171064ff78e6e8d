import type { BasketLineInput, PricingSettings } from "../../src/core/pricing.ts";

/** New York City: net prices, 8.875% sales tax, groceries exempt. */
export const NYC: PricingSettings = {
  currency: "USD",
  pricesIncludeTax: false,
  taxRounding: "line",
  roundingMode: "half-up",
  cashRoundingMinor: 0,
  cashRoundingScope: "cash",
  taxClasses: [{ id: "1", name: "Regular", rate: "8.875" }],
};

/** Germany: gross prices, VAT 19% standard and 7% reduced. */
export const DE: PricingSettings = {
  currency: "EUR",
  pricesIncludeTax: true,
  taxRounding: "line",
  roundingMode: "half-up",
  cashRoundingMinor: 0,
  cashRoundingScope: "cash",
  taxClasses: [
    { id: "std", name: "MwSt 19%", rate: "19" },
    { id: "red", name: "MwSt 7%", rate: "7" },
  ],
};

/** Switzerland: gross prices, VAT 8.1% and 2.6%, cash paid to 0.05. */
export const CH: PricingSettings = {
  currency: "CHF",
  pricesIncludeTax: true,
  taxRounding: "document",
  roundingMode: "half-up",
  cashRoundingMinor: 5,
  cashRoundingScope: "cash",
  taxClasses: [
    { id: "std", name: "Normalsatz", rate: "8.1" },
    { id: "red", name: "Reduzierter Satz", rate: "2.6" },
  ],
};

/** Sweden: gross prices, 25% / 12% / 6% VAT, whole kronor for the total. */
export const SE: PricingSettings = {
  currency: "SEK",
  pricesIncludeTax: true,
  taxRounding: "document",
  roundingMode: "half-up",
  cashRoundingMinor: 100,
  cashRoundingScope: "all",
  taxClasses: [
    { id: "25", name: "Moms 25%", rate: "25" },
    { id: "12", name: "Moms 12%", rate: "12" },
    { id: "6", name: "Moms 6%", rate: "6" },
  ],
};

/** Japan: yen (no minor unit), gross prices, 10% standard and 8% reduced, per-rate rounding. */
export const JP: PricingSettings = {
  currency: "JPY",
  pricesIncludeTax: true,
  taxRounding: "document",
  roundingMode: "half-up",
  cashRoundingMinor: 0,
  cashRoundingScope: "cash",
  taxClasses: [
    { id: "10", name: "標準税率", rate: "10" },
    { id: "8", name: "軽減税率", rate: "8" },
  ],
};

/** Kuwait: dinar with three decimals (fils), no VAT. */
export const KW: PricingSettings = {
  currency: "KWD",
  pricesIncludeTax: false,
  taxRounding: "line",
  roundingMode: "half-up",
  cashRoundingMinor: 0,
  cashRoundingScope: "cash",
  taxClasses: [{ id: "0", name: "Zero", rate: "0" }],
};

export function line(
  code: string,
  unitPriceMinor: number,
  qtyMilli: number,
  taxClass: string | null,
  extra: Partial<BasketLineInput> = {},
): BasketLineInput {
  return { code, name: `Item ${code}`, qtyMilli, unitPriceMinor, taxClass, ...extra };
}
