/**
 * Vendor credits: what a vendor owes back for goods not received, damaged, expired or
 * mis-priced, from a goods receipt or from the vendor's deliveries as a whole; open until the
 * vendor settles them (a credit note or a payment). A credit names goods the vendor delivered
 * (or, for goods not received, ordered from it): anything else is refused, and so is crediting
 * more than was delivered.
 */
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { purchaseReceipts, vendorCreditLines, vendorCredits } from "../../../schema/store.ts";
import type { VendorCredit, VendorCreditRequest } from "../../api/store/purchasing.ts";
import { canonicalJson } from "../../core/events.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import { nextCounter } from "../catalog/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { catalogOf, productOf, qtyOf, trace, vendorOf } from "./common.ts";
import { PurchasingError } from "./errors.ts";

type CreditRow = typeof vendorCredits.$inferSelect;

export class VendorCreditService {
  constructor(private readonly ctx: StoreContext) {}

  private row(id: string): CreditRow {
    const row = this.ctx.db.select().from(vendorCredits).where(eq(vendorCredits.id, id)).get();
    if (!row) throw new PurchasingError("CREDIT_NOT_FOUND", `there is no vendor credit ${id}`, { id });
    return row;
  }

  get(id: string): VendorCredit {
    const row = this.row(id);
    const lines = this.ctx.db
      .select()
      .from(vendorCreditLines)
      .where(eq(vendorCreditLines.creditId, id))
      .orderBy(asc(vendorCreditLines.lineNo))
      .all();
    return {
      id,
      number: row.number,
      vendorId: row.vendorId,
      receiptId: row.receiptId,
      status: row.status,
      totalMinor: row.totalMinor,
      note: row.note,
      createdAt: row.createdAt,
      settledAt: row.settledAt,
      settlementRef: row.settlementRef,
      lines: lines.map((l) => ({
        lineNo: l.lineNo,
        code: l.productCode,
        qtyMilli: l.qtyMilli,
        reason: l.reason,
        amountMinor: l.amountMinor,
      })),
    };
  }

  list(filter: { vendorId?: string | undefined; status?: "open" | "settled" | undefined }): VendorCredit[] {
    const where: SQL[] = [];
    if (filter.vendorId) where.push(eq(vendorCredits.vendorId, filter.vendorId));
    if (filter.status) where.push(eq(vendorCredits.status, filter.status));
    return this.ctx.db
      .select({ id: vendorCredits.id })
      .from(vendorCredits)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(vendorCredits.number))
      .limit(500)
      .all()
      .map((r) => this.get(r.id));
  }

  private total(query: string, ...params: (string | null)[]): number {
    return this.ctx.sqlite.query<{ n: number | null }, (string | null)[]>(query).get(...params)?.n ?? 0;
  }

  /** Quantity of a product the vendor delivered (on one receipt, or on all of its receipts). */
  private receivedMilli(vendorId: string, code: string, receiptId: string | undefined): number {
    return this.total(
      `SELECT SUM(l.received_milli) AS n FROM purchase_receipt_lines l JOIN purchase_receipts r ON r.id = l.receipt_id
       WHERE r.vendor_id = ?1 AND l.product_code = ?2 AND (?3 IS NULL OR r.id = ?3)`,
      vendorId,
      code,
      receiptId ?? null,
    );
  }

  /** Whether the product was ordered from the vendor (on the receipt's order, when one is named). */
  private ordered(vendorId: string, code: string, orderId: string | null): boolean {
    const lines = this.total(
      `SELECT COUNT(*) AS n FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
       WHERE o.vendor_id = ?1 AND l.product_code = ?2 AND o.status <> 'draft' AND (?3 IS NULL OR o.id = ?3)`,
      vendorId,
      code,
      orderId,
    );
    return lines > 0;
  }

  /** What earlier credits already claim for delivered goods of a product (damaged, expired, mis-priced). */
  private creditedMilli(vendorId: string, code: string, receiptId: string | undefined): number {
    return this.total(
      `SELECT SUM(l.qty_milli) AS n FROM vendor_credit_lines l JOIN vendor_credits c ON c.id = l.credit_id
       WHERE c.vendor_id = ?1 AND l.product_code = ?2 AND l.reason <> 'not_received' AND (?3 IS NULL OR c.receipt_id = ?3)`,
      vendorId,
      code,
      receiptId ?? null,
    );
  }

  create(request: VendorCreditRequest, principal: Principal): { credit: VendorCredit; created: boolean } {
    const fingerprint = canonicalJson(request);
    const existing = this.ctx.db.select().from(vendorCredits).where(eq(vendorCredits.id, request.id)).get();
    if (existing) {
      if (existing.request !== fingerprint) {
        throw new PurchasingError(
          "CREDIT_ID_REUSED",
          `vendor credit ${request.id} was already recorded with other content; use a new id`,
          { id: request.id, number: existing.number },
        );
      }
      return { credit: this.get(request.id), created: false };
    }
    const vendor = vendorOf(this.ctx.db, request.vendorId);
    let orderId: string | null = null;
    if (request.receiptId) {
      const receipt = this.ctx.db
        .select()
        .from(purchaseReceipts)
        .where(eq(purchaseReceipts.id, request.receiptId))
        .get();
      if (!receipt || receipt.vendorId !== vendor.id) {
        throw new PurchasingError(
          "RECEIPT_NOT_FOUND",
          `receiptId: there is no goods receipt ${request.receiptId} from vendor ${vendor.id}`,
          { receiptId: request.receiptId, vendorId: vendor.id },
        );
      }
      orderId = receipt.orderId;
    }
    const catalog = catalogOf(this.ctx);
    const claimed = new Map<string, number>();
    const lines = request.lines.map((line, i) => {
      const where = `lines.${i}`;
      const product = productOf(catalog, line.code, `${where}.code`);
      const qtyMilli = qtyOf(product, line.qty, `${where}.qty`);
      const received = this.receivedMilli(vendor.id, product.code, request.receiptId);
      const from = request.receiptId ? `on goods receipt ${request.receiptId}` : `from vendor ${vendor.id}`;
      if (line.reason === "not_received") {
        if (received === 0 && !this.ordered(vendor.id, product.code, orderId)) {
          throw new PurchasingError(
            "CREDIT_NOT_RECEIVED",
            `${where}.code: ${product.code} was never ordered or received ${from}: there is nothing to credit`,
            { code: product.code, vendorId: vendor.id },
          );
        }
      } else {
        if (received === 0) {
          throw new PurchasingError(
            "CREDIT_NOT_RECEIVED",
            `${where}.code: ${product.code} was never received ${from}: there is nothing to credit as ${line.reason}`,
            { code: product.code, vendorId: vendor.id },
          );
        }
        const already =
          this.creditedMilli(vendor.id, product.code, request.receiptId) + (claimed.get(product.code) ?? 0);
        if (already + qtyMilli > received) {
          throw new PurchasingError(
            "CREDIT_OVER_RECEIVED",
            `${where}.qty: ${milliToDecimalString(qtyMilli)} of ${product.code} is more than the ${milliToDecimalString(Math.max(received - already, 0))} received ${from} and not yet credited`,
            { code: product.code, receivedMilli: received, creditedMilli: already },
          );
        }
        claimed.set(product.code, (claimed.get(product.code) ?? 0) + qtyMilli);
      }
      return { code: product.code, qtyMilli, reason: line.reason, amountMinor: line.amountMinor };
    });
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      tx.insert(vendorCredits)
        .values({
          id: request.id,
          number: nextCounter(tx, "vendor_credit"),
          vendorId: vendor.id,
          receiptId: request.receiptId ?? null,
          status: "open",
          totalMinor: lines.reduce((sum, l) => sum + l.amountMinor, 0),
          note: request.note ?? null,
          userId: principal.userId,
          createdAt: at.toISOString(),
          settledAt: null,
          settledBy: null,
          settlementRef: null,
          request: fingerprint,
        })
        .run();
      tx.insert(vendorCreditLines)
        .values(lines.map((l, i) => ({ creditId: request.id, lineNo: i + 1, productCode: l.code, ...l })))
        .run();
      this.journal(tx, request.id, principal, at);
    });
    return { credit: this.get(request.id), created: true };
  }

  /** The vendor settled the credit (with its credit note's or payment's reference). */
  settle(id: string, reference: string | undefined, principal: Principal): VendorCredit {
    const row = this.row(id);
    if (row.status === "settled") {
      throw new PurchasingError(
        "CREDIT_SETTLED",
        `vendor credit ${row.number} was settled at ${row.settledAt}${row.settlementRef ? ` (${row.settlementRef})` : ""}`,
        { id, settledAt: row.settledAt },
      );
    }
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      tx.update(vendorCredits)
        .set({
          status: "settled",
          settledAt: at.toISOString(),
          settledBy: principal.userId,
          settlementRef: reference ?? null,
        })
        .where(eq(vendorCredits.id, id))
        .run();
      this.journal(tx, id, principal, at);
    });
    return this.get(id);
  }

  private journal(tx: StoreTx, id: string, principal: Principal, at: Date): void {
    const row = tx.select().from(vendorCredits).where(eq(vendorCredits.id, id)).get();
    if (!row) return;
    const lines = tx
      .select()
      .from(vendorCreditLines)
      .where(eq(vendorCreditLines.creditId, id))
      .orderBy(asc(vendorCreditLines.lineNo))
      .all();
    trace(
      this.ctx,
      tx,
      principal,
      at,
      AUDIT_ACTIONS.vendorCreditChanged,
      id,
      { number: row.number, vendorId: row.vendorId, status: row.status, totalMinor: row.totalMinor },
      {
        id,
        number: row.number,
        vendorId: row.vendorId,
        receiptId: row.receiptId,
        status: row.status,
        totalMinor: row.totalMinor,
        settlementRef: row.settlementRef,
        userId: principal.userId,
        at: at.toISOString(),
        lines: lines.map((l) => ({
          code: l.productCode,
          qtyMilli: l.qtyMilli,
          reason: l.reason,
          amountMinor: l.amountMinor,
        })),
      },
    );
  }
}
