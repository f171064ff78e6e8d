/**
 * Writing a priced return in the caller's transaction: the return and its lines, the quantity
 * returned on the original sale's lines, stock back in, refund tenders, the tax breakdown, an
 * audit row and the `return.recorded` journal event.
 */
import { and, eq, sql } from "drizzle-orm";
import { audit, returnLines, returns, saleLines, saleTaxes, tenders } from "../../../schema/store.ts";
import type { ReturnResponse } from "../../api/store/returns.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { markSerialInTx, serialOfSaleLine } from "../serials/service.ts";
import { costingOf, moveStock } from "../stock/ledger.ts";

export interface ReturnExtras {
  shiftId: string | null;
  day: string;
  reason: string | null;
  customerId: string | null;
  /** The store that sold the goods when it is another store of the chain. */
  foreignStoreId: string | null;
}

export function writeReturn(
  ctx: StoreContext,
  tx: StoreTx,
  ret: ReturnResponse,
  extra: ReturnExtras,
  at: Date,
): void {
  const { shiftId, day } = extra;
  tx.insert(returns)
    .values({
      id: ret.id,
      receiptNo: ret.receiptNo,
      originalSaleId: ret.originalSaleId,
      tillId: ret.tillId,
      cashierId: ret.cashierId,
      approvedBy: ret.approvedBy,
      shiftId,
      at: ret.at,
      day,
      subtotalMinor: ret.subtotalMinor,
      discountMinor: ret.discountMinor,
      taxMinor: ret.taxMinor,
      totalMinor: ret.totalMinor,
      response: JSON.stringify(ret),
    })
    .run();
  for (const l of ret.lines) {
    const { qty: _qty, ...row } = l;
    tx.insert(returnLines)
      .values({ returnId: ret.id, ...row })
      .run();
    let giftCard = false;
    if (ret.originalSaleId !== null && l.originalLineNo !== null) {
      giftCard = isGiftCardLine(tx, ret.originalSaleId, l.originalLineNo);
      tx.update(saleLines)
        .set({ returnedMilli: sql`${saleLines.returnedMilli} + ${l.qtyMilli}` })
        .where(and(eq(saleLines.saleId, ret.originalSaleId), eq(saleLines.lineNo, l.originalLineNo)))
        .run();
      const sold = serialOfSaleLine(tx, ret.originalSaleId, l.originalLineNo);
      if (sold) markSerialInTx(tx, sold.code, sold.serial, "returned");
    }
    // A gift card sold moved no stock; its load was taken back at head office (gift-cards/).
    if (giftCard) continue;
    moveStock(
      tx,
      {
        code: l.code,
        qtyMilli: l.qtyMilli,
        kind: "return",
        refId: ret.id,
        userId: ret.cashierId,
        at: ret.at,
        saleLine:
          ret.originalSaleId !== null && l.originalLineNo !== null
            ? `${ret.originalSaleId}:${l.originalLineNo}`
            : null,
      },
      costingOf(ctx.settings),
    );
  }
  ret.tenders.forEach((t, idx) => {
    tx.insert(tenders)
      .values({
        docId: ret.id,
        idx,
        docKind: "return",
        type: t.type,
        amountMinor: t.amountMinor,
        day,
        shiftId,
      })
      .run();
  });
  for (const t of ret.taxes) {
    tx.insert(saleTaxes)
      .values({ docId: ret.id, docKind: "return", day, ...t })
      .run();
  }
  tx.insert(audit)
    .values({
      at: ret.at,
      action: "return.recorded",
      userId: ret.cashierId,
      tillId: ret.tillId,
      approvedBy: ret.approvedBy,
      refId: ret.id,
      detail: JSON.stringify({
        receiptNo: ret.receiptNo,
        originalSaleId: ret.originalSaleId,
        originalStoreId: ret.originalStoreId,
        withReceipt: ret.originalSaleId !== null,
        totalMinor: ret.totalMinor,
        reason: extra.reason,
      }),
    })
    .run();
  appendEvent(
    tx,
    ctx.storeId,
    "return.recorded",
    {
      returnId: ret.id,
      receiptNo: ret.receiptNo,
      originalSaleId: ret.originalSaleId,
      originalReceiptNo: ret.originalReceiptNo,
      ...(extra.foreignStoreId !== null ? { originalStoreId: extra.foreignStoreId } : {}),
      tillId: ret.tillId,
      cashierId: ret.cashierId,
      approvedBy: ret.approvedBy,
      shiftId,
      at: ret.at,
      day,
      currency: ret.currency,
      lines: ret.lines.map(({ qty: _qty, ...l }) => l),
      subtotalMinor: ret.subtotalMinor,
      discountMinor: ret.discountMinor,
      taxMinor: ret.taxMinor,
      totalMinor: ret.totalMinor,
      taxes: ret.taxes,
      tenders: ret.tenders.map(({ type, amountMinor }) => ({ type, amountMinor })),
      cashRoundingMinor: ret.cashRoundingMinor,
      reason: extra.reason,
      customerId: extra.customerId,
    },
    at,
  );
}

function isGiftCardLine(tx: StoreTx, saleId: string, lineNo: number): boolean {
  const row = tx
    .select({ kind: saleLines.kind })
    .from(saleLines)
    .where(and(eq(saleLines.saleId, saleId), eq(saleLines.lineNo, lineNo)))
    .get();
  return row?.kind === "giftCard";
}
