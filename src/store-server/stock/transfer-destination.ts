/**
 * A transfer out names the store that receives it. It cannot be this store, and when the store
 * reaches head office (its link, `hqUrl`/`hqToken`), the store must be one head office has
 * registered (`GET /sites` there). Without an answer from head office the destination is taken as
 * given: head office offers a transfer only to a registered store, so goods sent to a wrong id
 * stay in transit until a correction.
 */
import type { StockDocumentRequest } from "../../api/store/stock-documents.ts";
import { DomainError } from "../../core/errors.ts";
import type { StoreContext } from "../context.ts";
import { StockError } from "./errors.ts";

/** How long the check waits for head office's list of stores. */
const SITES_TIMEOUT_MS = 2_000;

export async function checkTransferDestination(
  ctx: StoreContext,
  request: StockDocumentRequest,
): Promise<void> {
  if (request.type !== "transfer_out" || request.toStore === undefined) return;
  const toStore = request.toStore;
  if (toStore === ctx.storeId) {
    throw new StockError(
      "TRANSFER_TO_SELF",
      `toStore: ${toStore} is this store; a transfer goes to another store`,
      {
        toStore,
      },
    );
  }
  if (!ctx.hq) return;
  let sites: { storeId: string }[];
  try {
    sites = await ctx.hq.sites("checking a transfer's destination", SITES_TIMEOUT_MS);
  } catch (err) {
    if (err instanceof DomainError) return;
    throw err;
  }
  if (!sites.some((s) => s.storeId === toStore)) {
    throw new StockError("UNKNOWN_STORE", `toStore: head office has no store "${toStore}"`, {
      toStore,
      known: sites.map((s) => s.storeId),
    });
  }
}
