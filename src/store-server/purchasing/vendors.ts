/**
 * Vendors and their catalogs: each vendor item's code at the vendor, case size, cost, lead time
 * and minimum order, and every cost it ever had with its date and source (the buyer's hand, a
 * catalog import, an invoice). A catalog import is all or nothing and names each bad line.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { products, vendorItemCosts, vendorItems, vendors } from "../../../schema/store.ts";
import type {
  Vendor,
  VendorImportRequest,
  VendorItem,
  VendorItemRequest,
  VendorPatch,
  VendorRequest,
} from "../../api/store/purchasing.ts";
import { DomainError } from "../../core/errors.ts";
import { canonicalJson } from "../../core/events.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import type { CatalogService } from "../catalog/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { catalogOf, checkedCost, productOf, qtyOf, trace, type VendorRow, vendorOf } from "./common.ts";
import { PurchasingError } from "./errors.ts";

export type CostSource = "manual" | "import" | "invoice";

/** A vendor item as a change sets it (quantities in milli-units). */
export interface ItemChange {
  code: string;
  vendorCode: string | null;
  caseSizeMilli: number | null;
  costMinor: number;
  leadTimeDays: number | null;
  minOrderMilli: number | null;
}

type ItemChangeResult = ItemChange & { previousCostMinor: number | null };

function vendorAnswer(row: VendorRow, itemCount: number): Vendor {
  return {
    id: row.id,
    name: row.name,
    contacts: JSON.parse(row.contacts) as Vendor["contacts"],
    paymentTerms: row.paymentTerms,
    paymentTypes: JSON.parse(row.paymentTypes) as string[],
    email: row.email,
    phone: row.phone,
    note: row.note,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    itemCount,
  };
}

/**
 * Sets vendor items in the caller's transaction, keeping a cost history row whenever an item's
 * cost is new or changes, and journals one `vendor.items_changed` event for them all.
 */
export function setItemsInTx(
  ctx: StoreContext,
  tx: StoreTx,
  vendorId: string,
  items: readonly ItemChange[],
  source: CostSource,
  refId: string | null,
  principal: Principal,
  at: Date,
): ItemChangeResult[] {
  const atIso = at.toISOString();
  const changed: ItemChangeResult[] = [];
  for (const item of items) {
    const before = tx
      .select()
      .from(vendorItems)
      .where(and(eq(vendorItems.vendorId, vendorId), eq(vendorItems.productCode, item.code)))
      .get();
    const next = {
      vendorCode: item.vendorCode,
      caseSizeMilli: item.caseSizeMilli,
      costMinor: item.costMinor,
      leadTimeDays: item.leadTimeDays,
      minOrderMilli: item.minOrderMilli,
    };
    if (
      before &&
      before.vendorCode === next.vendorCode &&
      before.caseSizeMilli === next.caseSizeMilli &&
      before.costMinor === next.costMinor &&
      before.leadTimeDays === next.leadTimeDays &&
      before.minOrderMilli === next.minOrderMilli
    ) {
      continue;
    }
    tx.insert(vendorItems)
      .values({ vendorId, productCode: item.code, ...next, updatedAt: atIso })
      .onConflictDoUpdate({
        target: [vendorItems.vendorId, vendorItems.productCode],
        set: { ...next, updatedAt: atIso },
      })
      .run();
    const previousCostMinor = before?.costMinor ?? null;
    if (previousCostMinor !== item.costMinor) {
      tx.insert(vendorItemCosts)
        .values({
          vendorId,
          productCode: item.code,
          costMinor: item.costMinor,
          previousCostMinor,
          source,
          refId,
          at: atIso,
          userId: principal.userId,
        })
        .run();
    }
    changed.push({ ...item, previousCostMinor });
  }
  if (changed.length > 0) {
    trace(
      ctx,
      tx,
      principal,
      at,
      AUDIT_ACTIONS.vendorItemsChanged,
      vendorId,
      { source, refId, items: changed.length },
      { vendorId, source, refId, userId: principal.userId, at: atIso, items: changed },
    );
  }
  return changed;
}

export class VendorService {
  private readonly catalog: CatalogService;
  constructor(private readonly ctx: StoreContext) {
    this.catalog = catalogOf(ctx);
  }

  get(id: string): Vendor {
    const row = vendorOf(this.ctx.db, id, "id");
    return vendorAnswer(row, this.itemCount(id));
  }

  private itemCount(id: string): number {
    return (
      this.ctx.db
        .select({ n: sql<number>`count(*)` })
        .from(vendorItems)
        .where(eq(vendorItems.vendorId, id))
        .get()?.n ?? 0
    );
  }

  list(includeInactive: boolean): Vendor[] {
    const rows = this.ctx.db
      .select()
      .from(vendors)
      .where(includeInactive ? undefined : eq(vendors.active, true))
      .orderBy(asc(vendors.name))
      .all();
    return rows.map((row) => vendorAnswer(row, this.itemCount(row.id)));
  }

  /** A new vendor; a repeat with the same content answers it as it is (created false). */
  create(request: VendorRequest, principal: Principal): { vendor: Vendor; created: boolean } {
    const existing = this.ctx.db.select().from(vendors).where(eq(vendors.id, request.id)).get();
    const fields = {
      name: request.name,
      contacts: canonicalJson(request.contacts ?? []),
      paymentTerms: request.paymentTerms ?? null,
      paymentTypes: canonicalJson(request.paymentTypes ?? []),
      email: request.email ?? null,
      phone: request.phone ?? null,
      note: request.note ?? null,
    };
    if (existing) {
      const same = (Object.keys(fields) as (keyof typeof fields)[]).every((k) => existing[k] === fields[k]);
      if (!same) {
        throw new PurchasingError(
          "VENDOR_ID_REUSED",
          `vendor ${request.id} exists with other details; change it with PATCH /vendors/${request.id}`,
          { vendorId: request.id },
        );
      }
      return { vendor: this.get(request.id), created: false };
    }
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      tx.insert(vendors)
        .values({
          id: request.id,
          ...fields,
          active: true,
          createdAt: at.toISOString(),
          updatedAt: at.toISOString(),
        })
        .run();
      this.journal(tx, request.id, principal, at);
    });
    return { vendor: this.get(request.id), created: true };
  }

  update(id: string, patch: VendorPatch, principal: Principal): Vendor {
    vendorOf(this.ctx.db, id, "id");
    const at = this.ctx.now();
    const set: Partial<VendorRow> = { updatedAt: at.toISOString() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.contacts !== undefined) set.contacts = canonicalJson(patch.contacts);
    if (patch.paymentTerms !== undefined) set.paymentTerms = patch.paymentTerms;
    if (patch.paymentTypes !== undefined) set.paymentTypes = canonicalJson(patch.paymentTypes);
    if (patch.email !== undefined) set.email = patch.email;
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.note !== undefined) set.note = patch.note;
    if (patch.active !== undefined) set.active = patch.active;
    this.ctx.db.transaction((tx) => {
      tx.update(vendors).set(set).where(eq(vendors.id, id)).run();
      this.journal(tx, id, principal, at);
    });
    return this.get(id);
  }

  private journal(tx: StoreTx, id: string, principal: Principal, at: Date): void {
    const row = vendorOf(tx, id, "id");
    trace(
      this.ctx,
      tx,
      principal,
      at,
      AUDIT_ACTIONS.vendorChanged,
      id,
      { name: row.name, active: row.active },
      {
        id,
        name: row.name,
        paymentTerms: row.paymentTerms,
        paymentTypes: JSON.parse(row.paymentTypes) as string[],
        active: row.active,
        userId: principal.userId,
        at: at.toISOString(),
      },
    );
  }

  /** The vendor's catalog, by product code; with each item's cost history when asked. */
  items(vendorId: string, withHistory: boolean, code?: string): VendorItem[] {
    vendorOf(this.ctx.db, vendorId, "id");
    const rows = this.ctx.db
      .select({ item: vendorItems, name: products.name })
      .from(vendorItems)
      .leftJoin(products, eq(products.code, vendorItems.productCode))
      .where(
        code === undefined
          ? eq(vendorItems.vendorId, vendorId)
          : and(eq(vendorItems.vendorId, vendorId), eq(vendorItems.productCode, code)),
      )
      .orderBy(asc(vendorItems.productCode))
      .all();
    return rows.map(({ item, name }) => ({
      vendorId,
      code: item.productCode,
      name,
      vendorCode: item.vendorCode,
      caseSizeMilli: item.caseSizeMilli,
      costMinor: item.costMinor,
      leadTimeDays: item.leadTimeDays,
      minOrderMilli: item.minOrderMilli,
      updatedAt: item.updatedAt,
      ...(withHistory ? { costHistory: this.history(vendorId, item.productCode) } : {}),
    }));
  }

  item(vendorId: string, code: string): VendorItem {
    const { code: productCode } = productOf(this.catalog, code, "code");
    const [item] = this.items(vendorId, true, productCode);
    if (!item) {
      throw new PurchasingError("VENDOR_ITEM_NOT_FOUND", `vendor ${vendorId} has no item ${productCode}`, {
        vendorId,
        code: productCode,
      });
    }
    return item;
  }

  private history(vendorId: string, code: string): NonNullable<VendorItem["costHistory"]> {
    return this.ctx.db
      .select({
        costMinor: vendorItemCosts.costMinor,
        previousCostMinor: vendorItemCosts.previousCostMinor,
        source: vendorItemCosts.source,
        refId: vendorItemCosts.refId,
        at: vendorItemCosts.at,
      })
      .from(vendorItemCosts)
      .where(and(eq(vendorItemCosts.vendorId, vendorId), eq(vendorItemCosts.productCode, code)))
      .orderBy(desc(vendorItemCosts.id))
      .all();
  }

  private change(request: VendorItemRequest, where: string): ItemChange {
    const product = productOf(this.catalog, request.code, `${where}code`);
    return {
      code: product.code,
      vendorCode: request.vendorCode ?? null,
      caseSizeMilli:
        request.caseSize === undefined ? null : qtyOf(product, request.caseSize, `${where}caseSize`),
      costMinor: checkedCost(this.ctx, request.costMinor, `${where}costMinor`),
      leadTimeDays: request.leadTimeDays ?? null,
      minOrderMilli:
        request.minOrderQty === undefined ? null : qtyOf(product, request.minOrderQty, `${where}minOrderQty`),
    };
  }

  /** Sets one item of the vendor's catalog by hand (a cost change is kept as "manual"). */
  setItem(vendorId: string, request: VendorItemRequest, principal: Principal): VendorItem {
    const vendor = vendorOf(this.ctx.db, vendorId, "id");
    const change = this.change(request, "");
    this.ctx.db.transaction((tx) => {
      setItemsInTx(this.ctx, tx, vendor.id, [change], "manual", null, principal, this.ctx.now());
    });
    return this.item(vendorId, change.code);
  }

  /**
   * Imports a catalog: every item is checked first and the first bad ones are named by line
   * (all or nothing); then all are set in one transaction, cost changes kept as "import".
   */
  import(
    request: VendorImportRequest,
    principal: Principal,
  ): { vendorId: string; imported: number; added: number; costChanges: number } {
    const vendorId = vendorOf(this.ctx.db, request.vendorId).id;
    const changes: ItemChange[] = [];
    const errors: { line: number; message: string }[] = [];
    const seen = new Map<string, number>();
    request.items.forEach((item, i) => {
      const line = item.line ?? i + 1;
      const where = item.line === undefined ? `items.${i}.` : `line ${item.line}: `;
      try {
        const change = this.change(item, where);
        const first = seen.get(change.code);
        if (first !== undefined) {
          throw new PurchasingError(
            "DUPLICATE_LINE",
            `${where}code: ${change.code} is listed again (first on line ${first})`,
          );
        }
        seen.set(change.code, line);
        changes.push(change);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        errors.push({ line, message: err.message });
      }
    });
    if (errors.length > 0) {
      const shown = errors.slice(0, 20);
      throw new PurchasingError(
        "IMPORT_INVALID",
        `nothing was imported: ${errors.length} bad line(s): ${shown.map((e) => e.message).join("; ")}${errors.length > shown.length ? "; …" : ""}`,
        { errors: shown, errorCount: errors.length },
      );
    }
    const known = new Set(
      this.ctx.db
        .select({ code: vendorItems.productCode })
        .from(vendorItems)
        .where(eq(vendorItems.vendorId, vendorId))
        .all()
        .map((r) => r.code),
    );
    let changed: ItemChangeResult[] = [];
    this.ctx.db.transaction((tx) => {
      changed = setItemsInTx(
        this.ctx,
        tx,
        vendorId,
        changes,
        "import",
        request.source ?? null,
        principal,
        this.ctx.now(),
      );
    });
    return {
      vendorId,
      imported: changes.length,
      added: changes.filter((c) => !known.has(c.code)).length,
      costChanges: changed.filter((c) => c.previousCostMinor !== null && c.previousCostMinor !== c.costMinor)
        .length,
    };
  }
}
