/**
 * User accounts of the store: cashiers, supervisors, managers and admins, each with a PIN that
 * is unique among the store's active users (a PIN alone finds its user at log-in). Every change
 * is journaled as `user.changed` (never with the PIN) and audited.
 *
 * A PIN that another user has is refused. Only an admin is told why (`PIN_TAKEN`): anyone else
 * gets `PIN_REFUSED`, which does not say whether the PIN is in use, and every refusal counts
 * against who chose it (`user:<id>` in pin-limits.ts), so PINs in use cannot be listed by trying.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { apiTokens, users } from "../../../schema/store.ts";
import type { CreateUserInput, Role, UpdateUserInput, UserView } from "../../api/store/users.ts";
import { uuidv7 } from "../../core/ids.ts";
import { levelOf } from "../../core/permissions.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import { type Principal, ROLE_RANK } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { actorId } from "./access.ts";
import { UserError } from "./errors.ts";
import { assertPinChoiceOpen, notePinChoiceRefused } from "./pin-limits.ts";
import { hashPinAsync, PENDING_TAG_PREFIX, pinTag, type UserRow, userHoldingPin } from "./pins.ts";

type UserChange = "created" | "updated" | "deactivated" | "reactivated" | "pin_reset";

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    active: row.active,
    createdAt: row.createdAt,
    staffDiscountPercent: row.staffDiscountPercent,
  };
}

function requireRankAtMost(principal: Principal, role: Role, what: string): void {
  if (ROLE_RANK[role] > ROLE_RANK[principal.role]) {
    throw new UserError(
      "ROLE_TOO_HIGH",
      `${what}: a ${principal.role} cannot manage ${role} accounts; ask an admin`,
      { yourRole: principal.role, role },
    );
  }
}

/** Who is counted for a PIN choice: the user, or the admin token. */
function chooserKey(principal: Principal): string {
  return actorId(principal);
}

function pinRefusal(principal: Principal, count: { lockedUntil: string | null }): UserError {
  if (principal.kind === "admin" || principal.role === "admin") {
    return new UserError("PIN_TAKEN", "another active user already has this PIN; choose a different PIN");
  }
  return new UserError(
    "PIN_REFUSED",
    count.lockedUntil
      ? "this PIN cannot be used, and too many PINs you chose were refused: ask an admin to set it"
      : "this PIN cannot be used; choose another (each refusal is counted against you)",
    { lockedUntil: count.lockedUntil },
  );
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
    if (!row) throw new UserError("USER_NOT_FOUND", `no user has the id ${id}`);
    return toUserView(row);
  }

  /**
   * Refuses a PIN another active user has (see the module comment), committing the count of
   * refusals before throwing. Checked again at the write by tag.
   */
  private async checkPinChoice(
    pin: string,
    forUser: string | null,
    principal: Principal,
    at: Date,
  ): Promise<void> {
    const chooser = chooserKey(principal);
    assertPinChoiceOpen(this.ctx.db, chooser, at);
    const holder = await userHoldingPin(this.ctx, pin, forUser);
    if (!holder) return;
    const count = this.ctx.db.transaction((tx) => notePinChoiceRefused(this.ctx, tx, chooser, at, forUser));
    throw pinRefusal(principal, count);
  }

  /** With `usersManagedAt = "hq"`, users and PINs change only at head office. */
  private requireLocalUsers(what: string): void {
    if (this.ctx.settings.usersManagedAt !== "hq") return;
    throw new UserError(
      "USERS_MANAGED_AT_HQ",
      `${what} is done at head office for this store (usersManagedAt = "hq"), so that every PIN is unique across the chain`,
    );
  }

  async create(input: CreateUserInput, principal: Principal): Promise<UserView> {
    this.requireLocalUsers("adding a user");
    requireRankAtMost(principal, input.role, "adding a user");
    const at = this.ctx.now();
    await this.checkPinChoice(input.pin, null, principal, at);
    const pinHash = await hashPinAsync(input.pin);
    const by = actorId(principal);
    const tag = pinTag(this.ctx.pinKey, input.pin);
    return this.ctx.db.transaction((tx) => {
      this.assertTagFree(tx, tag, null, principal);
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
        staffDiscountPercent: input.staffDiscountPercent ?? null,
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

  /** Closes the race of two PIN changes at once: the tag written last is refused. */
  private assertTagFree(tx: StoreTx, tag: string, exceptUserId: string | null, principal: Principal): void {
    const clash = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.pinTag, tag), eq(users.active, true)))
      .all()
      .some((u) => u.id !== exceptUserId);
    if (clash) throw pinRefusal(principal, { lockedUntil: null });
  }

  async update(id: string, input: UpdateUserInput, principal: Principal): Promise<UserView> {
    const current = this.ctx.db.select().from(users).where(eq(users.id, id)).get();
    if (!current) throw new UserError("USER_NOT_FOUND", `no user has the id ${id}`);
    if (input.pin !== undefined || input.active === true)
      this.requireLocalUsers("setting a PIN or reactivating a user");
    requireRankAtMost(principal, levelOf(current.role), "changing a user");
    if (input.role) requireRankAtMost(principal, input.role, "changing a user's role");
    if (input.active === false && principal.userId === id) {
      throw new UserError("CANNOT_DEACTIVATE_SELF", "you cannot deactivate your own account");
    }
    const at = this.ctx.now();
    if (input.pin !== undefined) await this.checkPinChoice(input.pin, id, principal, at);
    const pinHash = input.pin === undefined ? undefined : await hashPinAsync(input.pin);
    const newTag = input.pin === undefined ? undefined : pinTag(this.ctx.pinKey, input.pin);
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
      if (
        input.staffDiscountPercent !== undefined &&
        input.staffDiscountPercent !== current.staffDiscountPercent
      ) {
        next.staffDiscountPercent = input.staffDiscountPercent;
        changed.push("staffDiscountPercent");
      }
      if (pinHash !== undefined && newTag !== undefined) {
        next.pinTag = newTag;
        next.pinHash = pinHash;
        changed.push("pin");
      }
      if (changed.length === 0) return toUserView(current);
      if (next.active && !next.pinTag.startsWith(PENDING_TAG_PREFIX))
        this.assertTagFree(tx, next.pinTag, id, principal);
      tx.update(users)
        .set({
          name: next.name,
          role: next.role,
          active: next.active,
          pinHash: next.pinHash,
          pinTag: next.pinTag,
          staffDiscountPercent: next.staffDiscountPercent,
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
