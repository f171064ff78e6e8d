/**
 * Stock across stores at head office: each store's on hand per product (kept by the ingest's
 * stock writer) and the transfers between stores that are still in transit (a posted
 * transfer_out no transfer_in has received yet).
 */
import type { z } from "zod";
import type { HqStockAnswer, Transfer, transfersQuerySchema } from "../../api/hq/stock.ts";
import type { EventPayload } from "../../core/events.ts";
import type { HqContext } from "../context.ts";

export class ChainStockService {
  constructor(private readonly ctx: HqContext) {}

  /** Each store's on hand of a product, by location. */
  stock(code: string): HqStockAnswer {
    const rows = this.ctx.sqlite
      .query<{ storeId: string; location: string; qtyMilli: number }, [string]>(
        `SELECT store_id AS storeId, location, qty_milli AS qtyMilli FROM hq_stock
         WHERE code = ?1 ORDER BY store_id, location`,
      )
      .all(code);
    const sites = new Map<string, HqStockAnswer["sites"][number]>();
    for (const row of rows) {
      const site = sites.get(row.storeId) ?? {
        storeId: row.storeId,
        onHand: 0,
        onHandMilli: 0,
        byLocation: [],
      };
      site.onHandMilli += row.qtyMilli;
      site.onHand = site.onHandMilli / 1000;
      site.byLocation.push({ location: row.location, onHandMilli: row.qtyMilli });
      sites.set(row.storeId, site);
    }
    return { code, sites: [...sites.values()] };
  }

  /** Transfers in transit to a store, oldest first. */
  transfers(query: z.infer<typeof transfersQuerySchema>): { transfers: Transfer[] } {
    const rows = this.ctx.sqlite
      .query<{ storeId: string; payload: string }, [string, string | null]>(
        `SELECT d.store_id AS storeId, d.payload FROM hq_stock_documents d
         WHERE d.type = 'transfer_out' AND d.to_store = ?1 AND (CAST(?2 AS TEXT) IS NULL OR d.id = ?2)
           AND NOT EXISTS (SELECT 1 FROM hq_stock_documents r WHERE r.type = 'transfer_in' AND r.transfer_id = d.id)
         ORDER BY d.posted_at, d.id`,
      )
      .all(query.to, query.id ?? null);
    return {
      transfers: rows.map((row) => {
        const p = JSON.parse(row.payload) as EventPayload<"stock.document_posted">;
        return {
          id: p.id,
          fromStore: row.storeId,
          toStore: p.toStore ?? query.to,
          number: p.number,
          postedAt: p.at,
          lines: p.lines.map((l) => ({
            code: l.code,
            qtyMilli: l.qtyMilli,
            location: l.location,
            lot: l.lot,
            expiry: l.expiry,
            unitCostMinor: l.unitCostMinor,
          })),
        };
      }),
    };
  }
}
