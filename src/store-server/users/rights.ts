/**
 * What a user's role may do at this store: a built-in role's rights, or a custom role's as head
 * office last sent it (`roles`). A role the store does not know (or one head office deleted)
 * may do nothing.
 */
import { asc, eq } from "drizzle-orm";
import { roles } from "../../../schema/store.ts";
import type { RoleChangeValue } from "../../core/catalog-changes.ts";
import {
  BUILT_IN_ROLES,
  type Permission,
  type Rights,
  type RoleDefinition,
  resolveRights,
  rightsOf,
  roleSchema,
} from "../../core/permissions.ts";
import type { StoreDb, StoreTx } from "../context.ts";

type Db = StoreDb | StoreTx;

function customRole(db: Db, id: string): RoleDefinition | undefined {
  const row = db.select().from(roles).where(eq(roles.id, id)).get();
  if (!row?.active) return undefined;
  return roleSchema.parse(JSON.parse(row.body));
}

export function rightsOfRole(db: Db, roleId: string): Rights {
  return resolveRights(roleId, (id) => customRole(db, id));
}

/** Rights as answered to a till: the permissions listed, and the discount ceiling. */
export function rightsView(rights: Rights): { permissions: Permission[]; maxDiscountPercent: number } {
  return { permissions: [...rights.permissions], maxDiscountPercent: rights.maxDiscountPercent };
}

/** A role as the store answers it: its permissions and discount ceiling resolved. */
export interface StoreRole {
  id: string;
  name: string;
  permissions: Permission[];
  maxDiscountPercent: number;
  builtIn: boolean;
}

function toStoreRole(role: RoleDefinition, builtIn: boolean): StoreRole {
  return { id: role.id, name: role.name, ...rightsView(rightsOf(role)), builtIn };
}

/** Every role in force here: the built-in ones and head office's custom ones. */
export function listRoles(db: Db): StoreRole[] {
  const custom = db
    .select()
    .from(roles)
    .where(eq(roles.active, true))
    .orderBy(asc(roles.id))
    .all()
    .map((row) => toStoreRole(roleSchema.parse(JSON.parse(row.body)), false));
  return [...Object.values(BUILT_IN_ROLES).map((r) => toStoreRole(r, true)), ...custom];
}

/** A role from head office (kept whole; a deleted one is kept inactive). */
export function applyHqRole(tx: StoreTx, value: RoleChangeValue, at: Date): void {
  const { active, ...role } = value;
  const row = { id: role.id, body: JSON.stringify(role), active, updatedAt: at.toISOString() };
  tx.insert(roles).values(row).onConflictDoUpdate({ target: roles.id, set: row }).run();
}
