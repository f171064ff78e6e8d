/**
 * The chain's settings as head office sees them, read-only: what a catalog import checks rows
 * against before sending them (currency for prices, tax classes, price ceiling). Head office
 * keeps no settings of its own; they follow from the registered stores' settings, or the
 * store defaults while none is registered. Nothing here knows HTTP.
 */
import { asc } from "drizzle-orm";
import { stores } from "../../../schema/hq.ts";
import { type StoreSettings, storeSettingsSchema } from "../../core/settings.ts";
import type { HqContext } from "../context.ts";
import { CurrenciesDifferError } from "../errors.ts";

type TaxClass = StoreSettings["taxClasses"][number];

export interface ChainSettings {
  /** ISO 4217 code every registered store uses (prices are in its minor units). */
  currency: string;
  /** The stores' locale when they agree, else the default. */
  locale: string;
  /** Every tax class some store knows, by id (the first store's name and rate). */
  taxClasses: TaxClass[];
  /** The lowest price ceiling of the stores: a price above it could not be rung everywhere. */
  maxPriceMinor: number;
  /** How many registered stores these follow from. */
  stores: number;
}

export function chainSettings(ctx: HqContext): ChainSettings {
  const rows = ctx.db
    .select({ storeId: stores.storeId, currency: stores.currency, settings: stores.settings })
    .from(stores)
    .orderBy(asc(stores.storeId))
    .all();
  const defaults = storeSettingsSchema.parse({});
  if (rows.length === 0) {
    return {
      currency: defaults.currency,
      locale: defaults.locale,
      taxClasses: defaults.taxClasses,
      maxPriceMinor: defaults.maxPriceMinor,
      stores: 0,
    };
  }
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  if (currencies.length > 1) throw new CurrenciesDifferError(currencies);
  const all: StoreSettings[] = rows.map((r) =>
    r.settings === null ? defaults : storeSettingsSchema.parse(JSON.parse(r.settings)),
  );
  const locales = new Set(all.map((s) => s.locale));
  const taxClasses = new Map<string, TaxClass>();
  for (const s of all) for (const t of s.taxClasses) if (!taxClasses.has(t.id)) taxClasses.set(t.id, t);
  return {
    currency: currencies[0] ?? defaults.currency,
    locale: locales.size === 1 ? (all[0]?.locale ?? defaults.locale) : defaults.locale,
    taxClasses: [...taxClasses.values()],
    maxPriceMinor: Math.min(...all.map((s) => s.maxPriceMinor)),
    stores: rows.length,
  };
}
