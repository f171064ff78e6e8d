/**
 * Reprints at the store: the receipt of a recorded sale, laid out as the till prints it and
 * marked as a copy, built from the sale as recorded. Every reprint is audited.
 */
import { eq } from "drizzle-orm";
import { users } from "../../../schema/store.ts";
import type { SaleResponse } from "../../api/store/sales.ts";
import { buildReceipt, type ReceiptDoc, returnCodeFor } from "../../core/receipt.ts";
import { renderReceiptText } from "../../core/receipt-layout.ts";
import { receiptLinkSaleId } from "../../shared/receipt-link.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { SalesService } from "../sales/service.ts";
import { ReceiptError } from "./errors.ts";

export interface ReceiptCopy {
  saleId: string;
  receiptNo: string;
  text: string;
  doc: ReceiptDoc;
}

export class ReceiptService {
  private readonly sales: SalesService;
  constructor(private readonly ctx: StoreContext) {
    this.sales = new SalesService(ctx);
  }

  private cashierName(id: string | null): string | null {
    if (id === null) return null;
    return this.ctx.db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null;
  }

  /** The receipt document of a recorded sale, marked as a copy. */
  doc(sale: SaleResponse): ReceiptDoc {
    const settings = this.ctx.settings;
    const cashierName = this.cashierName(sale.cashierId);
    return buildReceipt({
      kind: "sale",
      saleId: sale.id,
      receiptNo: sale.receiptNo,
      at: sale.at,
      timeZone: settings.timeZone,
      currency: sale.currency,
      locale: settings.locale,
      store: { name: settings.storeName, addressLines: settings.addressLines },
      tillId: sale.tillId,
      ...(cashierName ? { cashierName } : {}),
      lines: sale.lines.map((line) => ({
        code: line.code,
        name: line.name,
        qtyMilli: line.qtyMilli,
        unitPriceMinor: line.unitPriceMinor,
        discountMinor: line.discountMinor,
        taxMinor: line.taxMinor,
        totalMinor: line.totalMinor,
        ...(line.lot === undefined ? {} : { lot: line.lot }),
        ...(line.expiry === undefined ? {} : { expiry: line.expiry }),
        ...(line.serial === undefined ? {} : { serial: line.serial }),
      })),
      taxes: sale.taxes,
      pricesIncludeTax: settings.pricesIncludeTax,
      subtotalMinor: sale.subtotalMinor,
      discountMinor: sale.discountMinor,
      promotions: (sale.promotions ?? []).map((p) => ({ name: p.name, discountMinor: p.discountMinor })),
      taxMinor: sale.taxMinor,
      totalMinor: sale.totalMinor,
      cashRoundingMinor: sale.cashRoundingMinor,
      tenders: sale.tenders,
      changeMinor: sale.changeMinor,
      returnCode: returnCodeFor(settings),
      copy: true,
    });
  }

  /** A copy of the receipt of the sale with this id (or receipt number), audited as a reprint. */
  reprint(idOrReceiptNo: string, columns: number, principal: Principal): ReceiptCopy {
    const sale = this.sales.get(idOrReceiptNo) ?? this.sales.byReceiptNo(idOrReceiptNo);
    if (!sale) {
      throw new ReceiptError(
        "SALE_NOT_FOUND",
        `no sale has the id or receipt number ${idOrReceiptNo}: check the number on the receipt`,
        { id: idOrReceiptNo },
      );
    }
    const doc = this.doc(sale);
    const text = renderReceiptText(doc, columns);
    this.ctx.db.transaction((tx) =>
      recordAudit(
        this.ctx,
        tx,
        {
          action: AUDIT_ACTIONS.receiptReprinted,
          at: this.ctx.now(),
          userId: principal.userId,
          tillId: principal.tillId,
          refId: sale.id,
          detail: { receiptNo: sale.receiptNo, where: "store" },
        },
        true,
      ),
    );
    return { saleId: sale.id, receiptNo: sale.receiptNo, text, doc };
  }

  /**
   * The copy a receipt's link opens (`/r/<token>`), for anyone holding the link. Any token that
   * does not open a recorded sale is the same RECEIPT_NOT_FOUND.
   */
  byLink(token: string, columns: number): ReceiptCopy {
    const saleId = receiptLinkSaleId(this.ctx.receiptLinkKey, token);
    const sale = saleId === null ? null : this.sales.get(saleId);
    if (!sale) {
      throw new ReceiptError(
        "RECEIPT_NOT_FOUND",
        "there is no receipt at this link: check it against the code on the receipt",
      );
    }
    const doc = this.doc(sale);
    return { saleId: sale.id, receiptNo: sale.receiptNo, text: renderReceiptText(doc, columns), doc };
  }
}
