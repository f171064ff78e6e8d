/**
 * Invoices on request and credit notes for returns. An invoice is made from a sale as it was
 * rung (its lines and tax rows), with the buyer given and the seller's legal details from the
 * store's `[legal]` settings, and kept as issued. Its number is taken from a gap-free counter per
 * kind and year in the same transaction that writes it: a refused or failed request takes no
 * number, and a number is never given twice. One invoice per sale: asking again with the same
 * buyer answers the invoice already issued; another buyer is refused.
 */
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { counters, invoices } from "../../../schema/store.ts";
import type {
  CreditNoteRequest,
  Invoice,
  InvoiceBuyer,
  InvoiceRequest,
  invoicesAnswerSchema,
  invoicesQuerySchema,
} from "../../api/store/invoices.ts";
import { businessDay } from "../../core/business-day.ts";
import { invoiceFigures } from "../../core/invoice-figures.ts";
import type { LegalSettings } from "../../core/legal-settings.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { actorId } from "../users/access.ts";
import { InvoiceError } from "./errors.ts";
import { type InvoiceOrders, NO_ORDERS } from "./order-seam.ts";
import { type RungDocument, readReturn, readSale } from "./source.ts";

type Kind = Invoice["kind"];

/** The stored form of a buyer: what a repeat request is compared with. */
function buyerKey(buyer: InvoiceBuyer): string {
  return JSON.stringify({ name: buyer.name, address: buyer.address, taxId: buyer.taxId ?? null });
}

/** `[prefix]YYYY-NNNNNN`; credit notes `[prefix]CNYYYY-NNNNNN`. */
export function invoiceNumber(prefix: string, kind: Kind, year: number, seq: number): string {
  return `${prefix}${kind === "credit_note" ? "CN" : ""}${year}-${String(seq).padStart(6, "0")}`;
}

export class InvoicesService {
  constructor(
    private readonly ctx: StoreContext,
    private readonly orders: InvoiceOrders = NO_ORDERS,
  ) {}

  private legal(): LegalSettings {
    const legal = this.ctx.settings.legal;
    if (!legal) {
      throw new InvoiceError(
        "LEGAL_DETAILS_MISSING",
        "this store issues no invoices until its legal details are configured: add a [legal] section (name, address, taxId) to its configuration",
      );
    }
    return legal;
  }

  /** Issues the invoice of a sale (or answers the one already issued to the same buyer). */
  issue(request: InvoiceRequest, principal: Principal): { invoice: Invoice; created: boolean } {
    const legal = this.legal();
    const orderId = "orderId" in request ? request.orderId : null;
    const saleId = orderId === null && "saleId" in request ? request.saleId : this.saleOfOrder(orderId ?? "");
    const sale = readSale(this.ctx.sqlite, saleId);
    if (!sale) throw new InvoiceError("SALE_NOT_FOUND", `no sale ${saleId} at this store`, { saleId });
    if (sale.status !== "completed") {
      throw new InvoiceError("SALE_VOIDED", `sale ${sale.receiptNo} was voided: it cannot be invoiced`, {
        saleId,
      });
    }
    const key = buyerKey(request.buyer);
    return this.ctx.db.transaction((tx) => {
      const existing = tx
        .select({ document: invoices.document, buyer: invoices.buyer, number: invoices.number })
        .from(invoices)
        .where(and(eq(invoices.saleId, saleId), eq(invoices.kind, "invoice")))
        .get();
      if (existing) {
        if (existing.buyer !== key) {
          throw new InvoiceError(
            "SALE_ALREADY_INVOICED",
            `sale ${sale.receiptNo} is already invoiced (${existing.number}) to another buyer; issue a credit note for its return instead`,
            { saleId, number: existing.number },
          );
        }
        return { invoice: JSON.parse(existing.document) as Invoice, created: false };
      }
      const invoice = this.write(tx, principal, legal, {
        kind: "invoice",
        doc: sale,
        saleId,
        orderId,
        returnId: null,
        refersTo: null,
        buyer: request.buyer,
        buyerKey: key,
      });
      return { invoice, created: true };
    });
  }

  /**
   * Issues the credit note of a return of an invoiced sale, or of an invoiced sale voided since
   * (crediting all of it), or answers the one already issued.
   */
  creditNote(request: CreditNoteRequest, principal: Principal): { invoice: Invoice; created: boolean } {
    const legal = this.legal();
    const { doc, saleId, creditKey } = this.credited(request);
    return this.ctx.db.transaction((tx) => {
      const done = tx
        .select({ document: invoices.document })
        .from(invoices)
        .where(eq(invoices.returnId, creditKey))
        .get();
      if (done) return { invoice: JSON.parse(done.document) as Invoice, created: false };
      const original = tx
        .select({ number: invoices.number, buyer: invoices.buyer, orderId: invoices.orderId })
        .from(invoices)
        .where(and(eq(invoices.saleId, saleId), eq(invoices.kind, "invoice")))
        .get();
      if (!original) {
        throw new InvoiceError(
          "SALE_NOT_INVOICED",
          `sale ${saleId} has no invoice: its receipt is the record of the refund`,
          { saleId },
        );
      }
      const buyer = JSON.parse(original.buyer) as { name: string; address: string; taxId: string | null };
      const invoice = this.write(tx, principal, legal, {
        kind: "credit_note",
        doc,
        saleId,
        orderId: original.orderId,
        returnId: "voidedSaleId" in request ? null : creditKey,
        creditKey,
        refersTo: original.number,
        buyer: { name: buyer.name, address: buyer.address, ...(buyer.taxId ? { taxId: buyer.taxId } : {}) },
        buyerKey: original.buyer,
      });
      return { invoice, created: true };
    });
  }

  /** What a credit note credits: a return, or a whole voided sale (kept as `void:<saleId>`). */
  private credited(request: CreditNoteRequest): { doc: RungDocument; saleId: string; creditKey: string } {
    if ("voidedSaleId" in request) {
      const sale = readSale(this.ctx.sqlite, request.voidedSaleId);
      if (!sale) {
        throw new InvoiceError("SALE_NOT_FOUND", `no sale ${request.voidedSaleId} at this store`, {
          saleId: request.voidedSaleId,
        });
      }
      if (sale.status !== "voided") {
        throw new InvoiceError(
          "SALE_NOT_VOIDED",
          `sale ${sale.receiptNo} is not voided: credit what is returned with its return's id`,
          { saleId: sale.id },
        );
      }
      return { doc: sale, saleId: sale.id, creditKey: `void:${sale.id}` };
    }
    const ret = readReturn(this.ctx.sqlite, request.returnId);
    if (!ret) {
      throw new InvoiceError("RETURN_NOT_FOUND", `no return ${request.returnId} at this store`, {
        returnId: request.returnId,
      });
    }
    if (ret.originalSaleId === null) {
      throw new InvoiceError(
        "RETURN_WITHOUT_SALE",
        `return ${ret.receiptNo} names no original sale: a credit note must refer to an invoice`,
        { returnId: ret.id },
      );
    }
    return { doc: ret, saleId: ret.originalSaleId, creditKey: ret.id };
  }

  private saleOfOrder(orderId: string): string {
    const order = this.orders.find(orderId);
    if (!order) throw new InvoiceError("ORDER_NOT_FOUND", `no order ${orderId} at this store`, { orderId });
    if (order.status !== "collected") {
      throw new InvoiceError(
        "ORDER_NOT_COLLECTED",
        `order ${orderId} is not collected yet: it is invoiced once collected and paid`,
        { orderId },
      );
    }
    return order.saleId;
  }

  /** Takes the next number of the kind's year and writes the document, in the caller's transaction. */
  private write(
    tx: StoreTx,
    principal: Principal,
    legal: LegalSettings,
    input: {
      kind: Kind;
      doc: RungDocument;
      saleId: string;
      orderId: string | null;
      returnId: string | null;
      /** What the credit note credits, once only: the return's id, or `void:<saleId>`. */
      creditKey?: string;
      refersTo: string | null;
      buyer: InvoiceBuyer;
      buyerKey: string;
    },
  ): Invoice {
    const now = this.ctx.now();
    const settings = this.ctx.settings;
    const issueDate = businessDay(now, settings.timeZone);
    const year = Number(issueDate.slice(0, 4));
    const allocated = tx
      .insert(counters)
      .values({ name: `${input.kind}:${year}`, value: 1 })
      .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
      .returning({ value: counters.value })
      .get();
    const seq = allocated?.value ?? 1;
    const number = invoiceNumber(legal.invoicePrefix, input.kind, year, seq);
    const figures = invoiceFigures(input.doc.lines, input.doc.taxes, input.doc, settings.pricesIncludeTax);
    const by = actorId(principal);
    const invoice: Invoice = {
      number,
      kind: input.kind,
      storeId: this.ctx.storeId,
      issuedAt: now.toISOString(),
      issueDate,
      issuedBy: by,
      saleId: input.saleId,
      orderId: input.orderId,
      returnId: input.returnId,
      refersTo: input.refersTo,
      receiptNo: input.doc.receiptNo,
      supplyDate: input.doc.at,
      currency: settings.currency,
      pricesIncludeTax: settings.pricesIncludeTax,
      seller: {
        name: legal.name,
        address: legal.address,
        taxId: legal.taxId,
        registration: legal.registration ?? null,
        email: legal.email ?? null,
        phone: legal.phone ?? null,
      },
      buyer: { name: input.buyer.name, address: input.buyer.address, taxId: input.buyer.taxId ?? null },
      ...figures,
      note: legal.invoiceNote ?? null,
    };
    tx.insert(invoices)
      .values({
        number,
        kind: input.kind,
        year,
        seq,
        saleId: input.saleId,
        orderId: input.orderId,
        returnId: input.creditKey ?? input.returnId,
        refersTo: input.refersTo,
        buyerName: input.buyer.name,
        buyer: input.buyerKey,
        issuedAt: invoice.issuedAt,
        issuedBy: by,
        totalMinor: invoice.totalMinor,
        document: JSON.stringify(invoice),
      })
      .run();
    recordAudit(
      this.ctx,
      tx,
      {
        action: input.kind === "invoice" ? AUDIT_ACTIONS.invoiceIssued : AUDIT_ACTIONS.creditNoteIssued,
        at: now,
        userId: by,
        tillId: principal.tillId ?? null,
        refId: input.returnId ?? input.saleId,
        detail: {
          number,
          totalMinor: invoice.totalMinor,
          ...(input.refersTo ? { refersTo: input.refersTo } : {}),
        },
      },
      true,
    );
    return invoice;
  }

  get(number: string): Invoice {
    const row = this.ctx.db
      .select({ document: invoices.document })
      .from(invoices)
      .where(eq(invoices.number, number))
      .get();
    if (!row) throw new InvoiceError("INVOICE_NOT_FOUND", `no invoice or credit note ${number}`, { number });
    return JSON.parse(row.document) as Invoice;
  }

  list(query: z.infer<typeof invoicesQuerySchema>): z.infer<typeof invoicesAnswerSchema> {
    const where: SQL[] = [];
    if (query.year !== undefined) where.push(eq(invoices.year, query.year));
    if (query.kind !== undefined) where.push(eq(invoices.kind, query.kind));
    const rows = this.ctx.db
      .select({
        number: invoices.number,
        kind: invoices.kind,
        issuedAt: invoices.issuedAt,
        saleId: invoices.saleId,
        returnId: invoices.returnId,
        buyerName: invoices.buyerName,
        totalMinor: invoices.totalMinor,
      })
      .from(invoices)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(invoices.issuedAt), desc(invoices.seq))
      .limit(1000)
      .all();
    return { invoices: rows };
  }
}
