/** Shapes of the store's roles API, and which permission each approval needs. */
import { z } from "zod";
import { isBuiltInRole, levelOf, PERMISSIONS, type Permission, type Rights } from "../../core/permissions.ts";
import type { ApprovalAction } from "./users.ts";

/**
 * The permission an approver's role must hold for each approval; null: the approver must be a
 * supervisor, manager or admin (actions no permission names).
 */
export const APPROVAL_PERMISSION: Readonly<Record<ApprovalAction, Permission | null>> = {
  refund: "refund",
  returnWithoutReceipt: "refund",
  voidAfterTotal: "void_after_total",
  priceOverride: "price_override",
  noSale: "open_drawer",
  discount: "discount",
  refusedSales: null,
  stockAdjustment: null,
  expiredLot: null,
};

/** Whether a role may approve an action (or do it without an approval). */
export function mayApprove(rights: Rights, action: ApprovalAction): boolean {
  const permission = APPROVAL_PERMISSION[action];
  if (permission !== null) return rights.permissions.has(permission);
  return levelOf(rights.roleId) !== "cashier";
}

/**
 * Whether an action takes an approval: when the store's settings ask one, and always when a
 * custom role lacks the action's permission (the built-in roles keep the settings' word alone,
 * as before roles had permissions).
 */
export function approvalNeeded(settingAsks: boolean, rights: Rights, action: ApprovalAction): boolean {
  return settingAsks || (!isBuiltInRole(rights.roleId) && !mayApprove(rights, action));
}

export const storeRoleSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  maxDiscountPercent: z.int().min(0).max(100),
  builtIn: z.boolean(),
});
export const storeRolesAnswerSchema = z.strictObject({ roles: z.array(storeRoleSchema) });
