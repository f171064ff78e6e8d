/**
 * User accounts of the store: cashiers, supervisors, managers and admins, each with a PIN that
 * is unique among the store's active users. Every change is journaled as `user.changed` (never
 * with the PIN) and audited.
 */
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { apiTokens, users } from "../../../schema/store.ts";
import { uuidv7 } from "../../core/ids.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import { type Principal, ROLE_RANK } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { HttpError } from "../http/errors.ts";
import { appendEvent } from "../journal/journal.ts";
import { actorId } from "./access.ts";
import type { CreateUserInput, Role, UpdateUserInput, UserView } from "./model.ts";
import { hashPin, pinSecret, pinTag, type UserRow } from "./pins.ts";

type UserChange = "created" | "updated" | "deactivated" | "reactivated" | "pin_reset";

export function toUserView(row: UserRow): UserView {
  return { id: row.id, name: row.name, role: row.role, active: row.active, createdAt: row.createdAt };
}

function requireRankAtMost(principal: Principal, role: Role, what: string): void {
  if (ROLE_RANK[role] > ROLE_RANK[principal.role]) {
    throw new HttpError(
      "forbidden",
      "ROLE_TOO_HIGH",
      `${what}: a ${principal.role} cannot manage ${role} accounts; ask an admin`,
      { yourRole: principal.role, role },
    );
  }
}

function assertPinFree(tx: StoreTx, tag: string, exceptUserId: string | null): void {
  const taken = tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.pinTag, tag),
        eq(users.active, true),
        exceptUserId ? ne(users.id, exceptUserId) : undefined,
      ),
    )
    .get();
  if (taken) {
    throw new HttpError(
      "conflict",
      "PIN_TAKEN",
      "another active user already has this PIN; choose a different PIN",
    );
  }
}

export class UsersService {
  constructor(private readonly ctx: StoreContext) {}

  private journal(tx: StoreTx, row: UserRow, change: UserChange, by: string, at: Date): void {
    appendEvent(
      tx,
      this.ctx.storeId,
      "user.changed",
      {
        userId: row.id,
        name: row.name,
        role: row.role,
        active: row.active,
        change,
        changedBy: by,
        at: at.toISOString(),
      },
      at,
    );
  }

  list(includeInactive: boolean): UserView[] {
    return this.ctx.db
      .select()
      .from(users)
      .where(includeInactive ? undefined : eq(users.active, true))
      .orderBy(asc(users.name), asc(users.id))
      .all()
      .map(toUserView);
  }

  get(id: string): UserView {
    const row = this.ctx.db.select().from(users).where(eq(users.id, id)).get();
    if (!row) throw new HttpError("not_found", "USER_NOT_FOUND", `no user has the id ${id}`);
    return toUserView(row);
  }

  create(input: CreateUserInput, principal: Principal): UserView {
    requireRankAtMost(principal, input.role, "adding a user");
    const pinHash = hashPin(input.pin);
    const at = this.ctx.now();
    const by = actorId(principal);
    return this.ctx.db.transaction((tx) => {
      const tag = pinTag(pinSecret(tx), input.pin);
      assertPinFree(tx, tag, null);
      const row: UserRow = {
        id: uuidv7(at.getTime()),
        name: input.name,
        role: input.role,
        pinHash,
        pinTag: tag,
        failedAttempts: 0,
        lockedUntil: null,
        active: true,
        createdAt: at.toISOString(),
      };
      tx.insert(users).values(row).run();
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.userCreated,
        at,
        userId: by,
        refId: row.id,
        detail: { name: row.name, role: row.role },
      });
      this.journal(tx, row, "created", by, at);
      return toUserView(row);
    });
  }

  update(id: string, input: UpdateUserInput, principal: Principal): UserView {
    const current = this.ctx.db.select().from(users).where(eq(users.id, id)).get();
    if (!current) throw new HttpError("not_found", "USER_NOT_FOUND", `no user has the id ${id}`);
    requireRankAtMost(principal, current.role, "changing a user");
    if (input.role) requireRankAtMost(principal, input.role, "changing a user's role");
    if (input.active === false && principal.userId === id) {
      throw new HttpError("conflict", "CANNOT_DEACTIVATE_SELF", "you cannot deactivate your own account");
    }
    const pinHash = input.pin === undefined ? undefined : hashPin(input.pin);
    const at = this.ctx.now();
    const by = actorId(principal);
    return this.ctx.db.transaction((tx) => {
      const next: UserRow = { ...current };
      const changed: string[] = [];
      if (input.name !== undefined && input.name !== current.name) {
        next.name = input.name;
        changed.push("name");
      }
      if (input.role !== undefined && input.role !== current.role) {
        next.role = input.role;
        changed.push("role");
      }
      if (input.active !== undefined && input.active !== current.active) {
        next.active = input.active;
        changed.push("active");
      }
      if (input.pin !== undefined && pinHash !== undefined) {
        next.pinTag = pinTag(pinSecret(tx), input.pin);
        next.pinHash = pinHash;
        changed.push("pin");
      }
      if (changed.length === 0) return toUserView(current);
      if (next.active) assertPinFree(tx, next.pinTag, id);
      tx.update(users)
        .set({
          name: next.name,
          role: next.role,
          active: next.active,
          pinHash: next.pinHash,
          pinTag: next.pinTag,
        })
        .where(eq(users.id, id))
        .run();
      if (!next.active) {
        // A deactivated user's sessions end at once.
        tx.update(apiTokens)
          .set({ revokedAt: at.toISOString() })
          .where(and(eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)))
          .run();
      }
      const change: UserChange = changed.includes("active")
        ? next.active
          ? "reactivated"
          : "deactivated"
        : changed.length === 1 && changed[0] === "pin"
          ? "pin_reset"
          : "updated";
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.userUpdated,
        at,
        userId: by,
        refId: id,
        detail: { change, fields: changed.join(","), role: next.role },
      });
      this.journal(tx, next, change, by, at);
      return toUserView(next);
    });
  }
}
