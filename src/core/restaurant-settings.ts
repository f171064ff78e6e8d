/**
 * The store's trade (`mode`), its quick keys (`[[quickKeys.pages]]`) and the restaurant's
 * settings (`[restaurant]`): top-level keys of the store's configuration that tills receive with
 * the rest of the settings (`GET /settings`).
 */
import { z } from "zod";

const productCode = z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters");

/** One named key of a quick-key page: pressing it adds the product as if scanned. */
export const quickKeySchema = z.strictObject({
  /** What the key shows (it fits a 20-character cell with its hotkey). */
  label: z.string().trim().min(1, "must not be empty").max(14, "must be at most 14 characters"),
  /** The product code (or barcode, PLU) it rings. */
  code: productCode,
  /** The key that presses it on its page; default its place: 1…9, 0, then a…j. */
  hotkey: z
    .string()
    .regex(/^[0-9a-z]$/, "must be one digit or lower-case letter")
    .optional(),
});

export const quickKeyPageSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(16, "must be at most 16 characters"),
  /** At most 20 keys: a page is a grid of 5 rows of 4 keys at 80×24. */
  keys: z.array(quickKeySchema).min(1, "a page needs at least one key").max(20, "at most 20 keys per page"),
});

/** The default hotkeys of a page's keys, in order. */
export const QUICK_KEY_HOTKEYS = "1234567890abcdefghij";

export const quickKeysSettingsSchema = z
  .strictObject({
    pages: z.array(quickKeyPageSchema).max(9, "at most 9 pages").default([]),
  })
  .prefault({})
  .superRefine((settings, ctx) => {
    settings.pages.forEach((page, p) => {
      const seen = new Set<string>();
      page.keys.forEach((key, k) => {
        const hotkey = key.hotkey ?? QUICK_KEY_HOTKEYS[k] ?? "";
        if (seen.has(hotkey))
          ctx.addIssue({
            code: "custom",
            path: ["pages", p, "keys", k, "hotkey"],
            message: `hotkey "${hotkey}" is used twice on page "${page.name}"`,
          });
        seen.add(hotkey);
      });
    });
  });
export type QuickKeysSettings = z.infer<typeof quickKeysSettingsSchema>;
export type QuickKeyPage = z.infer<typeof quickKeyPageSchema>;

/** The hotkey of each key of a page (its own, or its place's). */
export function pageHotkeys(page: QuickKeyPage): string[] {
  return page.keys.map((key, i) => key.hotkey ?? QUICK_KEY_HOTKEYS[i] ?? "");
}

export const STORE_MODES = ["retail", "restaurant"] as const;
export type StoreMode = (typeof STORE_MODES)[number];

export const restaurantSettingsSchema = z
  .strictObject({
    /** A service charge on every dine-in check (percent, decimal string); "0": none. */
    serviceChargePercent: z
      .string()
      .regex(/^(?:100(?:\.0{1,2})?|\d{1,2}(?:\.\d{1,2})?)$/, 'must be a percent such as "10" or "12.5"')
      .default("0"),
    /** The open-price product the service charge is sold as (needed when it is above 0). */
    serviceChargeCode: productCode.optional(),
    /** The product sold once per takeaway item (its box or bag); none: no packaging line. */
    packagingCode: productCode.optional(),
  })
  .prefault({})
  .superRefine((r, ctx) => {
    if (Number(r.serviceChargePercent) > 0 && r.serviceChargeCode === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["serviceChargeCode"],
        message: "a service charge needs serviceChargeCode (the open-price product it is sold as)",
      });
  });
export type RestaurantSettings = z.infer<typeof restaurantSettingsSchema>;
