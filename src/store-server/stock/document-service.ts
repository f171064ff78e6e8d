/**
 * Stock documents: receipts, issues, write-offs, counts, adjustments and transfers, each kept
 * as a draft until posted. Posting is one transaction: every line's movement (at its location,
 * with its lot and expiry), the document's status, the audit entry and the journal's
 * `stock.document_posted` event, so a crash leaves the document wholly posted or not at all.
 * A count still journals each difference as a `stock.adjusted` event of kind "count".
 */
import { and, asc, desc, eq, lt, type SQL } from "drizzle-orm";
import { audit, products, stockDocumentLines, stockDocuments } from "../../../schema/store.ts";
import {
  DEFAULT_LOCATION,
  type StockDocument,
  type StockDocumentLine,
  type StockDocumentRequest,
  type StockDocumentSummary,
  type StockDocumentType,
  WRITEOFF_REASONS,
} from "../../api/store/stock-documents.ts";
import { canonicalJson } from "../../core/events/canonical-json.ts";
import { milliToDecimalString, parseQuantityMilli } from "../../core/quantity.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { type Principal, ROLE_RANK } from "../auth/tokens.ts";
import { CatalogService, nextCounter } from "../catalog/service.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { connectionOf } from "../db/statements.ts";
import { appendEvent } from "../journal/journal.ts";
import { checkLineSerials, receiveSerialsInTx } from "../serials/service.ts";
import { actorId, consumeApproval, verifyApproval } from "../users/index.ts";
import { addFullCountLines, checkCountHeader, countedAtOf, onHandAtMilli } from "./count-modes.ts";
import { locationOnHandMilli } from "./document-stock.ts";
import { StockError } from "./errors.ts";
import { costingOf, moveStock } from "./ledger.ts";

/** A quantity in milli-units, signed, at most 3 decimals. */
export function parseCountedMilli(qty: string | number): number {
  const text = typeof qty === "number" ? String(qty) : qty.trim();
  const negative = text.startsWith("-");
  const unsigned = negative ? text.slice(1) : text;
  if (/^0+(\.0*)?$/.test(unsigned)) return 0;
  try {
    const milli = parseQuantityMilli(unsigned);
    return negative ? -milli : milli;
  } catch (err) {
    if (err instanceof Error) throw new StockError("INVALID_QUANTITY", `qty: ${err.message}`, { qty });
    throw err;
  }
}

function onHandMilli(db: StoreDb | StoreTx, code: string): number {
  return (
    connectionOf(db)
      .query<{ n: number }, [string]>("SELECT on_hand_milli AS n FROM stock_levels WHERE product_code = ?1")
      .get(code)?.n ?? 0
  );
}

function notFound(id: string): StockError {
  return new StockError("STOCK_DOCUMENT_NOT_FOUND", `there is no stock document ${id}`, { id });
}

/** The signed stock movement a line makes. */
function deltaOf(type: StockDocumentType, qtyMilli: number, systemMilli: number): number {
  switch (type) {
    case "receipt":
    case "transfer_in":
    case "adjustment":
      return qtyMilli;
    case "issue":
    case "writeoff":
    case "transfer_out":
      return -qtyMilli;
    case "count":
      return qtyMilli - systemMilli;
  }
}

/** A transfer another store sent, as head office hands it to the receiving store. */
export interface SentTransfer {
  id: string;
  fromStore: string;
  lines: readonly { code: string; qtyMilli: number }[];
}

interface PreparedLine {
  code: string;
  qtyMilli: number;
  location: string | null;
  lot: string | null;
  expiry: string | null;
  unitCostMinor: number | null;
  expectedMilli: number | null;
}

type DocRow = typeof stockDocuments.$inferSelect;

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
    const docLocation = doc.location ?? DEFAULT_LOCATION;
    let totalCostMinor: number | null = null;
    const lines = rows.map(({ line, name }): StockDocumentLine => {
      const location = line.location ?? docLocation;
      const systemMilli =
        line.systemMilli ??
        (doc.type === "count"
          ? locationOnHandMilli(this.ctx.db, line.productCode, location, line.lot)
          : onHandMilli(this.ctx.db, line.productCode));
      const differenceMilli =
        doc.type === "transfer_in"
          ? line.countedMilli - (line.expectedMilli ?? 0)
          : (line.differenceMilli ?? deltaOf(doc.type, line.countedMilli, systemMilli));
      if (line.unitCostMinor !== null) {
        totalCostMinor = (totalCostMinor ?? 0) + Math.round((line.countedMilli * line.unitCostMinor) / 1000);
      }
      const qty =
        Number(milliToDecimalString(Math.abs(line.countedMilli))) * Math.sign(line.countedMilli || 1);
      return {
        lineNo: line.lineNo,
        code: line.productCode,
        name,
        qty,
        qtyMilli: line.countedMilli,
        counted: qty,
        countedMilli: line.countedMilli,
        systemMilli,
        differenceMilli,
        movementId: line.movementId,
        location,
        lot: line.lot,
        expiry: line.expiry,
        unitCostMinor: line.unitCostMinor,
        expectedMilli: line.expectedMilli,
      };
    });
    return {
      id: doc.id,
      number: doc.number,
      type: doc.type,
      status: doc.status,
      location: docLocation,
      reason: doc.reason,
      toStore: doc.toStore,
      transferId: doc.transferId,
      transferStatus: this.transferStatus(doc),
      userId: doc.userId,
      createdAt: doc.createdAt,
      postedBy: doc.postedBy,
      postedAt: doc.postedAt,
      approvedBy: doc.approvedBy,
      totalCostMinor,
      mode: doc.type === "count" ? (doc.mode ?? "partial") : null,
      countedAt: countedAtOf(doc),
      department: doc.department,
      category: doc.category,
      lines,
    };
  }

  private transferStatus(doc: DocRow): StockDocument["transferStatus"] {
    if (doc.type !== "transfer_out" || doc.status !== "posted") return null;
    return this.receivedBy(this.ctx.db, doc.id) ? "received" : "in_transit";
  }

  private receivedBy(db: StoreDb | StoreTx, transferId: string): DocRow | undefined {
    return db
      .select()
      .from(stockDocuments)
      .where(
        and(
          eq(stockDocuments.type, "transfer_in"),
          eq(stockDocuments.transferId, transferId),
          eq(stockDocuments.status, "posted"),
        ),
      )
      .get();
  }

  /** Documents, newest first. */
  list(filter: {
    type?: StockDocumentType | undefined;
    status?: "draft" | "posted" | undefined;
    limit: number;
    before?: number | undefined;
  }): StockDocumentSummary[] {
    const where: SQL[] = [];
    if (filter.type) where.push(eq(stockDocuments.type, filter.type));
    if (filter.status) where.push(eq(stockDocuments.status, filter.status));
    if (filter.before) where.push(lt(stockDocuments.number, filter.before));
    const rows = this.ctx.db
      .select()
      .from(stockDocuments)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(stockDocuments.number))
      .limit(filter.limit)
      .all();
    return rows.map((doc) => ({
      id: doc.id,
      number: doc.number,
      type: doc.type,
      status: doc.status,
      location: doc.location ?? DEFAULT_LOCATION,
      reason: doc.reason,
      lineCount:
        this.ctx.sqlite
          .query<{ n: number }, [string]>(
            "SELECT count(*) AS n FROM stock_document_lines WHERE document_id = ?",
          )
          .get(doc.id)?.n ?? 0,
      createdAt: doc.createdAt,
      postedAt: doc.postedAt,
    }));
  }

  /**
   * Records a document (and posts it when asked). A repeat of the same id with the same content
   * answers the document as it is (posting a draft when the repeat asks to); the same id with
   * other content is refused.
   */
  create(
    request: StockDocumentRequest,
    principal: Principal,
    /** A transfer_in's transfer when another store sent it (read from head office). */
    sentElsewhere?: SentTransfer,
  ): { document: StockDocument; created: boolean } {
    const { post, approvalPin, approvalId, ...identity } = request;
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

    const atIso = this.ctx.now().toISOString();
    this.checkHeader(request, sentElsewhere);
    checkCountHeader(this.ctx.db, request, atIso);
    checkLineSerials(request);
    const lines = this.prepareLines(request, sentElsewhere);
    const approval = request.type === "adjustment" ? this.approval(request, principal) : null;

    this.ctx.db.transaction((tx) => {
      const approvedBy = approval ? (approval.consume ? approval.consume(tx) : approval.approvedBy) : null;
      insertDraft(tx, request, fingerprint, lines, principal, atIso, approvedBy);
    });
    if (post === true) this.post(request.id, principal);
    return { document: this.get(request.id), created: true };
  }

  /**
   * Records and posts a document inside the caller's transaction (a goods receipt of purchasing
   * posts with its order's bookkeeping, all or nothing). The caller checks the id is new.
   */
  createPostedInTx(tx: StoreTx, request: StockDocumentRequest, principal: Principal, at: Date): void {
    const { post: _post, approvalPin: _pin, approvalId: _approval, ...identity } = request;
    this.checkHeader(request);
    checkLineSerials(request);
    const lines = this.prepareLines(request);
    insertDraft(tx, request, canonicalJson(identity), lines, principal, at.toISOString(), null);
    const doc = tx.select().from(stockDocuments).where(eq(stockDocuments.id, request.id)).get();
    if (!doc) throw notFound(request.id);
    postInTx(this.ctx, tx, doc, principal, at);
  }

  private checkHeader(request: StockDocumentRequest, sentElsewhere?: SentTransfer): void {
    if (request.type === "writeoff") {
      const reason = request.reason?.replace(" ", "_");
      if (!reason || !(WRITEOFF_REASONS as readonly string[]).includes(reason)) {
        throw new StockError(
          "REASON_REQUIRED",
          `reason: a write-off says why: one of ${WRITEOFF_REASONS.join(", ")}`,
          { reason: request.reason ?? null },
        );
      }
    }
    if (request.type === "adjustment" && !request.reason) {
      throw new StockError("REASON_REQUIRED", "reason: an adjustment says why the stock changes", {});
    }
    if (request.type === "transfer_out" && !request.toStore) {
      throw new StockError("DESTINATION_REQUIRED", "toStore: a transfer out names the receiving store", {});
    }
    if (request.type === "transfer_in") {
      if (!request.transferId) {
        throw new StockError(
          "TRANSFER_REQUIRED",
          "transferId: a transfer in names the transfer received (its transfer_out document's id)",
          {},
        );
      }
      const sent = this.ctx.db
        .select()
        .from(stockDocuments)
        .where(eq(stockDocuments.id, request.transferId))
        .get();
      const sentHere = sent?.type === "transfer_out" && sent.status === "posted";
      if (!sentHere && sentElsewhere?.id !== request.transferId) {
        throw new StockError(
          "TRANSFER_NOT_FOUND",
          `transferId: there is no posted transfer out ${request.transferId}`,
          { transferId: request.transferId },
        );
      }
      const received = this.receivedBy(this.ctx.db, request.transferId);
      if (received) {
        throw new StockError(
          "TRANSFER_ALREADY_RECEIVED",
          `transferId: transfer ${request.transferId} was received by document ${received.number}`,
          { transferId: request.transferId, number: received.number },
        );
      }
    }
  }

  private prepareLines(request: StockDocumentRequest, sentElsewhere?: SentTransfer): PreparedLine[] {
    const { maxPriceMinor } = this.ctx.settings;
    const seen = new Set<string>();
    const lines = request.lines.map((line, i): PreparedLine => {
      const { product } = this.catalog.lookup(line.code);
      const key = `${product.code}\u0000${line.location ?? ""}\u0000${line.lot ?? ""}`;
      if (seen.has(key)) {
        throw new StockError(
          "DUPLICATE_LINE",
          `lines.${i}.code: ${product.code} is listed twice in this document; add the quantities into one line`,
          { code: product.code },
        );
      }
      seen.add(key);
      const qtyMilli = parseCountedMilli(line.qty);
      if (!product.soldByWeight && qtyMilli % 1000 !== 0) {
        throw new StockError(
          "FRACTIONAL_QUANTITY",
          `lines.${i}.qty: ${product.name} is counted by the unit; give a whole quantity`,
          { code: product.code, qty: line.qty },
        );
      }
      if (request.type === "adjustment" ? qtyMilli === 0 : qtyMilli < 0) {
        throw new StockError(
          "INVALID_QUANTITY",
          `lines.${i}.qty: ${request.type === "adjustment" ? "an adjustment changes stock: not zero" : "must be zero or more"}`,
          { code: product.code, qty: line.qty },
        );
      }
      if (qtyMilli === 0 && request.type !== "count" && request.type !== "transfer_in") {
        throw new StockError("INVALID_QUANTITY", `lines.${i}.qty: must be more than zero`, {
          code: product.code,
          qty: line.qty,
        });
      }
      if (request.type === "receipt" && line.unitCostMinor === undefined) {
        throw new StockError(
          "UNIT_COST_REQUIRED",
          `lines.${i}.unitCostMinor: a receipt line gives its cost`,
          {
            code: product.code,
          },
        );
      }
      if (line.unitCostMinor !== undefined && line.unitCostMinor > maxPriceMinor) {
        throw new StockError(
          "COST_OVER_LIMIT",
          `lines.${i}.unitCostMinor: ${line.unitCostMinor} is over the store's limit of ${maxPriceMinor} minor units (maxPriceMinor)`,
          { code: product.code, unitCostMinor: line.unitCostMinor, maxPriceMinor },
        );
      }
      return {
        code: product.code,
        qtyMilli,
        location: line.location ?? null,
        lot: line.lot ?? null,
        expiry: line.expiry ?? null,
        unitCostMinor: line.unitCostMinor ?? null,
        expectedMilli: null,
      };
    });
    if (request.type !== "transfer_in" || !request.transferId) return lines;
    // What was sent, by product: each received line is set against it, and what was sent but
    // not received is a line of zero.
    const sent = new Map<string, number>();
    const sentLines = this.ctx.db
      .select()
      .from(stockDocumentLines)
      .where(eq(stockDocumentLines.documentId, request.transferId))
      .all()
      .map((row) => ({ code: row.productCode, qtyMilli: row.countedMilli }));
    const fromElsewhere = sentElsewhere?.id === request.transferId ? sentElsewhere.lines : [];
    for (const row of sentLines.length > 0 ? sentLines : fromElsewhere) {
      sent.set(row.code, (sent.get(row.code) ?? 0) + row.qtyMilli);
    }
    for (const line of lines) {
      line.expectedMilli = sent.get(line.code) ?? 0;
      sent.delete(line.code);
    }
    for (const [code, expectedMilli] of sent) {
      lines.push({
        code,
        qtyMilli: 0,
        location: null,
        lot: null,
        expiry: null,
        unitCostMinor: null,
        expectedMilli,
      });
    }
    return lines;
  }

  /** An adjustment needs a supervisor: the caller's own session, a PIN, or an approval id. */
  private approval(
    request: StockDocumentRequest,
    principal: Principal,
  ): { approvedBy: string | null; consume?: (tx: StoreTx) => string } {
    if (request.approvalId !== undefined) {
      const approvalId = request.approvalId;
      return {
        approvedBy: null,
        consume: (tx) =>
          consumeApproval(this.ctx, tx, approvalId, "stockAdjustment", {
            tillId: principal.tillId,
            usedFor: request.id,
          }).id,
      };
    }
    if (request.approvalPin !== undefined) {
      const approver = verifyApproval(this.ctx, undefined, request.approvalPin, "stockAdjustment", {
        tillId: principal.tillId,
        requestedBy: actorId(principal),
        refId: request.id,
      });
      return { approvedBy: approver.id };
    }
    if (ROLE_RANK[principal.role] >= ROLE_RANK.supervisor) return { approvedBy: actorId(principal) };
    throw new StockError(
      "APPROVAL_REQUIRED",
      "a stock adjustment needs a supervisor's approval: send approvalPin (or approvalId from POST /approvals)",
      { action: "stockAdjustment" },
    );
  }

  /** Posts a draft in one transaction; a posted document is immutable (STOCK_DOCUMENT_POSTED). */
  post(id: string, principal: Principal): StockDocument {
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      const doc = tx.select().from(stockDocuments).where(eq(stockDocuments.id, id)).get();
      if (!doc) throw notFound(id);
      if (doc.status === "posted") {
        throw new StockError(
          "STOCK_DOCUMENT_POSTED",
          `stock document ${doc.number} was posted at ${doc.postedAt}; a posted document does not change`,
          { id, number: doc.number },
        );
      }
      if (doc.type === "transfer_in" && doc.transferId) {
        const received = this.receivedBy(tx, doc.transferId);
        if (received) {
          throw new StockError(
            "TRANSFER_ALREADY_RECEIVED",
            `transfer ${doc.transferId} was received by document ${received.number}`,
            { transferId: doc.transferId, number: received.number },
          );
        }
      }
      postInTx(this.ctx, tx, doc, principal, at);
    });
    return this.get(id);
  }
}

function insertDraft(
  tx: StoreTx,
  request: StockDocumentRequest,
  fingerprint: string,
  lines: readonly PreparedLine[],
  principal: Principal,
  atIso: string,
  approvedBy: string | null,
): void {
  const number = nextCounter(tx, "stock_document");
  tx.insert(stockDocuments)
    .values({
      id: request.id,
      number,
      type: request.type,
      status: "draft",
      location: request.location ?? null,
      reason: request.reason ?? null,
      userId: principal.userId,
      createdAt: atIso,
      request: fingerprint,
      toStore: request.toStore ?? null,
      transferId: request.transferId ?? null,
      approvedBy,
      mode: request.mode ?? null,
      countedAt: request.countedAt ?? null,
      department: request.department ?? null,
      category: request.category ?? null,
    })
    .run();
  for (let i = 0; i < lines.length; i += 500) {
    tx.insert(stockDocumentLines)
      .values(
        lines.slice(i, i + 500).map((line, j) => ({
          documentId: request.id,
          lineNo: i + j + 1,
          productCode: line.code,
          countedMilli: line.qtyMilli,
          location: line.location,
          lot: line.lot,
          expiry: line.expiry,
          unitCostMinor: line.unitCostMinor,
          expectedMilli: line.expectedMilli,
        })),
      )
      .run();
  }
}

function postInTx(ctx: StoreContext, tx: StoreTx, doc: DocRow, principal: Principal, at: Date): void {
  const atIso = at.toISOString();
  const id = doc.id;
  const docLocation = doc.location ?? DEFAULT_LOCATION;
  const reason = doc.reason ?? `${doc.type.replace("_", " ")} ${doc.number}`;
  const countedAt = countedAtOf(doc);
  addFullCountLines(tx, doc, docLocation);
  const lines = tx
    .select()
    .from(stockDocumentLines)
    .where(eq(stockDocumentLines.documentId, id))
    .orderBy(asc(stockDocumentLines.lineNo))
    .all();
  const posted: {
    code: string;
    location: string;
    lot: string | null;
    expiry: string | null;
    qtyMilli: number;
    deltaMilli: number;
    unitCostMinor: number | null;
    expectedMilli: number | null;
    systemMilli: number;
  }[] = [];
  const countEvents: { code: string; deltaMilli: number; onHandMilli: number }[] = [];
  for (const line of lines) {
    const location = line.location ?? docLocation;
    const systemMilli =
      countedAt !== null
        ? onHandAtMilli(tx, line.productCode, location, line.lot, countedAt)
        : onHandMilli(tx, line.productCode);
    const deltaMilli = deltaOf(doc.type, line.countedMilli, systemMilli);
    let movementId: number | null = null;
    if (deltaMilli !== 0) {
      const moved = moveStock(
        tx,
        {
          code: line.productCode,
          qtyMilli: deltaMilli,
          kind: doc.type === "adjustment" ? "adjustment" : doc.type,
          refId: id,
          reason,
          userId: principal.userId,
          at: atIso,
          location,
          lot: line.lot,
          expiry: line.expiry,
          unitCostMinor: line.unitCostMinor,
        },
        costingOf(ctx.settings),
      );
      movementId = moved.movementId;
      if (doc.type === "count") {
        countEvents.push({ code: line.productCode, deltaMilli, onHandMilli: moved.onHandMilli });
      }
    }
    // One prepared statement for every line (a receipt may have thousands).
    connectionOf(tx)
      .query<unknown, [number, number, number | null, string, number]>(
        `UPDATE stock_document_lines SET system_milli = ?1, difference_milli = ?2, movement_id = ?3
          WHERE document_id = ?4 AND line_no = ?5`,
      )
      .run(
        systemMilli,
        doc.type === "transfer_in" ? line.countedMilli - (line.expectedMilli ?? 0) : deltaMilli,
        movementId,
        id,
        line.lineNo,
      );
    posted.push({
      code: line.productCode,
      location,
      lot: line.lot,
      expiry: line.expiry,
      qtyMilli: line.countedMilli,
      deltaMilli,
      unitCostMinor: line.unitCostMinor,
      expectedMilli: line.expectedMilli,
      systemMilli,
    });
  }
  receiveSerialsInTx(
    tx,
    doc,
    lines.map((l) => l.productCode),
    atIso,
  );
  tx.update(stockDocuments)
    .set({ status: "posted", postedBy: principal.userId, postedAt: atIso })
    .where(eq(stockDocuments.id, id))
    .run();
  appendEvent(
    tx,
    ctx.storeId,
    "stock.document_posted",
    {
      id,
      number: doc.number,
      type: doc.type,
      location: docLocation,
      reason: doc.reason,
      toStore: doc.toStore,
      transferId: doc.transferId,
      userId: principal.userId,
      approvedBy: doc.approvedBy,
      at: atIso,
      lines: posted.map(({ systemMilli: _system, ...line }) => line),
    },
    at,
  );
  for (const e of countEvents) {
    appendEvent(
      tx,
      ctx.storeId,
      "stock.adjusted",
      {
        code: e.code,
        deltaMilli: e.deltaMilli,
        onHandMilli: e.onHandMilli,
        kind: "count",
        reason,
        refId: id,
        userId: principal.userId,
        at: atIso,
      },
      at,
    );
  }
  const detail =
    doc.type === "count"
      ? {
          number: doc.number,
          countedBy: doc.userId,
          lines: posted.map((l) => ({
            code: l.code,
            systemMilli: l.systemMilli,
            countedMilli: l.qtyMilli,
            differenceMilli: l.deltaMilli,
          })),
        }
      : { number: doc.number, type: doc.type, lines: posted.length };
  tx.insert(audit)
    .values({
      at: atIso,
      action: doc.type === "count" ? AUDIT_ACTIONS.stockCounted : AUDIT_ACTIONS.stockDocumentPosted,
      userId: principal.userId,
      tillId: principal.tillId,
      approvedBy: doc.approvedBy,
      refId: id,
      detail: JSON.stringify(detail),
    })
    .run();
}
