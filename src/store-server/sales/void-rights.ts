/**
 * Voids after total in what a till sends (a completed sale's audit, or a sale cancelled before
 * payment): the till marks each void it made after the sale was totalled (`detail.afterTotal`),
 * and the store refuses one from a cashier whose role needs an approval for it (the
 * `approvals.voidAfterTotal` setting, or a custom role without `void_after_total`) unless the
 * entry carries an approval. Approvals are proven first (identity.ts `proveApprovals`, which
 * also checks the approver's role may approve a void after total).
 */
import { approvalNeeded, mayApprove } from "../../api/store/roles.ts";
import type { SaleAuditEntry as AuditEntry } from "../../api/store/sales.ts";
import type { Rights } from "../../core/permissions.ts";
import type { StoreContext } from "../context.ts";
import { SaleError } from "./errors.ts";

const VOIDS: ReadonlySet<string> = new Set(["line.voided", "sale.voided"]);

/** Whether an audit entry is a void the till made after the sale was totalled. */
export const voidAfterTotal = (entry: AuditEntry): boolean =>
  VOIDS.has(entry.action) && entry.detail?.afterTotal === true;

export function requireVoidApprovals(
  ctx: StoreContext,
  entries: readonly AuditEntry[],
  cashier: Rights,
): void {
  if (!approvalNeeded(ctx.settings.approvals.voidAfterTotal, cashier, "voidAfterTotal")) return;
  if (mayApprove(cashier, "voidAfterTotal")) return;
  entries.forEach((entry, i) => {
    if (!voidAfterTotal(entry) || entry.approvedBy) return;
    throw new SaleError(
      "APPROVAL_REQUIRED",
      `audit[${i}] (${entry.action}): a void after total needs the void_after_total permission, which the role ${cashier.roleId} does not have, or a supervisor's approval`,
      { permission: "void_after_total", role: cashier.roleId, audit: i },
    );
  });
}
