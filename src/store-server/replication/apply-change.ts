/**
 * Applies head office's catalog changes to the store: products and prices through the
 * catalog service (so tills see them by change sequence, and the journal records them),
 * users into the users table, and store settings to the running store and its database.
 * Each entry carries its whole value, so applying one is idempotent.
 */
import { eq } from "drizzle-orm";
import { users } from "../../../schema/store.ts";
import {
  type CatalogChange,
  type ProductChangeValue,
  priceForStore,
  type UserChangeValue,
  userActiveAt,
} from "../../core/catalog-changes.ts";
import { type StoreSettings, storeSettingsSchema } from "../../core/settings.ts";
import type { CatalogService } from "../catalog/service.ts";
import { catalogWatchOf } from "../catalog/watch.ts";
import { pricingSettingsOf, type StoreContext, type StoreTx } from "../context.ts";
import { applyCard, applyCustomer, applyCustomerGroup } from "../customers/apply.ts";
import { appendEvent } from "../journal/journal.ts";
import { applyHqOrder, applyHqOrderAction } from "../orders/from-hq.ts";
import { applyHqMessage } from "../promotions/messages.ts";
import { applyHqCategory, applyHqPromotion } from "../promotions/service.ts";
import { applyPurchaseOrderFromHq } from "../purchasing/from-hq.ts";
import { applyHqCommissionRule, applyHqService } from "../services/from-hq.ts";
import { applyHqTender } from "../tenders/service.ts";
import { NO_PIN_TAG_PREFIX, pendingTag } from "../users/pins.ts";
import { applyHqRole } from "../users/rights.ts";
import { POINTER_KEYS, Pointers } from "./pointers.ts";

/** Who the journal names for changes that came from head office. */
export const HQ_ACTOR = "hq";

/** The stock fields head office sent (one that predates them sends none: the store's own stay). */
function stockFieldsFromHq(value: ProductChangeValue) {
  const { category, variantOf, variant, packs, minStock, maxStock } = value;
  return Object.fromEntries(
    Object.entries({ category, variantOf, variant, packs, minStock, maxStock }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as Pick<ProductChangeValue, "category" | "variantOf" | "variant" | "packs" | "minStock" | "maxStock">;
}

function applyProduct(
  tx: StoreTx,
  catalog: CatalogService,
  storeId: string,
  value: ProductChangeValue,
  at: Date,
) {
  catalog.upsertInTx(
    tx,
    {
      code: value.code,
      name: value.name,
      barcodes: value.barcodes,
      priceMinor: priceForStore(value, storeId),
      taxClass: value.taxClass,
      department: value.department,
      soldByWeight: value.soldByWeight,
      openPrice: value.openPrice,
      costMinor: value.costMinor,
      unit: value.unit,
      active: value.active,
      // A head office that predates ages sends none: the store's own stays.
      ...(value.minAge !== undefined ? { minAge: value.minAge } : {}),
      ...stockFieldsFromHq(value),
      ...(value.serialised !== undefined ? { serialised: value.serialised } : {}),
    },
    at,
  );
}

function applyPrice(
  tx: StoreTx,
  catalog: CatalogService,
  storeId: string,
  value: { code: string; priceMinor: number; storePrices: Record<string, number> },
  at: Date,
): boolean {
  const product = catalog.get(value.code);
  if (!product) return false;
  const priceMinor = priceForStore(value, storeId);
  if (product.priceMinor === priceMinor) return true;
  catalog.upsertInTx(
    tx,
    {
      code: product.code,
      name: product.name,
      priceMinor,
      taxClass: product.taxClass,
      department: product.department,
      soldByWeight: product.soldByWeight,
      openPrice: product.openPrice,
      costMinor: product.costMinor,
      unit: product.unit === "kg" || product.unit === "lb" || product.unit === "l" ? product.unit : "each",
      active: product.active,
    },
    at,
  );
  return true;
}

/**
 * A user from head office. Their PIN tag cannot be computed without the PIN, so it is pending
 * (checked by the argon2id hash until their first log-in here, see users/pins.ts). A user sent
 * without a hash (one who does not work at this store) cannot log in here.
 */
function applyUser(tx: StoreTx, storeId: string, value: UserChangeValue, at: Date): void {
  const existing = tx.select().from(users).where(eq(users.id, value.userId)).get();
  const active = userActiveAt(value, storeId) && value.pinHash !== null;
  const pinHash = value.pinHash ?? "";
  const row = {
    id: value.userId,
    name: value.name,
    role: value.role,
    pinHash,
    pinTag:
      existing && existing.pinHash === pinHash && pinHash !== ""
        ? existing.pinTag
        : value.pinHash === null
          ? `${NO_PIN_TAG_PREFIX}${value.userId}`
          : pendingTag(value.userId),
    failedAttempts: existing?.failedAttempts ?? 0,
    lockedUntil: existing?.lockedUntil ?? null,
    active,
    createdAt: existing?.createdAt ?? at.toISOString(),
  };
  if (existing) tx.update(users).set(row).where(eq(users.id, value.userId)).run();
  else tx.insert(users).values(row).run();
  const change = !existing
    ? "created"
    : existing.active && !active
      ? "deactivated"
      : !existing.active && active
        ? "reactivated"
        : existing.pinHash !== pinHash
          ? "pin_reset"
          : "updated";
  appendEvent(
    tx,
    storeId,
    "user.changed",
    {
      userId: value.userId,
      name: value.name,
      role: value.role,
      active,
      change,
      changedBy: HQ_ACTOR,
      at: at.toISOString(),
    },
    at,
  );
}

/** Puts settings into effect in the running store. */
export function applySettings(ctx: StoreContext, settings: StoreSettings): void {
  Object.assign(ctx.settings, settings);
  ctx.pricing = pricingSettingsOf(ctx.settings);
  catalogWatchOf(ctx).settingsChanged();
}

/** At start-up: the settings head office sent last win over the config file's. */
export function applyStoredSettings(ctx: StoreContext): void {
  const text = new Pointers(ctx.sqlite).text(POINTER_KEYS.settings);
  if (text === null) return;
  try {
    const parsed = storeSettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) applySettings(ctx, parsed.data);
  } catch {
    // Unreadable: keep the config file's settings until head office sends them again.
  }
}

export type ApplyResult = "applied" | "skipped";

/**
 * Applies one entry inside the caller's transaction. Settings take effect in memory only after
 * the commit: the caller gets them back to apply then.
 */
export function applyChange(
  ctx: StoreContext,
  tx: StoreTx,
  catalog: CatalogService,
  change: CatalogChange,
  at: Date,
): { result: ApplyResult; settings?: StoreSettings } {
  switch (change.kind) {
    case "product":
      applyProduct(tx, catalog, ctx.storeId, change.value, at);
      return { result: "applied" };
    case "price":
      return { result: applyPrice(tx, catalog, ctx.storeId, change.value, at) ? "applied" : "skipped" };
    case "user":
      applyUser(tx, ctx.storeId, change.value, at);
      return { result: "applied" };
    case "role":
      applyHqRole(tx, change.value, at);
      return { result: "applied" };
    case "settings":
      if (change.storeId !== ctx.storeId) return { result: "skipped" };
      new Pointers(ctx.sqlite).set(POINTER_KEYS.settings, JSON.stringify(change.value));
      return { result: "applied", settings: change.value };
    case "customer":
      applyCustomer(tx, change.value, change.at);
      return { result: "applied" };
    case "customer_group":
      applyCustomerGroup(tx, change.value, change.at);
      return { result: "applied" };
    case "card":
      applyCard(tx, change.value, change.at);
      return { result: "applied" };
    case "promotion":
      return { result: applyHqPromotion(ctx, tx, change.value, at) ? "applied" : "skipped" };
    case "category":
      applyHqCategory(ctx, tx, change.value);
      return { result: "applied" };
    case "purchase_order":
      if (change.storeId !== ctx.storeId) return { result: "skipped" };
      return { result: applyPurchaseOrderFromHq(ctx, tx, change.value, at) ? "applied" : "skipped" };
    case "order":
      if (change.storeId !== ctx.storeId) return { result: "skipped" };
      applyHqOrder(ctx, tx, change.value);
      return { result: "applied" };
    case "order_action":
      if (change.storeId !== ctx.storeId) return { result: "skipped" };
      applyHqOrderAction(ctx, tx, change.value);
      return { result: "applied" };
    case "message":
      return { result: applyHqMessage(ctx, tx, change.value, at) ? "applied" : "skipped" };
    case "tender":
      applyHqTender(tx, change.value, at);
      return { result: "applied" };
    case "service":
      applyHqService(ctx, tx, change.value, at);
      return { result: "applied" };
    case "commission_rule":
      applyHqCommissionRule(ctx, tx, change.value, at);
      return { result: "applied" };
  }
}
