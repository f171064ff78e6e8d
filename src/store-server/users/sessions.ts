/**
 * Till sessions: a cashier types a PIN at a till and gets a `session` bearer token bound to
 * that user and till. A new log-in at a till ends the till's earlier session.
 */
import { and, eq, isNull } from "drizzle-orm";
import { apiTokens, shifts } from "../../../schema/store.ts";
import type { SessionRequest } from "../../api/store/users.ts";
import type { Permission } from "../../core/permissions.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import { hashToken, newToken, type Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { issueSessionProof } from "../tills/proofs.ts";
import { UserError } from "./errors.ts";
import {
  assertPinEntryOpen,
  clearPinFailures,
  gateFor,
  notePinFailure,
  wrongPinError,
} from "./pin-limits.ts";
import { pinShared } from "./pin-shared.ts";
import { findUserByPin, writeTag } from "./pins.ts";
import { rightsOfRole, rightsView } from "./rights.ts";

export interface SessionView {
  token: string;
  tillId: string;
  /** The cashier the session's sales are recorded for (the user's id). */
  cashierId: string;
  /** The user, with what their role may do (the till hides what it may not). */
  user: { id: string; name: string; role: string; permissions: Permission[]; maxDiscountPercent: number };
  /**
   * Proof that this user logged in at this till (signed by the store): a sale made in this
   * session carries it as `madeIn`, so it stays the cashier's when sent later under another.
   */
  proof: string;
  /** The till's open shift, if one is open. */
  shift: { id: string; openedAt: string; floatMinor: number } | null;
}

export class SessionsService {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Logs a cashier in. `caller` is who the request's token proves (null without one): a till
   * token or session of this till is counted and limited as that till, anything else as an
   * anonymous attempt (see pin-limits.ts). The PIN's hash is checked off the event loop; the
   * gate is checked again when the outcome is written, so attempts racing past a lock learn
   * nothing.
   */
  async login(request: SessionRequest, caller: Principal | null): Promise<SessionView> {
    const { tillId } = request;
    const gate = gateFor(caller, tillId);
    const now = this.ctx.now();
    const at = now.toISOString();
    assertPinEntryOpen(this.ctx.db, gate, now);
    const match = await findUserByPin(this.ctx, request.pin);
    const outcome = this.ctx.db.transaction((tx) => {
      assertPinEntryOpen(tx, gate, now);
      if (!match) {
        const failure = notePinFailure(this.ctx, tx, gate, now, { purpose: "login" });
        return { ok: false as const, error: wrongPinError(this.ctx, gate, failure) };
      }
      if (match.sharedWith) return { ok: false as const, error: pinShared(this.ctx, tx, match, now) };
      clearPinFailures(tx, gate);
      writeTag(tx, match);
      const { user } = match;
      const ended = tx
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.kind, "session"), eq(apiTokens.tillId, tillId), isNull(apiTokens.revokedAt)))
        .returning({ userId: apiTokens.userId })
        .all();
      const token = newToken();
      tx.insert(apiTokens)
        .values({ tokenHash: hashToken(token), kind: "session", userId: user.id, tillId, createdAt: at })
        .run();
      recordAudit(
        this.ctx,
        tx,
        {
          action: AUDIT_ACTIONS.login,
          at: now,
          userId: user.id,
          tillId,
          detail: { role: user.role, endedSessions: ended.length, anonymous: gate.anonymous },
        },
        true,
      );
      const shift = tx
        .select({ id: shifts.id, openedAt: shifts.openedAt, floatMinor: shifts.floatMinor })
        .from(shifts)
        .where(and(eq(shifts.tillId, tillId), isNull(shifts.closedAt)))
        .get();
      const view: SessionView = {
        token,
        tillId,
        cashierId: user.id,
        user: { id: user.id, name: user.name, role: user.role, ...rightsView(rightsOfRole(tx, user.role)) },
        proof: issueSessionProof(tx, tillId, user.id, now),
        shift: shift ?? null,
      };
      return { ok: true as const, view };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.view;
  }

  /** Ends the caller's own session (its token stops working at once). */
  logout(
    token: string,
    principal: Principal,
  ): { loggedOut: true; userId: string | null; tillId: string | null } {
    if (principal.kind !== "session") {
      throw new UserError(
        "NOT_A_SESSION",
        `this is ${principal.kind === "admin" ? "an admin" : "a till"} token, not a till session; only sessions log out`,
      );
    }
    const now = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      tx.update(apiTokens)
        .set({ revokedAt: now.toISOString() })
        .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
        .run();
      recordAudit(
        this.ctx,
        tx,
        { action: AUDIT_ACTIONS.logout, at: now, userId: principal.userId, tillId: principal.tillId },
        true,
      );
    });
    return { loggedOut: true, userId: principal.userId, tillId: principal.tillId };
  }
}

/** The bearer token of an Authorization header (already authenticated by requireAuth). */
export function bearerToken(header: string | undefined): string {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new UserError("UNAUTHORIZED", "missing bearer token");
  return match[1];
}
