/**
 * Any store's sale as head office received it, with what was already returned against each
 * line in any store and what each return paid back per tender, so a shop can take back goods
 * bought in another one (the answer is the contract's `ChainSale`). Found by sale id or by
 * receipt number. Nothing here knows HTTP.
 */
import { and, asc, eq } from "drizzle-orm";
import {
  hqReturnLines,
  hqReturns,
  hqSaleLines,
  hqSales,
  hqSaleTaxes,
  hqTenders,
} from "../../../schema/hq.ts";
import type { ChainSale } from "../../core/chain-sale.ts";
import { isUuid, parseReceiptNo } from "../../core/ids.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import type { HqContext } from "../context.ts";
import { UnknownSaleError } from "../errors.ts";

type SaleRow = typeof hqSales.$inferSelect;

export class ChainSalesService {
  constructor(private readonly ctx: HqContext) {}

  private find(idOrReceipt: string): SaleRow | undefined {
    const db = this.ctx.db;
    if (isUuid(idOrReceipt)) {
      return db.select().from(hqSales).where(eq(hqSales.id, idOrReceipt.toLowerCase())).get();
    }
    const receipt = parseReceiptNo(idOrReceipt);
    if (receipt === null) return undefined;
    const padded = `${receipt.storeId}-${receipt.tillId}-${String(receipt.seq).padStart(6, "0")}`;
    return db
      .select()
      .from(hqSales)
      .where(and(eq(hqSales.storeId, receipt.storeId), eq(hqSales.receiptNo, padded)))
      .get();
  }

  /**
   * A sale as a store may read it: its own whole; another store's (counted by `countForeign`
   * before it is looked for, found or not) without who sold it or to whom.
   */
  getForStore(
    idOrReceipt: string,
    ownStores: readonly string[],
    countForeign: () => void,
  ): ChainSale & Record<string, unknown> {
    const ref = idOrReceipt.trim();
    const receipt = isUuid(ref) ? null : parseReceiptNo(ref);
    if (receipt === null || !ownStores.includes(receipt.storeId)) {
      const sale = this.find(ref);
      if (!sale || !ownStores.includes(sale.storeId)) {
        countForeign();
        if (!sale) throw new UnknownSaleError(idOrReceipt);
        const { cashierId: _cashier, customerId: _customer, ...rest } = this.view(sale);
        return rest;
      }
      return this.view(sale);
    }
    return this.get(ref);
  }

  get(idOrReceipt: string): ChainSale & Record<string, unknown> {
    const sale = this.find(idOrReceipt.trim());
    if (!sale) throw new UnknownSaleError(idOrReceipt);
    return this.view(sale);
  }

  private view(
    sale: SaleRow,
  ): ChainSale & Record<string, unknown> & { cashierId: string | null; customerId: string | null } {
    const db = this.ctx.db;
    const returns = db
      .select()
      .from(hqReturns)
      .where(eq(hqReturns.originalSaleId, sale.id))
      .orderBy(asc(hqReturns.at))
      .all();
    const returned = new Map<string, number>();
    const returnViews = returns.map((r) => {
      const lines = db
        .select()
        .from(hqReturnLines)
        .where(eq(hqReturnLines.returnId, r.id))
        .orderBy(asc(hqReturnLines.lineNo))
        .all();
      for (const l of lines) {
        const key = l.originalLineNo === null ? `code:${l.code}` : `line:${l.originalLineNo}`;
        returned.set(key, (returned.get(key) ?? 0) + l.qtyMilli);
      }
      const refunded = db
        .select({ type: hqTenders.type, amountMinor: hqTenders.amountMinor })
        .from(hqTenders)
        .where(and(eq(hqTenders.docId, r.id), eq(hqTenders.docKind, "return")))
        .orderBy(asc(hqTenders.idx))
        .all();
      return {
        id: r.id,
        storeId: r.storeId,
        receiptNo: r.receiptNo,
        at: r.at,
        totalMinor: r.totalMinor,
        lines: lines.map((l) => ({ originalLineNo: l.originalLineNo, code: l.code, qtyMilli: l.qtyMilli })),
        tenders: refunded,
      };
    });
    const lines = db
      .select()
      .from(hqSaleLines)
      .where(eq(hqSaleLines.saleId, sale.id))
      .orderBy(asc(hqSaleLines.lineNo))
      .all()
      .map((l) => {
        // Returns that named no original line count against the first lines of the same code.
        const byLine = returned.get(`line:${l.lineNo}`) ?? 0;
        const byCode = returned.get(`code:${l.code}`) ?? 0;
        const fromCode = Math.min(byCode, l.qtyMilli - byLine);
        if (fromCode > 0) returned.set(`code:${l.code}`, byCode - fromCode);
        const returnedMilli = byLine + Math.max(0, fromCode);
        return {
          lineNo: l.lineNo,
          code: l.code,
          name: l.name,
          department: l.department,
          taxClass: l.taxClass,
          qty: Number(milliToDecimalString(l.qtyMilli)),
          qtyMilli: l.qtyMilli,
          unitPriceMinor: l.unitPriceMinor,
          extendedMinor: l.extendedMinor,
          discountMinor: l.discountMinor,
          taxMinor: l.taxMinor,
          totalMinor: l.totalMinor,
          returnedMilli,
        };
      });
    const tenders = db
      .select({ type: hqTenders.type, amountMinor: hqTenders.amountMinor })
      .from(hqTenders)
      .where(and(eq(hqTenders.docId, sale.id), eq(hqTenders.docKind, "sale")))
      .orderBy(asc(hqTenders.idx))
      .all();
    const taxes = db
      .select({
        taxClass: hqSaleTaxes.taxClass,
        rate: hqSaleTaxes.rate,
        baseMinor: hqSaleTaxes.baseMinor,
        taxMinor: hqSaleTaxes.taxMinor,
      })
      .from(hqSaleTaxes)
      .where(and(eq(hqSaleTaxes.docId, sale.id), eq(hqSaleTaxes.docKind, "sale")))
      .orderBy(asc(hqSaleTaxes.taxClass))
      .all();
    return {
      id: sale.id,
      storeId: sale.storeId,
      receiptNo: sale.receiptNo,
      tillId: sale.tillId,
      cashierId: sale.cashierId,
      customerId: sale.customerId,
      at: sale.at,
      day: sale.day,
      currency: sale.currency,
      status: sale.status,
      subtotalMinor: sale.subtotalMinor,
      discountMinor: sale.discountMinor,
      taxMinor: sale.taxMinor,
      totalMinor: sale.totalMinor,
      changeMinor: sale.changeMinor,
      cashRoundingMinor: sale.cashRoundingMinor,
      voidedAt: sale.voidedAt,
      lines,
      taxes,
      tenders,
      returns: returnViews,
    };
  }
}
