/**
 * Receiving goods from a vendor: against a purchase order (quantities and costs default from
 * the order; over- and under-deliveries are kept per line), or on a vendor's invoice without an
 * order. A receipt is posted at once as a `receipt` stock document of the same id, in the same
 * transaction as the order's received quantities and status, the vendor items' costs (history
 * source "invoice") and the `purchase.goods_received` event. An invoice's landed cost is
 * allocated to the lines by value, exactly (largest remainder); each line's stock cost is then
 * (quantity × cost + its share) per unit, rounded by the store's rounding mode.
 */
import { and, asc, eq } from "drizzle-orm";
import {
  purchaseOrderLines,
  purchaseOrders,
  purchaseReceiptLines,
  purchaseReceipts,
  stockDocuments,
  vendorItems,
} from "../../../schema/store.ts";
import type {
  PoReceiptRequest,
  PurchaseReceipt,
  PurchaseReceiptRequest,
} from "../../api/store/purchasing.ts";
import { canonicalJson } from "../../core/events.ts";
import { costReceiptLines } from "../../core/landed-cost.ts";
import { extendPrice, milliToDecimalString } from "../../core/quantity.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { StockDocumentService } from "../stock/document-service.ts";
import { catalogOf, checkedCost, lineCost, onceEach, productOf, qtyOf, trace, vendorOf } from "./common.ts";
import { PurchasingError } from "./errors.ts";
import { journalOrder, orderRowOf } from "./orders.ts";
import { setItemsInTx } from "./vendors.ts";

interface ReceivedLine {
  code: string;
  openMilli: number | null;
  receivedMilli: number;
  costMinor: number;
}

interface Invoice {
  number: string;
  date: string;
  landedCostMinor?: number | undefined;
}

export class ReceivingService {
  private readonly documents: StockDocumentService;
  constructor(private readonly ctx: StoreContext) {
    this.documents = new StockDocumentService(ctx);
  }

  get(id: string): PurchaseReceipt {
    const receipt = this.ctx.db.select().from(purchaseReceipts).where(eq(purchaseReceipts.id, id)).get();
    if (!receipt) throw new PurchasingError("RECEIPT_NOT_FOUND", `there is no goods receipt ${id}`, { id });
    const doc = this.ctx.db.select().from(stockDocuments).where(eq(stockDocuments.id, id)).get();
    const order = receipt.orderId
      ? this.ctx.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, receipt.orderId)).get()
      : undefined;
    const lines = this.ctx.db
      .select()
      .from(purchaseReceiptLines)
      .where(eq(purchaseReceiptLines.receiptId, id))
      .orderBy(asc(purchaseReceiptLines.lineNo))
      .all();
    const { roundingMode } = this.ctx.settings;
    return {
      id,
      number: doc?.number ?? 0,
      orderId: receipt.orderId,
      orderStatus: order?.status ?? null,
      vendorId: receipt.vendorId,
      invoiceNumber: receipt.invoiceNumber,
      invoiceDate: receipt.invoiceDate,
      landedCostMinor: receipt.landedCostMinor,
      receivedAt: receipt.receivedAt,
      totalCostMinor: lines.reduce(
        (sum, l) => sum + extendPrice(l.costMinor, l.receivedMilli, roundingMode) + l.landedMinor,
        0,
      ),
      lines: lines.map((l) => ({
        lineNo: l.lineNo,
        code: l.productCode,
        openMilli: l.openMilli,
        receivedMilli: l.receivedMilli,
        varianceMilli: l.openMilli === null ? null : l.receivedMilli - l.openMilli,
        costMinor: l.costMinor,
        landedMinor: l.landedMinor,
        unitCostMinor: l.unitCostMinor,
      })),
    };
  }

  /** A repeat of a receipt's id answers it when its content is the same; other content is refused. */
  private repeat(id: string, fingerprint: string): PurchaseReceipt | null {
    const existing = this.ctx.db.select().from(purchaseReceipts).where(eq(purchaseReceipts.id, id)).get();
    const document = this.ctx.db.select().from(stockDocuments).where(eq(stockDocuments.id, id)).get();
    if (existing?.request === fingerprint) return this.get(id);
    if (existing || document) {
      throw new PurchasingError(
        "RECEIPT_ID_REUSED",
        `id ${id} was already used for ${existing ? "another goods receipt" : `stock document ${document?.number}`}; use a new id`,
        { id },
      );
    }
    return null;
  }

  /** Goods received against an order. */
  receiveOrder(
    orderId: string,
    request: PoReceiptRequest,
    principal: Principal,
  ): { receipt: PurchaseReceipt; created: boolean } {
    const fingerprint = canonicalJson({ orderId, ...request });
    const again = this.repeat(request.id, fingerprint);
    if (again) return { receipt: again, created: false };
    const order = orderRowOf(this.ctx.db, orderId);
    if (order.status === "received" || order.status === "cancelled") {
      throw new PurchasingError(
        "PURCHASE_ORDER_CLOSED",
        `purchase order ${order.number} is ${order.status}: nothing more is received on it`,
        { id: orderId, status: order.status },
      );
    }
    const orderLines = this.ctx.db
      .select()
      .from(purchaseOrderLines)
      .where(eq(purchaseOrderLines.orderId, orderId))
      .orderBy(asc(purchaseOrderLines.lineNo))
      .all();
    const byCode = new Map(orderLines.map((l) => [l.productCode, l]));
    const percent = this.ctx.settings.overReceiptPercent;
    let lines: ReceivedLine[];
    if (request.lines === undefined) {
      lines = orderLines
        .filter((l) => l.orderedMilli > l.receivedMilli)
        .map((l) => ({
          code: l.productCode,
          openMilli: l.orderedMilli - l.receivedMilli,
          receivedMilli: l.orderedMilli - l.receivedMilli,
          costMinor: l.costMinor,
        }));
    } else {
      const catalog = catalogOf(this.ctx);
      const seen = new Set<string>();
      lines = request.lines.map((line, i) => {
        const where = `lines.${i}`;
        const product = productOf(catalog, line.code, `${where}.code`);
        const ordered = byCode.get(product.code);
        if (!ordered) {
          throw new PurchasingError(
            "NOT_ON_ORDER",
            `${where}.code: ${product.code} is not on purchase order ${order.number}; receive it without the order (POST /purchase-receipts)`,
            { code: product.code },
          );
        }
        onceEach(seen, product.code, where);
        const receivedMilli = qtyOf(product, line.qty, `${where}.qty`);
        const limitMilli = Math.floor((ordered.orderedMilli * (100 + percent)) / 100);
        if (ordered.receivedMilli + receivedMilli > limitMilli) {
          throw new PurchasingError(
            "RECEIPT_OVER_LIMIT",
            `${where}.qty: ${milliToDecimalString(receivedMilli)} of ${product.code} would make ${milliToDecimalString(ordered.receivedMilli + receivedMilli)} received on an order of ${milliToDecimalString(ordered.orderedMilli)}; at most ${milliToDecimalString(limitMilli)} (overReceiptPercent ${percent})`,
            {
              code: product.code,
              orderedMilli: ordered.orderedMilli,
              receivedMilli: ordered.receivedMilli,
              limitMilli,
            },
          );
        }
        return {
          code: product.code,
          openMilli: ordered.orderedMilli - ordered.receivedMilli,
          receivedMilli,
          costMinor: checkedCost(this.ctx, line.costMinor ?? ordered.costMinor, `${where}.costMinor`),
        };
      });
    }
    if (lines.length === 0) {
      throw new PurchasingError(
        "NOTHING_TO_RECEIVE",
        `purchase order ${order.number} has nothing open to receive`,
        {
          id: orderId,
        },
      );
    }
    const receipt = this.post(request.id, fingerprint, order.vendorId, orderId, lines, request, principal);
    return { receipt, created: true };
  }

  /** Goods received on a vendor's invoice (or from scratch) without an order. */
  receiveWithoutOrder(
    request: PurchaseReceiptRequest,
    principal: Principal,
  ): { receipt: PurchaseReceipt; created: boolean } {
    const fingerprint = canonicalJson(request);
    const again = this.repeat(request.id, fingerprint);
    if (again) return { receipt: again, created: false };
    const vendor = vendorOf(this.ctx.db, request.vendorId);
    const catalog = catalogOf(this.ctx);
    const seen = new Set<string>();
    const lines = request.lines.map((line, i): ReceivedLine => {
      const where = `lines.${i}`;
      const product = productOf(catalog, line.code, `${where}.code`);
      onceEach(seen, product.code, where);
      return {
        code: product.code,
        openMilli: null,
        receivedMilli: qtyOf(product, line.qty, `${where}.qty`),
        costMinor: lineCost(this.ctx, vendor.id, product.code, line.costMinor, where),
      };
    });
    const receipt = this.post(request.id, fingerprint, vendor.id, null, lines, request, principal);
    return { receipt, created: true };
  }

  private post(
    id: string,
    fingerprint: string,
    vendorId: string,
    orderId: string | null,
    lines: readonly ReceivedLine[],
    request: { invoice?: Invoice | undefined; location?: string | undefined },
    principal: Principal,
  ): PurchaseReceipt {
    const { roundingMode } = this.ctx.settings;
    const landedCostMinor = request.invoice?.landedCostMinor ?? 0;
    const costs = costReceiptLines(
      lines.map((l) => ({ qtyMilli: l.receivedMilli, costMinor: l.costMinor })),
      landedCostMinor,
      roundingMode,
    );
    const costed = lines.map((l, i) => ({
      ...l,
      landedMinor: costs[i]?.landedMinor ?? 0,
      unitCostMinor: costs[i]?.unitCostMinor ?? l.costMinor,
    }));
    const at = this.ctx.now();
    const atIso = at.toISOString();
    const order = orderId ? orderRowOf(this.ctx.db, orderId) : null;
    const invoice = request.invoice;
    const reason = [
      order ? `PO ${order.number}` : `vendor ${vendorId}`,
      invoice ? `invoice ${invoice.number}` : "",
    ]
      .filter((s) => s !== "")
      .join(", ");
    this.ctx.db.transaction((tx) => {
      this.documents.createPostedInTx(
        tx,
        {
          id,
          type: "receipt",
          reason,
          ...(request.location ? { location: request.location } : {}),
          lines: costed.map((l) => ({
            code: l.code,
            qty: milliToDecimalString(l.receivedMilli),
            unitCostMinor: l.unitCostMinor,
          })),
        },
        principal,
        at,
      );
      tx.insert(purchaseReceipts)
        .values({
          id,
          orderId,
          vendorId,
          invoiceNumber: invoice?.number ?? null,
          invoiceDate: invoice?.date ?? null,
          landedCostMinor,
          receivedAt: atIso,
          userId: principal.userId,
          request: fingerprint,
        })
        .run();
      tx.insert(purchaseReceiptLines)
        .values(
          costed.map((l, i) => ({
            receiptId: id,
            lineNo: i + 1,
            productCode: l.code,
            openMilli: l.openMilli,
            receivedMilli: l.receivedMilli,
            costMinor: l.costMinor,
            landedMinor: l.landedMinor,
            unitCostMinor: l.unitCostMinor,
          })),
        )
        .run();
      if (orderId) this.advanceOrder(tx, orderId, costed, principal, at);
      this.updateVendorCosts(tx, vendorId, id, costed, principal, at);
      trace(
        this.ctx,
        tx,
        principal,
        at,
        AUDIT_ACTIONS.goodsReceived,
        id,
        { orderId, vendorId, invoice: invoice?.number ?? null, lines: costed.length },
        {
          id,
          orderId,
          vendorId,
          invoiceNumber: invoice?.number ?? null,
          invoiceDate: invoice?.date ?? null,
          landedCostMinor,
          userId: principal.userId,
          at: atIso,
          lines: costed.map((l) => ({
            code: l.code,
            openMilli: l.openMilli,
            receivedMilli: l.receivedMilli,
            costMinor: l.costMinor,
            landedMinor: l.landedMinor,
            unitCostMinor: l.unitCostMinor,
          })),
        },
      );
    });
    return this.get(id);
  }

  /** Adds what arrived to the order's lines, and moves it to partly received or received. */
  private advanceOrder(
    tx: StoreTx,
    orderId: string,
    lines: readonly ReceivedLine[],
    principal: Principal,
    at: Date,
  ): void {
    for (const l of lines) {
      const row = tx
        .select()
        .from(purchaseOrderLines)
        .where(and(eq(purchaseOrderLines.orderId, orderId), eq(purchaseOrderLines.productCode, l.code)))
        .get();
      if (!row) continue;
      tx.update(purchaseOrderLines)
        .set({ receivedMilli: row.receivedMilli + l.receivedMilli })
        .where(and(eq(purchaseOrderLines.orderId, orderId), eq(purchaseOrderLines.lineNo, row.lineNo)))
        .run();
    }
    const all = tx.select().from(purchaseOrderLines).where(eq(purchaseOrderLines.orderId, orderId)).all();
    const complete = all.every((l) => l.receivedMilli >= l.orderedMilli);
    tx.update(purchaseOrders)
      .set(complete ? { status: "received", closedAt: at.toISOString() } : { status: "partly_received" })
      .where(eq(purchaseOrders.id, orderId))
      .run();
    journalOrder(this.ctx, tx, orderId, principal, at, complete ? "received" : "partly received");
  }

  /** The invoice's cost becomes the vendor item's cost (kept in its history as "invoice"). */
  private updateVendorCosts(
    tx: StoreTx,
    vendorId: string,
    receiptId: string,
    lines: readonly ReceivedLine[],
    principal: Principal,
    at: Date,
  ): void {
    const changes = lines.flatMap((l) => {
      const item = tx
        .select()
        .from(vendorItems)
        .where(and(eq(vendorItems.vendorId, vendorId), eq(vendorItems.productCode, l.code)))
        .get();
      if (item?.costMinor === l.costMinor) return [];
      return [
        {
          code: l.code,
          vendorCode: item?.vendorCode ?? null,
          caseSizeMilli: item?.caseSizeMilli ?? null,
          costMinor: l.costMinor,
          leadTimeDays: item?.leadTimeDays ?? null,
          minOrderMilli: item?.minOrderMilli ?? null,
        },
      ];
    });
    if (changes.length > 0)
      setItemsInTx(this.ctx, tx, vendorId, changes, "invoice", receiptId, principal, at);
  }
}
