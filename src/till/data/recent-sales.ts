/**
 * The store finds a sale by id, or lists sales by time: the till looks through the store's
 * recent sales, newest window first (a day, a week, then five weeks), to find a receipt number
 * it did not print itself, or the last receipt number the store has from this till.
 */
import { formatReceiptNo, parseReceiptNo } from "../../core/ids.ts";
import { type RecordedSaleAnswer, salesListAnswerSchema } from "./store-answers.ts";
import type { StoreClient } from "./store-client.ts";

/** How far back the till looks (days). */
export const RECENT_SALES_DAYS = 35;
const WINDOWS_DAYS = [1, 7, RECENT_SALES_DAYS] as const;
const DAY_MS = 86_400_000;
const PAGE_LIMIT = 10_000;

/** A receipt number as typed or scanned, and in its padded form (`S1-T1-42` → `S1-T1-000042`). */
export function receiptNoForms(text: string): string[] {
  const parsed = parseReceiptNo(text);
  if (!parsed) return [text];
  const padded = formatReceiptNo(parsed.storeId, parsed.tillId, parsed.seq);
  return padded === text ? [text] : [text, padded];
}

/**
 * Looks through the store's sales of the last day, week, then five weeks until `pick` answers
 * something. The store lists at most 10,000 sales per window.
 */
export async function searchRecentSales<T>(
  client: StoreClient,
  token: string,
  now: Date,
  pick: (sales: RecordedSaleAnswer[]) => T | undefined,
): Promise<T | undefined> {
  // Up to a minute ahead: a store clock slightly ahead of the till's still lists its newest sales.
  const to = new Date(now.getTime() + 60_000).toISOString();
  for (const days of WINDOWS_DAYS) {
    const from = new Date(now.getTime() - days * DAY_MS).toISOString();
    const page = await client.request(
      "GET",
      `/api/v1/sales?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=${PAGE_LIMIT}`,
      salesListAnswerSchema,
      { token },
    );
    const found = pick(page.sales);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The highest receipt sequence the store has from this till in recent weeks (0 when none): a
 * till that starts over on a fresh data dir continues after it instead of reusing numbers.
 */
export async function lastReceiptSeqAtStore(
  client: StoreClient,
  token: string,
  now: Date,
  tillId: string,
): Promise<number> {
  const seq = await searchRecentSales(client, token, now, (sales) => {
    let max = 0;
    for (const sale of sales) {
      const parsed = parseReceiptNo(sale.receiptNo);
      if (parsed && parsed.tillId === tillId) max = Math.max(max, parsed.seq);
    }
    return max > 0 ? max : undefined;
  });
  return seq ?? 0;
}
