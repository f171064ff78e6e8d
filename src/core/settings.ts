/**
 * Store settings (the `[store]` part of the TOML config, CONTRACT.md): currency, tax regime,
 * rounding and barcode layout. Validated once; the pricing settings are derived from it.
 */

import { z } from "zod";
import { COSTING_METHODS } from "./costing.ts";
import { EMBEDDED_PRESETS, embeddedRuleSchema } from "./embedded-barcode.ts";
import { DEFAULT_GIFT_CARD_MAX_MINOR } from "./gift-card-lines.ts";
import { kitchenSettingsSchema } from "./kitchen-settings.ts";
import { labelTemplateSchema } from "./labels/template.ts";
import { legalSettingsSchema } from "./legal-settings.ts";
import { currencyExponent } from "./money.ts";
import { replenishmentSettingsSchema } from "./replenishment-settings.ts";
import { quickKeysSettingsSchema, restaurantSettingsSchema, STORE_MODES } from "./restaurant-settings.ts";
import { scalesSettingsSchema } from "./scales/settings.ts";
import { servicesSettingsSchema } from "./services-settings.ts";
import { restrictedTenderSchema } from "./tender-eligibility.ts";
import { videoFeedsSchema } from "./video-feed.ts";

const ratePattern = /^(?:100(?:\.0{1,4})?|\d{1,2}(?:\.\d{1,4})?)$/;

export const taxClassSchema = z.object({
  id: z.string().min(1).max(16),
  name: z.string().min(1).max(40),
  rate: z
    .string()
    .regex(ratePattern, 'must be a percent between 0 and 100 as a decimal string, e.g. "8.875"'),
});

export const storeSettingsSchema = z
  .object({
    storeName: z.string().max(60).default("Ringup store"),
    addressLines: z.array(z.string().max(60)).max(4).default([]),
    /**
     * The base URL customers reach the store at (e.g. "https://shop.example"): receipts print a
     * QR code of their copy's link under it (`/r/<token>`). Unset: no QR code for the copy.
     */
    publicUrl: z
      .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, e.g. https://shop.example" })
      .max(200)
      .refine((u) => !u.includes("?") && !u.includes("#"), "must not have a query or a fragment")
      .optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD, EUR, CHF or JPY")
      .refine((c) => {
        try {
          currencyExponent(c);
          return true;
        } catch {
          return false;
        }
      }, "is not a known ISO 4217 currency")
      .default("USD"),
    locale: z.string().min(2).max(20).default("en-US"),
    /** IANA time zone of the shop: business days and daily reports follow it. */
    timeZone: z.string().default("UTC"),
    pricesIncludeTax: z.boolean().default(false),
    taxRounding: z.enum(["line", "document"]).default("line"),
    roundingMode: z.enum(["half-up", "half-even"]).default("half-up"),
    /** How stock is valued and what goods sold cost (docs/stock.md). */
    costing: z.enum(COSTING_METHODS).default("average"),
    /** Forecast, reorder points and suggested orders (docs/replenishment.md). */
    replenishment: replenishmentSettingsSchema,
    cashRoundingMinor: z.number().int().min(0).max(100_000).default(0),
    cashRoundingScope: z.enum(["cash", "all"]).default("cash"),
    embeddedBarcodes: z.enum([...EMBEDDED_PRESETS, "custom"]).default("US"),
    barcodeRules: z.array(embeddedRuleSchema).default([]),
    /** None until configured: a product naming a class the store lacks is refused, never taxed at a guess. */
    taxClasses: z.array(taxClassSchema).default([]),
    /** Largest unit price a till may ring or override to (absurd-price guard). */
    maxPriceMinor: z.number().int().positive().default(10_000_000),
    /** A goods receipt may bring a purchase order's line this many percent over what was ordered. */
    overReceiptPercent: z.number().int().min(0).max(1000).default(10),
    /** A quantity above this many (units or kg) asks the cashier to confirm it (a slip of the finger). */
    confirmQtyAbove: z.number().positive().max(1_000_000).default(100),
    /** An open or changed unit price above this asks the cashier to confirm it. */
    confirmPriceAboveMinor: z.number().int().positive().default(100_000),
    /**
     * While head office is unreachable, a gift card may pay up to this much (minor units) per
     * card per business day at this store; 0: card tenders only online.
     */
    offlineAllowanceMinor: z.number().int().min(0).max(100_000_000).default(0),
    /** The most one gift card sold at a till may load (minor units). */
    giftCardMaxMinor: z.number().int().min(1).max(100_000_000).default(DEFAULT_GIFT_CARD_MAX_MINOR),
    /** Supervisor approval (PIN) required for these cashier actions. */
    approvals: z
      .object({
        refund: z.boolean().default(true),
        voidAfterTotal: z.boolean().default(true),
        priceOverride: z.boolean().default(true),
        noSale: z.boolean().default(true),
        discount: z.boolean().default(false),
      })
      .prefault({}),
    /** Failed PIN attempts before a user is locked out, and for how long. */
    pinMaxAttempts: z.number().int().min(1).max(20).default(5),
    pinLockoutSeconds: z.number().int().min(1).max(86_400).default(300),
    /**
     * Wrong PINs across all tills within `pinLockoutSeconds` that lock PIN entry at every till
     * (guesses spread over made-up till ids); unset: 4 × pinMaxAttempts.
     */
    pinStoreMaxAttempts: z.number().int().min(1).max(1_000).optional(),
    /**
     * How far a till's clock may run ahead of the store's: a sale dated later than now plus this
     * is refused, as is a till's sale dated before the store opened (less this).
     */
    maxClockSkewSeconds: z.number().int().min(0).max(86_400).default(300),
    /** How often the store checks its database file for damage (PRAGMA quick_check); 0: at start only. */
    integrityCheckMinutes: z.number().int().min(0).max(10_080).default(1_440),
    /**
     * A cashier's session (PIN log-in) ends after this many minutes without a request, and in any
     * case this many hours after the log-in; the cashier logs in again. Tills' device tokens and
     * admin tokens do not expire (revoke them instead).
     */
    sessionIdleMinutes: z.number().positive().max(10_080).default(720),
    sessionMaxHours: z.number().positive().max(720).default(24),
    /**
     * true: a PIN log-in is taken only from a paired till (its device token, or a session of that
     * till); false (default, for tills installed before pairing): from any till id.
     */
    requirePairedTills: z.boolean().default(false),
    /**
     * Where users and PINs are managed: "store" (here, and head office's users too) or "hq"
     * (only at head office, which then sees every PIN choice of the store and keeps them unique).
     */
    usersManagedAt: z.enum(["store", "hq"]).default("store"),
    /**
     * Tenders that may pay only for flagged items, e.g. EBT (SNAP) only up to the total of the
     * products flagged `snapEligible`: see tender-eligibility.ts.
     */
    restrictedTenders: z
      .array(restrictedTenderSchema)
      .max(10)
      .default([{ type: "ebt", requires: "snapEligible" }]),
    /**
     * Tills and cashiers (user ids) in training: their sales are marked TRAINING on screen and
     * receipt, kept at the till and never recorded as sales (see training.ts).
     */
    training: z
      .object({
        tills: z.array(z.string().min(1).max(16)).max(100).default([]),
        cashiers: z.array(z.string().min(1).max(64)).max(1000).default([]),
      })
      .prefault({}),
    /** The seller's legal details for invoices and the accounting export (`[legal]`); none: no invoices. */
    legal: legalSettingsSchema.optional(),
    /** The kitchen's stations and printers (`[[kitchen.stations]]`); none: no kitchen tickets. */
    kitchen: kitchenSettingsSchema.optional(),
    /** Bookings of services: opening hours, free slots, reminders (`[services]`). */
    services: servicesSettingsSchema,
    /** The trade: "restaurant" gives the tills the table map (docs/restaurant.md). */
    mode: z.enum(STORE_MODES).default("retail"),
    /** Pages of named product keys on the tills (`[[quickKeys.pages]]`). */
    quickKeys: quickKeysSettingsSchema,
    /** Service charge and packaging of the restaurant mode (`[restaurant]`). */
    restaurant: restaurantSettingsSchema,
    /** The video security feeds (`[[videoFeeds]]`): the tills send their events there (video-feed.ts). */
    videoFeeds: videoFeedsSchema,
    /** The store's own shelf-label templates (`[[labelTemplates]]`), besides the built-in ones. */
    labelTemplates: z.array(labelTemplateSchema).max(50).default([]),
    /** The store's label scales (`[[scales]]`): id, uri, protocol, departments. */
    scales: scalesSettingsSchema,
    /** How often the store asks its label scales for their status by itself (0: never). */
    scaleHealthMinutes: z.number().int().min(0).max(1_440).default(5),
    /**
     * The product that carries delivery fees on a sale (its tax class applies): an order
     * delivered with a fee and collected becomes a sale with this product at the fee.
     */
    deliveryFeeProduct: z.string().trim().min(1).max(64).optional(),
    /**
     * What the tills' receipts print (`[receipt]`): `barcode = true` prints a Code 128 barcode of
     * the receipt number for returns (read by any 1D scanner) instead of the QR code of the sale id.
     */
    receipt: z.strictObject({ barcode: z.boolean().default(false) }).prefault({}),
  })
  .superRefine((s, ctx) => {
    if (s.embeddedBarcodes === "custom" && s.barcodeRules.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["barcodeRules"],
        message: 'embeddedBarcodes = "custom" needs at least one [[barcodeRules]] entry',
      });
    }
    const ids = new Set<string>();
    for (const t of s.taxClasses) {
      if (ids.has(t.id))
        ctx.addIssue({ code: "custom", path: ["taxClasses"], message: `tax class id "${t.id}" is repeated` });
      ids.add(t.id);
    }
  });

export type StoreSettings = z.infer<typeof storeSettingsSchema>;
export type StoreSettingsInput = z.input<typeof storeSettingsSchema>;
