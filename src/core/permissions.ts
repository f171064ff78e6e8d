/**
 * Roles and their named permissions: one list of what a role may do, and the four built-in
 * roles expressed in it (exactly the rights they had when roles were fixed). Head office defines
 * custom roles; stores and tills receive them with the users (change kind `role`).
 */
import { z } from "zod";
import type { USER_ROLES } from "./events/back-office-events.ts";
import { roleIdSchema } from "./role-id.ts";

/** What a supervisor may do at a till (and approve for a cashier). */
const TILL_PERMISSIONS = [
  "sell",
  "refund",
  "void_after_total",
  "price_override",
  /** Discounts up to the role's `maxDiscountPercent`. */
  "discount",
  /** Opening the drawer without a sale. */
  "open_drawer",
] as const;

export const PERMISSIONS = [
  ...TILL_PERMISSIONS,
  "stock_documents",
  "purchasing",
  "reports",
  /** Catalog writes: products, departments, categories, promotions. */
  "catalog",
  /** Managing users. */
  "users",
  /** Taking deliveries out and setting their status: what a courier's role holds. */
  "deliver",
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const permissionSchema = z.enum(PERMISSIONS, { error: `must be one of ${PERMISSIONS.join(", ")}` });

export type BuiltInRole = (typeof USER_ROLES)[number];

export { type RoleId, roleIdSchema } from "./role-id.ts";

/** A role as defined at head office and kept at stores and tills. */
export const roleSchema = z.strictObject({
  id: roleIdSchema,
  name: z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters"),
  permissions: z.array(permissionSchema).max(PERMISSIONS.length * 2),
  /** The largest discount the role may give (percent); absent: 100 when it holds `discount`. */
  maxDiscountPercent: z.int().min(0).max(100).optional(),
});
export type RoleDefinition = z.infer<typeof roleSchema>;

const SUPERVISOR: Permission[] = [...TILL_PERMISSIONS];
const MANAGER: Permission[] = [...PERMISSIONS];

/** The built-in roles, with the rights each had before roles had permissions. */
export const BUILT_IN_ROLES: Readonly<Record<BuiltInRole, RoleDefinition>> = {
  cashier: { id: "cashier", name: "Cashier", permissions: ["sell", "discount"], maxDiscountPercent: 100 },
  supervisor: { id: "supervisor", name: "Supervisor", permissions: SUPERVISOR, maxDiscountPercent: 100 },
  manager: { id: "manager", name: "Manager", permissions: MANAGER, maxDiscountPercent: 100 },
  admin: { id: "admin", name: "Administrator", permissions: [...PERMISSIONS], maxDiscountPercent: 100 },
};

export function isBuiltInRole(id: string): id is BuiltInRole {
  return Object.hasOwn(BUILT_IN_ROLES, id);
}

/** What a role may do, resolved once: its permissions and its discount ceiling. */
export interface Rights {
  roleId: string;
  permissions: ReadonlySet<Permission>;
  maxDiscountPercent: number;
}

export function rightsOf(role: RoleDefinition): Rights {
  const permissions = new Set(role.permissions);
  return {
    roleId: role.id,
    permissions,
    maxDiscountPercent: permissions.has("discount") ? (role.maxDiscountPercent ?? 100) : 0,
  };
}

/** A role nobody defined (removed, or not yet received): it may do nothing. */
export function noRights(roleId: string): Rights {
  return { roleId, permissions: new Set(), maxDiscountPercent: 0 };
}

/**
 * The rights of a role id: a built-in role's own, else the custom role found by `lookup`.
 * An unknown role may do nothing.
 */
export function resolveRights(roleId: string, lookup: (id: string) => RoleDefinition | undefined): Rights {
  if (isBuiltInRole(roleId)) return rightsOf(BUILT_IN_ROLES[roleId]);
  const found = lookup(roleId);
  return found ? rightsOf(found) : noRights(roleId);
}

/**
 * The built-in level a role counts as for rights that are not permissions (which tills a
 * session may act for, reading the journal…): a built-in role its own, a custom one cashier.
 */
export function levelOf(roleId: string): BuiltInRole {
  return isBuiltInRole(roleId) ? roleId : "cashier";
}

/** Whether a discount of `percent` (e.g. 12.5) is within what the rights allow. */
export function allowsDiscount(rights: Rights, percent: number): boolean {
  return rights.permissions.has("discount") && percent <= rights.maxDiscountPercent;
}
