/**
 * What the cashier's role may do in a sale, checked by the store on the document a till sends
 * (priced by the store or as rung): a discount no larger than the role's `maxDiscountPercent`
 * unless someone whose role allows that much approved it, a price override only by a role
 * that may, or with an approval (src/api/store/roles.ts), and a void after total likewise
 * (void-rights.ts). Approvals are proven first
 * (identity.ts `proveApprovals`); this reads who approved and what their role allows.
 *
 * A discount is measured twice: as the till declared it (each `discount.given` entry, a percent
 * or an amount of its line or of the sale), and on the document's own amounts (every discount
 * that no promotion explains, as a share of the sale's gross), so an undeclared one is caught.
 */
import { eq } from "drizzle-orm";
import { users } from "../../../schema/store.ts";
import { approvalNeeded, mayApprove } from "../../api/store/roles.ts";
import type { SaleAuditEntry as AuditEntry, RecordSaleRequest } from "../../api/store/sales.ts";
import type { Rights } from "../../core/permissions.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { rightsOfRole } from "../users/rights.ts";
import { SaleError } from "./errors.ts";
import type { SaleIdentity } from "./identity.ts";
import { requireVoidApprovals } from "./void-rights.ts";

/** The sale's amounts the check measures: its lines' gross and discounts, and its promotions. */
export interface PricedSale {
  lines: readonly { code: string; extendedMinor: number; discountMinor: number }[];
  discountMinor: number;
  promotions?: readonly { discountMinor: number }[] | undefined;
}

/** Two places, as the error details give percents. */
const round2 = (n: number) => Math.round(n * 100) / 100;

function userRights(tx: StoreTx, userId: string): Rights | null {
  const row = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
  return row ? rightsOfRole(tx, row.role) : null;
}

/** The rights of the cashier the sale is proven for (the caller's own without one). */
function cashierRights(tx: StoreTx, identity: SaleIdentity, principal: Principal): Rights {
  return (identity.cashierId === null ? null : userRights(tx, identity.cashierId)) ?? principal.rights;
}

function overLimit(percent: number, rights: Rights, approved: boolean): SaleError {
  const pct = round2(percent);
  return new SaleError(
    "DISCOUNT_OVER_LIMIT",
    approved
      ? `a discount of ${pct}% is more than the approver's role ${rights.roleId} allows (${rights.maxDiscountPercent}%); a supervisor whose role allows ${pct}% must approve it`
      : `a discount of ${pct}% is more than the role ${rights.roleId} gives alone (${rights.maxDiscountPercent}%); a supervisor whose role allows it must approve it at the till`,
    { percent: pct, maxDiscountPercent: rights.maxDiscountPercent, role: rights.roleId },
  );
}

const percentOf = (partMinor: number, wholeMinor: number) =>
  wholeMinor > 0 ? (partMinor * 100) / wholeMinor : 0;

/** The percent a `discount.given` entry declares (of its line, or of the sale's gross). */
function declaredPercent(entry: AuditEntry, sale: PricedSale, grossMinor: number): number | null {
  const detail = entry.detail ?? {};
  if (detail.percent !== undefined && detail.percent !== null) {
    const n = Number(detail.percent);
    return Number.isFinite(n) ? n : null;
  }
  if (typeof detail.amountMinor !== "number") return null;
  const line = typeof detail.code === "string" ? sale.lines.find((l) => l.code === detail.code) : undefined;
  return percentOf(detail.amountMinor, line?.extendedMinor ?? grossMinor);
}

/** A staff member's own discount (the staff PIN at the till): allowed up to their staff percent. */
function staffCeiling(tx: StoreTx, entry: AuditEntry): number | null {
  const detail = entry.detail ?? {};
  if (detail.reason !== "staff" || typeof detail.staffId !== "string") return null;
  const row = tx
    .select({ percent: users.staffDiscountPercent })
    .from(users)
    .where(eq(users.id, detail.staffId))
    .get();
  const n = Number(row?.percent ?? Number.NaN);
  return Number.isFinite(n) ? n : null;
}

/** The discounts of a store-priced request, as percents. */
function requestedPercents(request: RecordSaleRequest, sale: PricedSale, grossMinor: number): number[] {
  if (request.asRung === true) return [];
  const specs = [
    ...request.lines.map((l, i) => ({ spec: l.discount, base: sale.lines[i]?.extendedMinor ?? 0 })),
    { spec: request.discount, base: grossMinor },
  ];
  return specs.flatMap(({ spec, base }) => {
    if (spec === undefined) return [];
    return ["percent" in spec ? Number(spec.percent) : percentOf(spec.amountMinor, base)];
  });
}

function requireDiscountLimits(
  tx: StoreTx,
  request: RecordSaleRequest,
  sale: PricedSale,
  cashier: Rights,
): void {
  const grossMinor = sale.lines.reduce((sum, l) => sum + Math.max(0, l.extendedMinor), 0);
  let ceiling = cashier.maxDiscountPercent;
  for (const entry of request.audit ?? []) {
    if (entry.action !== "discount.given") continue;
    const percent = declaredPercent(entry, sale, grossMinor);
    const staff = staffCeiling(tx, entry);
    if (staff !== null && percent !== null && percent <= staff) {
      ceiling = Math.max(ceiling, staff);
      continue;
    }
    const approver = entry.approvedBy ? userRights(tx, entry.approvedBy) : null;
    const allowed = approver && mayApprove(approver, "discount") ? approver.maxDiscountPercent : 0;
    if (percent !== null && percent > Math.max(cashier.maxDiscountPercent, allowed)) {
      throw overLimit(percent, approver ?? cashier, approver !== null);
    }
    ceiling = Math.max(ceiling, allowed);
  }
  for (const percent of requestedPercents(request, sale, grossMinor)) {
    if (percent > ceiling) throw overLimit(percent, cashier, false);
  }
  // What no promotion explains, measured on the amounts (each line may round half a unit up).
  const promotedMinor = (sale.promotions ?? []).reduce((sum, p) => sum + p.discountMinor, 0);
  const manualMinor = sale.discountMinor - promotedMinor;
  const allowedMinor = Math.ceil((grossMinor * ceiling) / 100) + sale.lines.length;
  if (manualMinor > allowedMinor) throw overLimit(percentOf(manualMinor, grossMinor), cashier, false);
}

/**
 * A line priced by override needs the role's `price_override`, or an approved override of it:
 * as rung, a line with `priceSource: "override"`; priced by the store, a line whose given price
 * is not the one the store would take (`storeOverrides`, its indexes).
 */
function requirePriceOverrides(
  ctx: StoreContext,
  request: RecordSaleRequest,
  cashier: Rights,
  storeOverrides: readonly number[],
): void {
  const overridden = (line: RecordSaleRequest["lines"][number], i: number) =>
    request.asRung === true
      ? "priceSource" in line && line.priceSource === "override"
      : storeOverrides.includes(i);
  if (!approvalNeeded(ctx.settings.approvals.priceOverride, cashier, "priceOverride")) return;
  if (mayApprove(cashier, "priceOverride")) return;
  const approved = (request.audit ?? []).filter((e) => e.action === "price.overridden" && e.approvedBy);
  request.lines.forEach((line, i) => {
    if (!overridden(line, i)) return;
    const covered = approved.some((e) => e.detail?.code === undefined || e.detail.code === line.code);
    if (covered) return;
    throw new SaleError(
      "APPROVAL_REQUIRED",
      `lines[${i}] (${line.code}): a price override needs the price_override permission, which the role ${cashier.roleId} does not have, or a supervisor's approval`,
      { permission: "price_override", role: cashier.roleId, line: i },
    );
  });
}

/**
 * Refuses a till's sale that holds what the cashier's role may not do alone and nobody allowed
 * to approved. Sales recorded with an admin token (imports, API clients) are not a cashier's.
 * `storeOverrides`: the lines of a store-priced sale whose given price overrides the store's.
 */
export function requireSaleRights(
  ctx: StoreContext,
  tx: StoreTx,
  request: RecordSaleRequest,
  sale: PricedSale,
  identity: SaleIdentity,
  principal: Principal,
  storeOverrides: readonly number[] = [],
): void {
  if (!identity.fromTill) return;
  const cashier = cashierRights(tx, identity, principal);
  requireDiscountLimits(tx, request, sale, cashier);
  requirePriceOverrides(ctx, request, cashier, storeOverrides);
  requireVoidApprovals(ctx, request.audit ?? [], cashier);
}

/** The same for a sale cancelled at the till before payment: its voids after total. */
export function requireCancellationRights(
  ctx: StoreContext,
  tx: StoreTx,
  entries: readonly AuditEntry[],
  identity: SaleIdentity,
  principal: Principal,
): void {
  if (!identity.fromTill) return;
  requireVoidApprovals(ctx, entries, cashierRights(tx, identity, principal));
}
