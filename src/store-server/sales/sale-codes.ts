/**
 * Recording a sale that presents promo codes: the uses of limited codes are counted first
 * (chain-wide through head office, see promotions/code-claims.ts), and released again when the
 * sale is not recorded. A sale without codes is recorded as it is.
 */
import type { RecordSaleRequest } from "../../api/store/sales.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { claimSaleCodes, releaseSaleCodes } from "../promotions/code-claims.ts";
import type { RecordResult, SalesService } from "./service.ts";

export async function recordWithCodes(
  ctx: StoreContext,
  service: SalesService,
  request: RecordSaleRequest,
  principal: Principal,
): Promise<RecordResult> {
  const codes = service.saleCodes(request);
  if (codes === null || service.get(request.id) !== null) return service.record(request, principal);
  const counted = await claimSaleCodes(ctx, codes);
  try {
    return await service.record(request, principal);
  } catch (error) {
    if (counted) await releaseSaleCodes(ctx, request.id);
    throw error;
  }
}
