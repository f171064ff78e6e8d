/**
 * What the logged-in cashier's role may not do at the till, said before it is tried: the keys
 * and menu entries of actions whose permission the role lacks (src/core/permissions.ts) are
 * marked in the menu and left out of the key bar, and pressed they say which permission the
 * role lacks while the till asks for the supervisor's approval it already supports. A built-in
 * role lacks none of them: its approvals follow the store's settings, as before roles.
 */
import { approvalNeeded } from "../../api/store/roles.ts";
import type { Permission } from "../../core/permissions.ts";
import type { KeyCommand } from "../keys/keymap.ts";
import { cashierRights } from "../rights.ts";
import type { ApprovalAction, Cashier } from "../services.ts";
import { msg } from "./initial.ts";
import type { TillState, Transition } from "./types.ts";

/** Each gated command: the permission it takes and the approval the till asks without it. */
const COMMAND_RIGHTS: Partial<Record<KeyCommand, { permission: Permission; action: ApprovalAction }>> = {
  "sale.returns": { permission: "refund", action: "refund" },
  "line.price": { permission: "price_override", action: "priceOverride" },
  "line.discount": { permission: "discount", action: "discount" },
  "sale.discount": { permission: "discount", action: "discount" },
  "drawer.noSale": { permission: "open_drawer", action: "noSale" },
};

const ACTION_PERMISSION: Partial<Record<ApprovalAction, Permission>> = Object.fromEntries(
  Object.values(COMMAND_RIGHTS).map((r) => [r.action, r.permission]),
);

function lacks(cashier: Cashier | null, action: ApprovalAction): boolean {
  return cashier !== null && approvalNeeded(false, cashierRights(cashier), action);
}

/** The permission the cashier's role lacks for `command`; null when it may, or none is needed. */
export function lackedPermission(cashier: Cashier | null, command: KeyCommand): Permission | null {
  const need = COMMAND_RIGHTS[command];
  return need !== undefined && lacks(cashier, need.action) ? need.permission : null;
}

/** The permission the role lacks for an approval the till is about to ask for, if it is that. */
export function lackedForApproval(cashier: Cashier | null, action: ApprovalAction): Permission | null {
  const permission = ACTION_PERMISSION[action];
  return permission !== undefined && lacks(cashier, action) ? permission : null;
}

/**
 * A gated command's outcome with the role's lack said on the status line (unless the command
 * failed for its own reason, or already asks for the approval and says so).
 */
export function sayLacked(before: TillState, command: KeyCommand, outcome: Transition): Transition {
  const permission = lackedPermission(before.cashier, command);
  const status = outcome.state.status;
  if (permission === null || status?.tone === "error" || outcome.state.prompt?.kind === "approval")
    return outcome;
  return {
    ...outcome,
    state: { ...outcome.state, status: { tone: "info", message: msg("info.roleLacks", { permission }) } },
  };
}
