/**
 * Receipt numbers: a number as typed or scanned in its padded form, and the last number the
 * store holds for this till (so a till starting on a fresh data folder
 * continues after it instead of reusing numbers).
 */
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { formatReceiptNo, parseReceiptNo } from "../../core/ids.ts";
import type { StoreClient } from "./store-client.ts";

/** A receipt number as typed or scanned, and in its padded form (`S1-T1-42` → `S1-T1-000042`). */
export function receiptNoForms(text: string): string[] {
  const parsed = parseReceiptNo(text);
  if (!parsed) return [text];
  const padded = formatReceiptNo(parsed.storeId, parsed.tillId, parsed.seq);
  return padded === text ? [text] : [text, padded];
}

/** The highest receipt sequence the store holds for this till (0 when none). */
export async function lastReceiptSeqAtStore(
  client: StoreClient,
  token: string,
  tillId: string,
): Promise<number> {
  const answer = await client.request(tillStoreRoutes["GET /api/v1/sales/last-receipt"], {
    query: { tillId },
    token,
  });
  return answer.seq;
}
