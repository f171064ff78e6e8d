/** A sale's tenders with the shop's own tenders named by their ids, and the types it may use. */
import type { RecordSaleRequest } from "../../api/store/sales.ts";
import { customTenderTypes, resolveCustomTenders } from "../../core/custom-tenders.ts";
import type { TenderType } from "../../core/tenders.ts";
import type { StoreTx } from "../context.ts";
import { knownCustomTenders } from "./service.ts";

type Tender = RecordSaleRequest["tenders"][number];

/**
 * A till's sale as rung may name a tender ended since (the till still had it when it was paid);
 * a sale priced here may not.
 */
export function resolvedTenders(
  tx: StoreTx,
  request: Pick<RecordSaleRequest, "tenders" | "asRung">,
  base: readonly TenderType[],
): { tenders: Omit<Tender, "tenderId">[]; types: TenderType[] } {
  const known = knownCustomTenders(tx);
  if (known.length === 0 && request.tenders.every((t) => t.type !== "custom")) {
    return { tenders: request.tenders, types: [...base] };
  }
  return {
    tenders: resolveCustomTenders(request.tenders, known, { allowInactive: request.asRung === true }),
    types: [...base, ...customTenderTypes(known)],
  };
}
