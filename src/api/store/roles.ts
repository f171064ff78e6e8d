/** Shapes of the store's roles API, and which permission each approval needs. */
import { z } from "zod";
import { isBuiltInRole, levelOf, PERMISSIONS, type Permission, type Rights } from "../../core/permissions.ts";
import type { ApprovalAction } from "./users.ts";

/**
 * The permission an approver of a custom role must hold for each approval; null: only a
 * supervisor, manager or admin approves it (actions no permission names).
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

/**
 * Whether a role may approve an action (or do it without an approval). A built-in role as
 * before roles had permissions: a supervisor, manager or admin (a cashier gives discounts but
 * does not approve them); a custom role when it holds the action's permission.
 */
export function mayApprove(rights: Rights, action: ApprovalAction): boolean {
  if (isBuiltInRole(rights.roleId)) return levelOf(rights.roleId) !== "cashier";
  const permission = APPROVAL_PERMISSION[action];
  return permission !== null && rights.permissions.has(permission);
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
