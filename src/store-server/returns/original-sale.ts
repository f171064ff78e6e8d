/**
 * The sale a return is against: this store's own, or another store's looked up at head office.
 * Either way the return is bounded by what was sold less what was returned anywhere: the
 * returns this store recorded (read inside the return's transaction) together with those head
 * office has applied from every store, counted once each by return id. A local sale asks head
 * office too, when the store has a link, for returns taken in other shops; if head office does
 * not answer in time, its own returns bound it. Another store's sale needs head office: without
 * it the return is refused with what to do instead.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { returns, saleLines, sales, saleTaxes, tenders } from "../../../schema/store.ts";
import type { ReturnResponse } from "../../api/store/returns.ts";
import type { ChainReturn, ChainSale } from "../../core/chain-sale.ts";
import { DomainError } from "../../core/errors.ts";
import { formatReceiptNo, parseReceiptNo } from "../../core/ids.ts";
import type { TenderAmount } from "../../core/refund-split.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { ReturnError } from "./errors.ts";
import type { SoldLine } from "./refund-pricing.ts";

/** How long a return of a local sale waits for head office's view of returns elsewhere. */
const LOCAL_SALE_HQ_TIMEOUT_MS = 2_000;

export type SoldLineShape = Omit<SoldLine, "returnedMilli">;

export interface OriginalSale {
  id: string;
  receiptNo: string;
  /** The store that sold it. */
  storeId: string;
  /** True when it is another store's sale, known from head office. */
  foreign: boolean;
  at: string;
  totalMinor: number;
  lines: SoldLineShape[];
  /** Tax rate of each class on the sale. */
  rates: Map<string, string>;
  tenders: TenderAmount[];
  changeMinor: number;
  /** Returns of the sale that head office has applied, from every store (empty when not asked). */
  hqReturns: ChainReturn[];
}

export interface SaleAsk {
  originalSaleId?: string | undefined;
  receiptNo?: string | undefined;
}

/** A receipt number as typed or scanned, and in its padded form (`S1-T1-42` → `S1-T1-000042`). */
function receiptNoForms(text: string): string[] {
  const parsed = parseReceiptNo(text);
  return parsed ? [text, formatReceiptNo(parsed.storeId, parsed.tillId, parsed.seq)] : [text];
}

function checkAsked(ask: SaleAsk, found: { id: string; receiptNo: string; status: string }): void {
  if (
    ask.originalSaleId !== undefined &&
    ask.receiptNo !== undefined &&
    !receiptNoForms(ask.receiptNo).includes(found.receiptNo)
  ) {
    throw new ReturnError(
      "RECEIPT_MISMATCH",
      `sale ${found.id} has receipt number ${found.receiptNo}, not ${ask.receiptNo}`,
    );
  }
  if (found.status === "voided") {
    throw new ReturnError(
      "SALE_VOIDED",
      `sale ${found.receiptNo} was voided: nothing can be returned from it`,
      { saleId: found.id },
    );
  }
}

function localSale(ctx: StoreContext, db: StoreDb | StoreTx, ask: SaleAsk): OriginalSale | null {
  const cols = {
    id: sales.id,
    receiptNo: sales.receiptNo,
    status: sales.status,
    at: sales.at,
    totalMinor: sales.totalMinor,
    changeMinor: sales.changeMinor,
  };
  const row =
    ask.originalSaleId !== undefined
      ? db.select(cols).from(sales).where(eq(sales.id, ask.originalSaleId)).get()
      : db
          .select(cols)
          .from(sales)
          .where(inArray(sales.receiptNo, receiptNoForms(ask.receiptNo ?? "")))
          .get();
  if (!row) return null;
  checkAsked(ask, row);
  const lines: SoldLineShape[] = db
    .select()
    .from(saleLines)
    .where(eq(saleLines.saleId, row.id))
    .orderBy(asc(saleLines.lineNo))
    .all()
    .map(({ returnedMilli: _returned, saleId: _sale, ...line }) => line);
  const rates = new Map(
    db
      .select({ taxClass: saleTaxes.taxClass, rate: saleTaxes.rate })
      .from(saleTaxes)
      .where(and(eq(saleTaxes.docId, row.id), eq(saleTaxes.docKind, "sale")))
      .all()
      .map((r) => [r.taxClass, r.rate]),
  );
  const paid = db
    .select({ type: tenders.type, amountMinor: tenders.amountMinor })
    .from(tenders)
    .where(and(eq(tenders.docId, row.id), eq(tenders.docKind, "sale")))
    .orderBy(asc(tenders.idx))
    .all();
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    storeId: ctx.storeId,
    foreign: false,
    at: row.at,
    totalMinor: row.totalMinor,
    lines,
    rates,
    tenders: paid,
    changeMinor: row.changeMinor,
    hqReturns: [],
  };
}

function fromChain(chain: ChainSale): OriginalSale {
  return {
    id: chain.id,
    receiptNo: chain.receiptNo,
    storeId: chain.storeId,
    foreign: true,
    at: chain.at,
    totalMinor: chain.totalMinor,
    lines: chain.lines.map(({ returnedMilli: _returned, ...line }) => line),
    rates: new Map(chain.taxes.map((t) => [t.taxClass, t.rate])),
    tenders: chain.tenders,
    changeMinor: chain.changeMinor,
    hqReturns: chain.returns,
  };
}

function notFound(ctx: StoreContext, ask: SaleAsk, where: string): ReturnError {
  const asked = ask.originalSaleId ?? ask.receiptNo ?? "";
  const what = ask.originalSaleId !== undefined ? "id" : "receipt number";
  return new ReturnError("SALE_NOT_FOUND", `no sale ${where} has the ${what} ${asked}`, {
    originalSaleId: ask.originalSaleId ?? null,
    receiptNo: ask.receiptNo ?? null,
    storeId: ctx.storeId,
  });
}

/**
 * Finds the sale a return names: at this store, else at head office. Answers null when the
 * request names none (a return without a receipt).
 */
export async function resolveOriginalSale(ctx: StoreContext, ask: SaleAsk): Promise<OriginalSale | null> {
  if (ask.originalSaleId === undefined && ask.receiptNo === undefined) return null;
  const local = localSale(ctx, ctx.db, ask);
  if (local) {
    if (ctx.hq) {
      try {
        const chain = await ctx.hq.findSale(local.id, "returns elsewhere", LOCAL_SALE_HQ_TIMEOUT_MS);
        if (chain) local.hqReturns = chain.returns.filter((r) => r.storeId !== ctx.storeId);
      } catch (err) {
        // Head office out of reach: this store's own returns bound the return of its own sale.
        if (!(err instanceof DomainError)) throw err;
      }
    }
    return local;
  }
  if (!ctx.hq) {
    throw notFound(
      ctx,
      ask,
      `of this store (${ctx.storeId}) — it has no link to head office (hqUrl) to find another store's sale —`,
    );
  }
  const asked = ask.originalSaleId ?? ask.receiptNo ?? "";
  const chain = await ctx.hq.findSale(asked, "a return of another store's sale");
  if (!chain) throw notFound(ctx, ask, "of this store or, at head office, of any store of the chain");
  checkAsked(ask, chain);
  if (chain.currency !== ctx.settings.currency) {
    throw new ReturnError(
      "CURRENCY_MISMATCH",
      `sale ${chain.receiptNo} was paid in ${chain.currency} at store ${chain.storeId}; this store refunds in ${ctx.settings.currency}: take it back at a store that uses ${chain.currency}`,
      { saleId: chain.id, currency: chain.currency },
    );
  }
  return fromChain(chain);
}

/** What is known to have been returned from the sale: per line, and paid back per tender. */
export interface Returned {
  byLine: Map<number, number>;
  refunded: TenderAmount[];
}

/**
 * Every return of the sale known here, each once: this store's (read in `db`, the return's own
 * transaction) and head office's from every store.
 */
export function returnedSoFar(db: StoreDb | StoreTx, sale: OriginalSale): Returned {
  const known = new Map<
    string,
    { lines: { originalLineNo: number | null; qtyMilli: number }[]; tenders: TenderAmount[] }
  >();
  for (const r of sale.hqReturns) known.set(r.id, { lines: r.lines, tenders: r.tenders });
  for (const row of db
    .select({ id: returns.id, response: returns.response })
    .from(returns)
    .where(eq(returns.originalSaleId, sale.id))
    .all()) {
    const ret = JSON.parse(row.response) as ReturnResponse;
    known.set(row.id, { lines: ret.lines, tenders: ret.tenders });
  }
  const byLine = new Map<number, number>();
  const refunded: TenderAmount[] = [];
  for (const r of known.values()) {
    for (const l of r.lines) {
      if (l.originalLineNo !== null)
        byLine.set(l.originalLineNo, (byLine.get(l.originalLineNo) ?? 0) + l.qtyMilli);
    }
    refunded.push(...r.tenders);
  }
  return { byLine, refunded };
}
