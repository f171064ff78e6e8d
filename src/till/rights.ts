/**
 * What the logged-in cashier's role may do at the till: the rights the store gave at log-in
 * (kept with the cashier for offline log-ins), or the built-in role's when it gave none.
 */
import { approvalNeeded, mayApprove } from "../api/store/roles.ts";
import { noRights, type Rights, resolveRights, rightsOf } from "../core/permissions.ts";
import type { ApprovalAction, Cashier } from "./services.ts";

export function cashierRights(cashier: Cashier | null): Rights {
  if (cashier === null) return noRights("none");
  if (cashier.permissions === undefined) return resolveRights(cashier.role, () => undefined);
  return rightsOf({
    id: cashier.role,
    name: cashier.name,
    permissions: cashier.permissions,
    ...(cashier.maxDiscountPercent === undefined ? {} : { maxDiscountPercent: cashier.maxDiscountPercent }),
  });
}

/** Whether the cashier may do `action` without someone else's approval. */
export function cashierMay(cashier: Cashier | null, action: ApprovalAction): boolean {
  return mayApprove(cashierRights(cashier), action);
}

/** Whether `action` takes an approver's PIN at this till (see `approvalNeeded`). */
export function tillNeedsApproval(
  cashier: Cashier | null,
  settingAsks: boolean,
  action: ApprovalAction,
): boolean {
  return approvalNeeded(settingAsks, cashierRights(cashier), action);
}
