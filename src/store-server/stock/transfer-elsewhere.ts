/**
 * A transfer in names the transfer out it receives. When another store sent it, this store
 * has no copy: head office, which ingested the sending store's `stock.document_posted`, hands
 * it over (`GET /transfers?to=<this store>&id=`) through the store's link to head office.
 */

import type { StockDocumentRequest } from "../../api/store/stock-documents.ts";
import type { StoreContext } from "../context.ts";
import type { SentTransfer } from "./document-service.ts";

export async function transferSentElsewhere(
  ctx: StoreContext,
  request: StockDocumentRequest,
): Promise<SentTransfer | undefined> {
  if (request.type !== "transfer_in" || !request.transferId || !ctx.hq) return undefined;
  // Sent from here, or a repeat of a transfer in already recorded: nothing to ask.
  const known = ctx.sqlite
    .query<{ n: number }, [string, string]>("SELECT COUNT(*) AS n FROM stock_documents WHERE id IN (?1, ?2)")
    .get(request.transferId, request.id);
  if ((known?.n ?? 0) > 0) return undefined;
  const transfer = await ctx.hq.findTransfer(
    ctx.storeId,
    request.transferId,
    "receiving another store's transfer",
  );
  return transfer ?? undefined;
}
