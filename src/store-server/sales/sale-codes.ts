/**
 * Recording a sale that presents promo codes: the uses of limited codes are counted first
 * (chain-wide through head office, see promotions/code-claims.ts), and released again when the
 * sale is not recorded. A sale without codes is recorded as it is. `record` records it (the
 * card tenders' redemptions around the sale itself). A till's prize-draw code
 * (the sale's own) is recorded with the sale.
 */
import type { RecordSaleRequest } from "../../api/store/sales.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { recordFiscalReceipt, recordFiscalSignature } from "../fiscal/service.ts";
import { claimSaleCodes, releaseSaleCodes } from "../promotions/code-claims.ts";
import { recordPrizeCode, requirePrizeCode } from "../promotions/messages.ts";
import type { RecordResult, SalesService } from "./service.ts";

/** Records the sale once the codes are counted (with its card tenders, see card-tenders). */
type RecordSale = (request: RecordSaleRequest, principal: Principal) => Promise<RecordResult> | RecordResult;

export async function recordWithCodes(
  ctx: StoreContext,
  service: SalesService,
  request: RecordSaleRequest,
  principal: Principal,
  record: RecordSale = (r, p) => service.record(r, p),
): Promise<RecordResult> {
  const prizeCode = request.asRung === true ? request.prizeCode : undefined;
  requirePrizeCode(request.id, prizeCode);
  const recorded = await recordCounted(ctx, service, request, principal, record);
  if (prizeCode !== undefined) recordPrizeCode(ctx, request.id, prizeCode, recorded.sale.at);
  if (request.asRung === true && request.fiscal !== undefined) {
    recordFiscalSignature(ctx, recorded.sale, request.fiscal);
  }
  if (request.asRung === true && request.registrar !== undefined) {
    recordFiscalReceipt(ctx, recorded.sale, request.registrar);
  }
  return recorded;
}

async function recordCounted(
  ctx: StoreContext,
  service: SalesService,
  request: RecordSaleRequest,
  principal: Principal,
  record: RecordSale,
): Promise<RecordResult> {
  const codes = service.saleCodes(request);
  if (codes === null || service.get(request.id) !== null) return record(request, principal);
  const counted = await claimSaleCodes(ctx, codes);
  try {
    return await record(request, principal);
  } catch (error) {
    if (counted) await releaseSaleCodes(ctx, request.id);
    throw error;
  }
}
