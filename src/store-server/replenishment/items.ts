/**
 * What a suggested order considers: one row per item, with the vendor's terms. The seam where
 * the vendor's catalog is read: `VendorItemsSource` answers a vendor's items (or undefined for an
 * unknown vendor), read from purchasing by the store app; a suggestion without `vendorId` covers
 * every product sold, on the defaults of `[store.replenishment]`.
 */
import type { ReplenishmentSettings } from "../../core/replenishment-settings.ts";

export interface ReplenishmentItem {
  code: string;
  leadTimeDays: number;
  /** Units in a case. */
  caseSize: number;
  /** Least units to order. */
  minOrderQty: number;
}

/** A vendor's items, or undefined when the store knows no such vendor. */
export type VendorItemsSource = (vendorId: string) => readonly ReplenishmentItem[] | undefined;

/** Units on order (sent, not yet received) per product: counted as stock by the reorder rule. */
export type OnOrderSource = (codes: readonly string[]) => ReadonlyMap<string, number>;

/** Without a vendor catalog: every vendor is unknown. */
export const noVendorItems: VendorItemsSource = () => undefined;

/** Without purchase orders: nothing on order. */
export const nothingOnOrder: OnOrderSource = () => new Map();

/** The items of every code, on the store's defaults. */
export function defaultItems(codes: readonly string[], settings: ReplenishmentSettings): ReplenishmentItem[] {
  return codes.map((code) => ({
    code,
    leadTimeDays: settings.leadTimeDays,
    caseSize: settings.caseSize,
    minOrderQty: settings.minOrderQty,
  }));
}
