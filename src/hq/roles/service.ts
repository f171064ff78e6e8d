/**
 * Roles at head office: the four built-in roles (fixed, src/core/permissions.ts) and custom
 * ones defined with `POST /roles`, kept and recorded in the change log for every store in the
 * same transaction, so stores and tills have them with the users. A role some user has cannot
 * be deleted; a deleted one is sent to the stores with `active: false`.
 */
import { asc, eq } from "drizzle-orm";
import { hqRoles, hqUsers } from "../../../schema/hq.ts";
import type { RoleAnswer, RoleInput } from "../../api/hq/roles.ts";
import { ALL_STORES } from "../../core/catalog-changes.ts";
import {
  BUILT_IN_ROLES,
  isBuiltInRole,
  type RoleDefinition,
  rightsOf,
  roleSchema,
} from "../../core/permissions.ts";
import { recordChange } from "../catalog/change-log.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqTx } from "../context.ts";
import { RoleError } from "./errors.ts";

type Row = typeof hqRoles.$inferSelect;

function toAnswer(role: RoleDefinition, builtIn: boolean): RoleAnswer {
  return {
    id: role.id,
    name: role.name,
    permissions: [...new Set(role.permissions)],
    maxDiscountPercent: rightsOf(role).maxDiscountPercent,
    builtIn,
  };
}

function definitionOf(row: Row): RoleDefinition {
  return roleSchema.parse(JSON.parse(row.body));
}

/** Refuses a role id that is neither built in nor defined (inside the user's write). */
export function requireKnownRole(tx: HqTx, roleId: string): void {
  if (isBuiltInRole(roleId)) return;
  if (tx.select({ id: hqRoles.id }).from(hqRoles).where(eq(hqRoles.id, roleId)).get()) return;
  throw new RoleError(
    "UNKNOWN_ROLE",
    `no role "${roleId}": use cashier, supervisor, manager, admin or a role defined with POST /api/v1/roles`,
    { role: roleId },
  );
}

function refuseBuiltIn(id: string, doing: string): void {
  if (isBuiltInRole(id)) {
    throw new RoleError(
      "ROLE_BUILT_IN",
      `"${id}" is a built-in role and cannot be ${doing}: give another id`,
      {
        role: id,
      },
    );
  }
}

export class HqRolesService {
  constructor(private readonly ctx: HqContext) {}

  list(): RoleAnswer[] {
    const custom = this.ctx.db
      .select()
      .from(hqRoles)
      .orderBy(asc(hqRoles.id))
      .all()
      .map((row) => toAnswer(definitionOf(row), false));
    return [...Object.values(BUILT_IN_ROLES).map((r) => toAnswer(r, true)), ...custom];
  }

  /** Defines or replaces a custom role (answers whether it is new), recorded for every store. */
  define(input: RoleInput): { role: RoleAnswer; created: boolean } {
    refuseBuiltIn(input.id, "redefined");
    const role: RoleDefinition = { ...input, permissions: [...new Set(input.permissions)] };
    const at = this.ctx.now();
    const { created, change } = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(hqRoles).where(eq(hqRoles.id, role.id)).get();
      const row: Row = {
        id: role.id,
        body: JSON.stringify(role),
        createdAt: existing?.createdAt ?? at.toISOString(),
        updatedAt: at.toISOString(),
      };
      tx.insert(hqRoles).values(row).onConflictDoUpdate({ target: hqRoles.id, set: row }).run();
      const change = recordChange(
        tx,
        { storeId: ALL_STORES, kind: "role", key: role.id, value: { ...role, active: true } },
        at,
      );
      return { created: existing === undefined, change };
    });
    publishCommitted(this.ctx, [change]);
    return { role: toAnswer(role, false), created };
  }

  /** Deletes a custom role no user has; the stores hear it ended. */
  delete(id: string): { id: string; deleted: true } {
    refuseBuiltIn(id, "deleted");
    const at = this.ctx.now();
    const change = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(hqRoles).where(eq(hqRoles.id, id)).get();
      if (!existing) throw new RoleError("ROLE_NOT_FOUND", `no custom role "${id}"`, { role: id });
      const holders = tx.select({ name: hqUsers.name }).from(hqUsers).where(eq(hqUsers.role, id)).all();
      if (holders.length > 0) {
        const names = holders.map((u) => u.name);
        throw new RoleError(
          "ROLE_IN_USE",
          `role "${id}" is the role of ${names.join(", ")}: give them another role (PUT /api/v1/users/:id) first`,
          { role: id, users: names },
        );
      }
      tx.delete(hqRoles).where(eq(hqRoles.id, id)).run();
      return recordChange(
        tx,
        { storeId: ALL_STORES, kind: "role", key: id, value: { ...definitionOf(existing), active: false } },
        at,
      );
    });
    publishCommitted(this.ctx, [change]);
    return { id, deleted: true };
  }
}
