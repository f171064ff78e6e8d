/** Who may act at which till, and how an actor is named in records. */
import { type Principal, ROLE_RANK } from "../auth/tokens.ts";
import { UserError } from "./errors.ts";

/** The id written as "who did it": the user, or `admin` / `till:<id>` for tokens without one. */
export function actorId(principal: Principal): string {
  if (principal.userId) return principal.userId;
  return principal.kind === "till" && principal.tillId ? `till:${principal.tillId}` : "admin";
}

/**
 * A cashier's or supervisor's session is bound to the till it was opened at; managers and
 * admins may act for any till.
 */
export function requireTillAccess(principal: Principal, tillId: string, action: string): void {
  if (ROLE_RANK[principal.role] >= ROLE_RANK.manager) return;
  if (principal.tillId !== null && principal.tillId !== tillId) {
    throw new UserError(
      "WRONG_TILL",
      `${action}: this session belongs to till ${principal.tillId}, not ${tillId}; log in at that till`,
      { sessionTillId: principal.tillId, tillId },
    );
  }
}
