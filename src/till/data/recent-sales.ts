/**
 * Receipt numbers at the store: the sale behind a number a cashier typed or scanned, and the
 * last number the store holds for this till (so a till starting on a fresh data folder
 * continues after it instead of reusing numbers).
 */
import { z } from "zod";
import { formatReceiptNo, parseReceiptNo } from "../../core/ids.ts";
import { StoreRefusedError } from "./errors.ts";
import { type RecordedSaleAnswer, recordedSaleAnswerSchema } from "./store-answers.ts";
import type { StoreClient } from "./store-client.ts";

/** A receipt number as typed or scanned, and in its padded form (`S1-T1-42` → `S1-T1-000042`). */
export function receiptNoForms(text: string): string[] {
  const parsed = parseReceiptNo(text);
  if (!parsed) return [text];
  const padded = formatReceiptNo(parsed.storeId, parsed.tillId, parsed.seq);
  return padded === text ? [text] : [text, padded];
}

/** The store's sale with this receipt number, or undefined when it has none. */
export async function saleByReceiptAtStore(
  client: StoreClient,
  token: string,
  receiptNo: string,
): Promise<RecordedSaleAnswer | undefined> {
  try {
    return await client.request(
      "GET",
      `/api/v1/sales/by-receipt/${encodeURIComponent(receiptNo)}`,
      recordedSaleAnswerSchema,
      { token },
    );
  } catch (err) {
    if (err instanceof StoreRefusedError && err.status === 404) return undefined;
    throw err;
  }
}

const lastReceiptAnswerSchema = z.object({ receiptNo: z.string().nullable(), seq: z.number().int().min(0) });

/** The highest receipt sequence the store holds for this till (0 when none). */
export async function lastReceiptSeqAtStore(
  client: StoreClient,
  token: string,
  tillId: string,
): Promise<number> {
  const answer = await client.request(
    "GET",
    `/api/v1/sales/last-receipt?tillId=${encodeURIComponent(tillId)}`,
    lastReceiptAnswerSchema,
    { token },
  );
  return answer.seq;
}
