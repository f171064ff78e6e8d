/**
 * Voiding a completed sale: allowed while no goods were returned from it and its shift is
 * still open (afterwards a return is the way), with a supervisor's approval when the store asks
 * for one. The stock comes back (movements of kind "void"), the sale is marked voided (reports
 * leave it out), and the void is audited and journalled. A repeat answers the voided sale.
 */

import { and, desc, eq } from "drizzle-orm";
import { audit, returns, saleLines, sales, shifts } from "../../../schema/store.ts";
import type { VoidInfo, VoidRequest } from "../../api/store/returns.ts";
import type { SaleResponse } from "../../api/store/sales.ts";
import type { Principal } from "../auth/tokens.ts";
import { queueVoidReversal } from "../card-tenders/earning-reversals.ts";
import { queueVoidRefunds } from "../card-tenders/refunds.ts";
import type { StoreContext } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { SalesService } from "../sales/service.ts";
import { costingOf, moveStock } from "../stock/ledger.ts";
import { actorId, requireTillAccess } from "../users/index.ts";
import { checkApproval } from "./approval.ts";
import { ReturnError } from "./errors.ts";
import { requireReturnsPrincipal } from "./service.ts";

export type VoidedSale = SaleResponse & { void: VoidInfo | null };

export class SaleVoidService {
  private readonly sales: SalesService;
  constructor(private readonly ctx: StoreContext) {
    this.sales = new SalesService(ctx);
  }

  private voidInfo(saleId: string): VoidInfo | null {
    const row = this.ctx.db
      .select({ at: audit.at, userId: audit.userId, approvedBy: audit.approvedBy, detail: audit.detail })
      .from(audit)
      .where(and(eq(audit.refId, saleId), eq(audit.action, "sale.voided")))
      .orderBy(desc(audit.id))
      .get();
    if (!row) return null;
    const detail = row.detail ? (JSON.parse(row.detail) as { reason?: string | null }) : {};
    return { at: row.at, userId: row.userId, approvedBy: row.approvedBy, reason: detail.reason ?? null };
  }

  private notFound(saleId: string): ReturnError {
    return new ReturnError("SALE_NOT_FOUND", `no sale has the id ${saleId}`, { saleId });
  }

  void(saleId: string, request: VoidRequest, principal: Principal): { sale: VoidedSale; created: boolean } {
    requireReturnsPrincipal(principal, "voiding a sale");
    const sale = this.sales.get(saleId);
    if (!sale) throw this.notFound(saleId);
    if (sale.status === "voided") return { sale: { ...sale, void: this.voidInfo(saleId) }, created: false };
    this.checkVoidable(saleId, sale.receiptNo);
    const tillId = request?.tillId ?? principal.tillId ?? sale.tillId;
    requireTillAccess(principal, tillId, "voiding a sale");
    const approval = checkApproval(
      this.ctx,
      principal,
      "voidAfterTotal",
      this.ctx.settings.approvals.voidAfterTotal,
      { approvalPin: request?.approvalPin, approvalId: request?.approvalId },
      { tillId: principal.tillId ?? tillId, refId: saleId },
    );

    const at = this.ctx.now();
    const atIso = at.toISOString();
    const userId = actorId(principal);
    const reason = request?.reason ?? null;
    const created = this.ctx.db.transaction((tx) => {
      const marked = tx
        .update(sales)
        .set({ status: "voided" })
        .where(and(eq(sales.id, saleId), eq(sales.status, "completed")))
        .returning({ id: sales.id })
        .get();
      if (!marked) return false;
      const approvedBy = approval.consume ? approval.consume(tx) : approval.approvedBy;
      const lines = tx.select().from(saleLines).where(eq(saleLines.saleId, saleId)).all();
      for (const l of lines) {
        // A gift card sold moved no stock; its load is taken back at head office (gift-cards/).
        if (l.kind === "giftCard") continue;
        moveStock(
          tx,
          {
            code: l.code,
            qtyMilli: l.qtyMilli,
            kind: "void",
            refId: saleId,
            reason,
            userId,
            at: atIso,
            saleLine: `${saleId}:${l.lineNo}`,
          },
          costingOf(this.ctx.settings),
        );
      }
      queueVoidRefunds(tx, saleId, atIso);
      queueVoidReversal(tx, saleId, atIso);
      tx.insert(audit)
        .values({
          at: atIso,
          action: "sale.voided",
          userId,
          tillId,
          approvedBy,
          refId: saleId,
          detail: JSON.stringify({ receiptNo: sale.receiptNo, totalMinor: sale.totalMinor, reason }),
        })
        .run();
      appendEvent(
        tx,
        this.ctx.storeId,
        "sale.voided",
        {
          saleId,
          receiptNo: sale.receiptNo,
          tillId: sale.tillId,
          cashierId: userId,
          approvedBy,
          at: atIso,
          reason,
          lineCount: lines.length,
          totalMinor: sale.totalMinor,
        },
        at,
      );
      return true;
    });
    const after = this.sales.get(saleId);
    if (!after) throw this.notFound(saleId);
    return { sale: { ...after, void: this.voidInfo(saleId) }, created };
  }

  private checkVoidable(saleId: string, receiptNo: string): void {
    const returned = this.ctx.db
      .select({ id: returns.id })
      .from(returns)
      .where(eq(returns.originalSaleId, saleId))
      .get();
    if (returned) {
      throw new ReturnError(
        "SALE_HAS_RETURNS",
        `sale ${receiptNo} has goods returned from it (return ${returned.id}); return the rest instead of voiding`,
        { saleId, returnId: returned.id },
      );
    }
    const shift = this.ctx.db
      .select({ closedAt: shifts.closedAt })
      .from(sales)
      .innerJoin(shifts, eq(shifts.id, sales.shiftId))
      .where(eq(sales.id, saleId))
      .get();
    if (shift?.closedAt) {
      throw new ReturnError(
        "SHIFT_CLOSED",
        `sale ${receiptNo} belongs to a shift closed at ${shift.closedAt}; take the goods back with a return instead`,
        { saleId },
      );
    }
  }
}
