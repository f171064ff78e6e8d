/**
 * Sales cancelled at the till before payment: never paid, so never in the takings, but every
 * line rung and voided leaves a trace. The till sends the cancelled sale with its cashier
 * actions; the store records each action and the cancellation in the audit log and journals
 * them (`audit.recorded`, `sale.voided` with no receipt number), once per sale id.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { audit, sales } from "../../../schema/store.ts";
import { auditEntrySchema } from "../../api/store/sales.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { SaleError } from "./errors.ts";
import { proveApprovals, saleIdentity } from "./identity.ts";
import { requireCancellationRights } from "./sale-rights.ts";
import { requireSaleTime } from "./sale-time.ts";

const minor = z.number().int("must be whole minor units").min(0, "must not be negative");

export const cancellationSchema = z.strictObject({
  id: z.uuid("must be the cancelled sale's id"),
  at: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }),
  tillId: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,16}$/, "must be 1 to 16 letters, digits or underscores")
    .optional(),
  cashierId: z.string().max(40).optional(),
  madeIn: z.string().max(2_000).optional(),
  reason: z.string().min(1).max(200).optional(),
  /** The lines still on the sale when it was cancelled. */
  lines: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(32),
        name: z.string().min(1).max(120),
        qtyMilli: z.number().int().positive(),
        unitPriceMinor: minor,
        totalMinor: minor,
      }),
    )
    .max(500),
  totalMinor: minor,
  /** Cashier actions taken on the sale (voided lines, overrides, the cancellation's approval). */
  audit: z.array(auditEntrySchema).max(200),
});
export type CancellationRequest = z.infer<typeof cancellationSchema>;

export interface CancellationAnswer {
  id: string;
  cancelled: true;
  tillId: string;
  cashierId: string | null;
  lineCount: number;
  totalMinor: number;
  actions: number;
}

export function recordCancellation(
  ctx: StoreContext,
  request: CancellationRequest,
  principal: Principal,
): { answer: CancellationAnswer; created: boolean } {
  const identity = saleIdentity(ctx, request, principal);
  requireSaleTime(ctx, new Date(request.at), identity.fromTill, "the cancelled sale");
  return ctx.db.transaction((tx) => {
    const answer: CancellationAnswer = {
      id: request.id,
      cancelled: true,
      tillId: identity.tillId,
      cashierId: identity.cashierId,
      lineCount: request.lines.length,
      totalMinor: request.totalMinor,
      actions: request.audit.length,
    };
    const seen = tx
      .select({ id: audit.id })
      .from(audit)
      .where(and(eq(audit.action, AUDIT_ACTIONS.saleCancelled), eq(audit.refId, request.id)))
      .get();
    if (seen) return { answer, created: false };
    if (tx.select({ id: sales.id }).from(sales).where(eq(sales.id, request.id)).get()) {
      throw new SaleError(
        "SALE_COMPLETED",
        `sale ${request.id} was completed; a completed sale is voided or returned, not cancelled`,
      );
    }
    proveApprovals(ctx, tx, request.audit, identity, request.id);
    requireCancellationRights(ctx, tx, request.audit, identity, principal);
    const at = new Date(request.at);
    const write = (row: {
      at: string;
      action: string;
      userId: string | null;
      tillId: string | null;
      approvedBy: string | null;
      refId: string | null;
      detail: string | null;
    }) => {
      tx.insert(audit).values(row).run();
      appendEvent(tx, ctx.storeId, "audit.recorded", row, at);
    };
    for (const entry of request.audit) {
      write({
        at: entry.at ?? request.at,
        action: entry.action,
        userId: entry.userId ?? identity.cashierId,
        tillId: identity.tillId,
        approvedBy: entry.approvedBy ?? null,
        refId: request.id,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      });
    }
    const approvedBy =
      [...request.audit].reverse().find((e) => e.action === "sale.voided")?.approvedBy ?? null;
    write({
      at: request.at,
      action: AUDIT_ACTIONS.saleCancelled,
      userId: identity.cashierId,
      tillId: identity.tillId,
      approvedBy,
      refId: request.id,
      detail: JSON.stringify({
        lines: request.lines.map((l) => `${l.code} x${l.qtyMilli / 1000} ${l.totalMinor}`).slice(0, 50),
        totalMinor: request.totalMinor,
        reason: request.reason ?? null,
      }),
    });
    appendEvent(
      tx,
      ctx.storeId,
      "sale.voided",
      {
        saleId: request.id,
        receiptNo: null,
        tillId: identity.tillId,
        cashierId: identity.cashierId,
        approvedBy,
        at: request.at,
        reason: request.reason ?? "cancelled before payment",
        lineCount: request.lines.length,
        totalMinor: request.totalMinor,
      },
      at,
    );
    return { answer, created: true };
  });
}
