/**
 * Stock documents: a count records what was counted on the shelf, who counted and when; posting
 * it sets each product's stock to the counted quantity. The ledger gets one movement per line
 * that differed (counted − system), and the journal a `stock.adjusted` event of kind "count"
 * for it, so head office sees the change as it sees adjustments.
 */
import { and, asc, eq } from "drizzle-orm";
import { audit, products, stockDocumentLines, stockDocuments, stockLevels } from "../../../schema/store.ts";
import { canonicalJson } from "../../core/events/canonical-json.ts";
import { milliToDecimalString, parseQuantityMilli } from "../../core/quantity.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import { CatalogService, nextCounter } from "../catalog/service.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import type { StockDocument, StockDocumentLine, StockDocumentRequest } from "./document-model.ts";
import { StockError } from "./errors.ts";
import { costingOf, moveStock } from "./ledger.ts";

/** A counted quantity in milli-units: zero or more, at most 3 decimals. */
export function parseCountedMilli(qty: string | number): number {
  const text = typeof qty === "number" ? String(qty) : qty.trim();
  if (/^0+(\.0*)?$/.test(text)) return 0;
  try {
    return parseQuantityMilli(text);
  } catch (err) {
    if (err instanceof Error) throw new StockError("INVALID_QUANTITY", `qty: ${err.message}`, { qty });
    throw err;
  }
}

function onHandMilli(db: StoreDb | StoreTx, code: string): number {
  return (
    db
      .select({ onHandMilli: stockLevels.onHandMilli })
      .from(stockLevels)
      .where(eq(stockLevels.productCode, code))
      .get()?.onHandMilli ?? 0
  );
}

function notFound(id: string): StockError {
  return new StockError("STOCK_DOCUMENT_NOT_FOUND", `there is no stock document ${id}`, { id });
}

export class StockDocumentService {
  private readonly catalog: CatalogService;
  constructor(private readonly ctx: StoreContext) {
    this.catalog = new CatalogService(ctx);
  }

  /** The document as kept; drafts show on hand now and what posting now would move. */
  get(id: string): StockDocument {
    const doc = this.ctx.db.select().from(stockDocuments).where(eq(stockDocuments.id, id)).get();
    if (!doc) throw notFound(id);
    const rows = this.ctx.db
      .select({ line: stockDocumentLines, name: products.name })
      .from(stockDocumentLines)
      .leftJoin(products, eq(products.code, stockDocumentLines.productCode))
      .where(eq(stockDocumentLines.documentId, id))
      .orderBy(asc(stockDocumentLines.lineNo))
      .all();
    const lines = rows.map(({ line, name }): StockDocumentLine => {
      const systemMilli = line.systemMilli ?? onHandMilli(this.ctx.db, line.productCode);
      return {
        lineNo: line.lineNo,
        code: line.productCode,
        name,
        counted: Number(milliToDecimalString(line.countedMilli)),
        countedMilli: line.countedMilli,
        systemMilli,
        differenceMilli: line.differenceMilli ?? line.countedMilli - systemMilli,
        movementId: line.movementId,
      };
    });
    return {
      id: doc.id,
      number: doc.number,
      type: doc.type,
      status: doc.status,
      location: doc.location,
      reason: doc.reason,
      userId: doc.userId,
      createdAt: doc.createdAt,
      postedBy: doc.postedBy,
      postedAt: doc.postedAt,
      lines,
    };
  }

  /**
   * Records a document (and posts it when asked). A repeat of the same id with the same lines
   * answers the document as it is (posting a draft when the repeat asks to); the same id with
   * other lines is refused.
   */
  create(request: StockDocumentRequest, principal: Principal): { document: StockDocument; created: boolean } {
    if (request.type !== "count") {
      throw new StockError(
        "STOCK_DOCUMENT_TYPE_UNSUPPORTED",
        `type: this store records "count" documents; for a ${request.type}, use POST /stock/adjustments with a reason`,
        { type: request.type },
      );
    }
    const { post, ...identity } = request;
    const fingerprint = canonicalJson(identity);
    const existing = this.ctx.db.select().from(stockDocuments).where(eq(stockDocuments.id, request.id)).get();
    if (existing) {
      if (existing.request !== fingerprint) {
        throw new StockError(
          "STOCK_DOCUMENT_ID_REUSED",
          `stock document ${request.id} was already recorded with other content; use a new id`,
          { id: request.id, number: existing.number },
        );
      }
      if (post === true && existing.status === "draft") this.post(request.id, principal);
      return { document: this.get(request.id), created: false };
    }

    const seen = new Set<string>();
    const lines = request.lines.map((line, i) => {
      const { product } = this.catalog.lookup(line.code);
      if (seen.has(product.code)) {
        throw new StockError(
          "DUPLICATE_LINE",
          `lines.${i}.code: ${product.code} is counted twice in this document; add the counts into one line`,
          { code: product.code },
        );
      }
      seen.add(product.code);
      const countedMilli = parseCountedMilli(line.qty);
      if (!product.soldByWeight && countedMilli % 1000 !== 0) {
        throw new StockError(
          "FRACTIONAL_QUANTITY",
          `lines.${i}.qty: ${product.name} is counted by the unit; give a whole quantity`,
          { code: product.code, qty: line.qty },
        );
      }
      return { code: product.code, countedMilli };
    });

    const atIso = this.ctx.now().toISOString();
    this.ctx.db.transaction((tx) => {
      const number = nextCounter(tx, "stock_document");
      tx.insert(stockDocuments)
        .values({
          id: request.id,
          number,
          type: "count",
          status: "draft",
          location: request.location ?? null,
          reason: request.reason ?? null,
          userId: principal.userId,
          createdAt: atIso,
          request: fingerprint,
        })
        .run();
      tx.insert(stockDocumentLines)
        .values(
          lines.map((line, i) => ({
            documentId: request.id,
            lineNo: i + 1,
            productCode: line.code,
            countedMilli: line.countedMilli,
          })),
        )
        .run();
    });
    if (post === true) this.post(request.id, principal);
    return { document: this.get(request.id), created: true };
  }

  /**
   * Posts a draft count: in one transaction, each line's system quantity is read, stock is set
   * to the counted quantity, and the difference is kept. Posting a posted document changes nothing.
   */
  post(id: string, principal: Principal): StockDocument {
    const at = this.ctx.now();
    const atIso = at.toISOString();
    this.ctx.db.transaction((tx) => {
      const doc = tx.select().from(stockDocuments).where(eq(stockDocuments.id, id)).get();
      if (!doc) throw notFound(id);
      if (doc.status === "posted") return;
      const reason = doc.reason ?? `count ${doc.number}`;
      const lines = tx
        .select()
        .from(stockDocumentLines)
        .where(eq(stockDocumentLines.documentId, id))
        .orderBy(asc(stockDocumentLines.lineNo))
        .all();
      const differences: {
        code: string;
        systemMilli: number;
        countedMilli: number;
        differenceMilli: number;
      }[] = [];
      for (const line of lines) {
        const systemMilli = onHandMilli(tx, line.productCode);
        const differenceMilli = line.countedMilli - systemMilli;
        let movementId: number | null = null;
        if (differenceMilli !== 0) {
          const moved = moveStock(
            tx,
            {
              code: line.productCode,
              qtyMilli: differenceMilli,
              kind: "count",
              refId: id,
              reason,
              userId: principal.userId,
              at: atIso,
            },
            costingOf(this.ctx.settings),
          );
          movementId = moved.movementId;
          appendEvent(
            tx,
            this.ctx.storeId,
            "stock.adjusted",
            {
              code: line.productCode,
              deltaMilli: differenceMilli,
              onHandMilli: moved.onHandMilli,
              kind: "count",
              reason,
              refId: id,
              userId: principal.userId,
              at: atIso,
            },
            at,
          );
        }
        tx.update(stockDocumentLines)
          .set({ systemMilli, differenceMilli, movementId })
          .where(and(eq(stockDocumentLines.documentId, id), eq(stockDocumentLines.lineNo, line.lineNo)))
          .run();
        differences.push({
          code: line.productCode,
          systemMilli,
          countedMilli: line.countedMilli,
          differenceMilli,
        });
      }
      tx.update(stockDocuments)
        .set({ status: "posted", postedBy: principal.userId, postedAt: atIso })
        .where(eq(stockDocuments.id, id))
        .run();
      tx.insert(audit)
        .values({
          at: atIso,
          action: AUDIT_ACTIONS.stockCounted,
          userId: principal.userId,
          tillId: principal.tillId,
          approvedBy: null,
          refId: id,
          detail: JSON.stringify({ number: doc.number, countedBy: doc.userId, lines: differences }),
        })
        .run();
    });
    return this.get(id);
  }
}
