/**
 * Keeps each store's stock at head office from its events, moving it as the store does:
 * sales take stock off the shop floor, voids and returns put it back, adjustments move it, and
 * posted stock documents move each line at its location (a count's differences come as
 * `stock.adjusted` events of their own, which are moved at the count's locations here instead).
 * Each posted document is kept too, so transfers can be followed between stores, and each
 * store's minimum and maximum stock per location (`stock.limits_changed`). Runs inside
 * the ingest transaction, before the sales writer (a void reads the sale's lines while the sale
 * is still completed).
 */
import type { Database, Statement } from "bun:sqlite";
import type { EventPayload, StoreEvent } from "../../core/events.ts";
import { folding, SummaryUpsert } from "../analytics/summary-upsert.ts";

/** Where a sale, a return or an adjustment moves stock (the store's default location). */
const FLOOR = "floor";

export class StockWriter {
  readonly #moveStock: SummaryUpsert;
  readonly #insertDocument: Statement<unknown, [Record<string, string | number | null>]>;
  readonly #saleLines: Statement<{ code: string; qtyMilli: number }, [string, string]>;
  readonly #isCount: Statement<{ n: number }, [string, string]>;
  readonly #setLimits: Statement<unknown, [string, string, string, number, number | null]>;
  readonly #clearLimits: Statement<unknown, [string, string, string]>;

  /** `onMove`: told of each product a store's stock moved for (head office's webhooks). */
  constructor(
    sqlite: Database,
    private readonly onMove: (storeId: string, code: string) => void = () => undefined,
  ) {
    this.#moveStock = new SummaryUpsert(sqlite, {
      table: "hq_stock",
      keys: ["store_id", "code", "location"],
      figures: ["qty_milli"],
    });
    this.#insertDocument = sqlite.query(
      `INSERT INTO hq_stock_documents (id, store_id, number, type, to_store, transfer_id, posted_at, payload)
       VALUES ($id, $storeId, $number, $type, $toStore, $transferId, $postedAt, $payload) ON CONFLICT DO NOTHING`,
    );
    this.#saleLines = sqlite.query(
      `SELECT l.code, l.qty_milli AS qtyMilli FROM hq_sale_lines l JOIN hq_sales s ON s.id = l.sale_id
       WHERE l.sale_id = ?1 AND s.store_id = ?2 AND s.status = 'completed' ORDER BY l.line_no`,
    );
    this.#isCount = sqlite.query(
      "SELECT COUNT(*) AS n FROM hq_stock_documents WHERE id = ?1 AND store_id = ?2 AND type = 'count'",
    );
    this.#setLimits = sqlite.query(
      `INSERT INTO hq_stock_limits (store_id, code, location, min_milli, max_milli) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (store_id, code, location) DO UPDATE SET min_milli = excluded.min_milli, max_milli = excluded.max_milli`,
    );
    this.#clearLimits = sqlite.query(
      "DELETE FROM hq_stock_limits WHERE store_id = ?1 AND code = ?2 AND location = ?3",
    );
  }

  #move(storeId: string, code: string, location: string, deltaMilli: number): void {
    this.#moveStock.add({ store_id: storeId, code, location, qty_milli: deltaMilli });
    this.onMove(storeId, code);
  }

  /**
   * Runs fn with the stock moves added up by product and location and written at its end (see
   * summary-upsert.ts); `settle` writes them before anything reads the stock.
   */
  fold<R>(fn: () => R): R {
    return folding([this.#moveStock], fn);
  }

  /** Writes the moves added up so far: the stock is about to be read. */
  settle(): void {
    this.#moveStock.settle();
  }

  /** Applies the event's effect on the store's stock, if it has one. */
  apply(event: StoreEvent): void {
    const store = event.storeId;
    switch (event.type) {
      case "sale.completed": {
        const p = event.payload as EventPayload<"sale.completed">;
        for (const l of p.lines) this.#move(store, l.code, FLOOR, -l.qtyMilli);
        return;
      }
      case "sale.voided": {
        const p = event.payload as EventPayload<"sale.voided">;
        for (const l of this.#saleLines.all(p.saleId, store)) this.#move(store, l.code, FLOOR, l.qtyMilli);
        return;
      }
      case "return.recorded": {
        const p = event.payload as EventPayload<"return.recorded">;
        for (const l of p.lines) this.#move(store, l.code, FLOOR, l.qtyMilli);
        return;
      }
      case "stock.adjusted": {
        const p = event.payload as EventPayload<"stock.adjusted">;
        // A count document's differences were moved with the document, at its locations.
        if (p.kind === "count" && p.refId !== null && (this.#isCount.get(p.refId, store)?.n ?? 0) > 0) return;
        this.#move(store, p.code, FLOOR, p.deltaMilli);
        return;
      }
      case "stock.document_posted": {
        const p = event.payload as EventPayload<"stock.document_posted">;
        this.#insertDocument.run({
          id: p.id,
          storeId: store,
          number: p.number,
          type: p.type,
          toStore: p.toStore,
          transferId: p.transferId,
          postedAt: p.at,
          payload: JSON.stringify(p),
        });
        for (const l of p.lines) if (l.deltaMilli !== 0) this.#move(store, l.code, l.location, l.deltaMilli);
        return;
      }
      case "stock.limits_changed": {
        const p = event.payload as EventPayload<"stock.limits_changed">;
        if (p.minMilli === null) this.#clearLimits.run(store, p.code, p.location);
        else this.#setLimits.run(store, p.code, p.location, p.minMilli, p.maxMilli);
        return;
      }
      default:
        return;
    }
  }
}
