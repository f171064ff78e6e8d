import { Elysia } from "elysia";
import {
  approvalRequestSchema,
  createUserSchema,
  listUsersQuerySchema,
  pinUnlockSchema,
  sessionRequestSchema,
  staffDiscountRequestSchema,
  updateUserSchema,
  userIdParamsSchema,
} from "../../api/store/users.ts";
import { DomainError } from "../../core/errors.ts";
import { log } from "../../shared/log.ts";
import { authenticate, type Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { actorId, requireTillAccess } from "./access.ts";
import { grantApproval } from "./approvals.ts";
import { UserError } from "./errors.ts";
import { listPinLockouts, unlockPinEntry } from "./lockouts.ts";
import { UsersService } from "./service.ts";
import { bearerToken, SessionsService } from "./sessions.ts";
import { findStaffDiscount } from "./staff-discounts.ts";

/**
 * Who the token of a log-in proves, if anyone: a log-in needs no token, and one that is not
 * valid (revoked, from another store) makes the attempt anonymous rather than refused.
 */
function optionalPrincipal(ctx: StoreContext, header: string | undefined): Principal | null {
  if (!header) return null;
  try {
    return authenticate(ctx, header);
  } catch {
    return null;
  }
}

/** True when the token shows the request comes from that till (its device token or a session of it), or an admin. */
function provesTill(principal: Principal | null, tillId: string): boolean {
  if (principal === null) return false;
  if (principal.kind === "admin") return true;
  return principal.tillId === tillId;
}

/** PIN entry locked (a till's, or the store-wide pause of tills that show no token). */
const LOCK_OUTS = new Set(["PIN_LOCKED", "PIN_RATE_LIMITED"]);

/** A log-in, logged: who at which till, or why it was refused (never the PIN). */
async function loggedLogin<T extends { cashierId: string }>(
  tillId: string,
  login: () => Promise<T>,
): Promise<T> {
  try {
    const session = await login();
    log().info({ tillId, cashierId: session.cashierId }, `log-in: ${session.cashierId} at till ${tillId}`);
    return session;
  } catch (err) {
    if (err instanceof DomainError && LOCK_OUTS.has(err.code)) {
      log().warn({ tillId, code: err.code }, `PIN entry locked at till ${tillId} (${err.code})`);
    } else if (err instanceof DomainError) {
      log().warn({ tillId, code: err.code }, `log-in refused at till ${tillId} (${err.code})`);
    }
    throw err;
  }
}

export function usersRoutes(ctx: StoreContext) {
  const usersService = new UsersService(ctx);
  const sessions = new SessionsService(ctx);
  return (
    new Elysia({ name: "ringup.store.users" })
      // Open: a till logs a cashier in with a PIN, before it has any token. A till that sends
      // its till token or a session of its own is not held back by the anonymous limit.
      .post(
        "/sessions",
        async ({ body, headers, set }) => {
          const principal = optionalPrincipal(ctx, headers.authorization);
          if (ctx.settings.requirePairedTills && !provesTill(principal, body.tillId)) {
            throw new UserError(
              "TILL_NOT_PAIRED",
              `till ${body.tillId} is not paired with this store: a manager runs 'ringup admin till pair --till ${body.tillId}', then the till is started once with --pair CODE`,
              { tillId: body.tillId },
            );
          }
          const session = await loggedLogin(body.tillId, () => sessions.login(body, principal));
          set.status = 201;
          return session;
        },
        {
          body: sessionRequestSchema,
          detail: {
            summary:
              "Log a cashier in at a till with a PIN (a bearer token of the till is optional: with one, wrong PINs count against that till only)",
            security: [],
          },
        },
      )
      .use(requireAuth(ctx))
      .delete(
        "/sessions/current",
        ({ headers, principal }) => sessions.logout(bearerToken(headers.authorization), principal),
        { detail: { summary: "Log out: the session token stops working" } },
      )
      .get(
        "/users",
        ({ query }) => {
          return { users: usersService.list(query.includeInactive === "true") };
        },
        { query: listUsersQuerySchema, detail: { summary: "The store's users (never their PINs)" } },
      )
      .get(
        "/users/:id",
        ({ params }) => {
          return usersService.get(params.id);
        },
        { params: userIdParamsSchema },
      )
      .post(
        "/users",
        async ({ body, principal, set }) => {
          const user = await usersService.create(body, principal);
          set.status = 201;
          return user;
        },
        { body: createUserSchema, detail: { summary: "Add a user with a role and a unique PIN" } },
      )
      .patch(
        "/users/:id",
        ({ params, body, principal }) => {
          return usersService.update(params.id, body, principal);
        },
        {
          params: userIdParamsSchema,
          body: updateUserSchema,
          detail: { summary: "Rename, change role or PIN, deactivate or reactivate a user" },
        },
      )
      .post(
        "/staff-discounts",
        ({ body, principal }) => {
          requireTillAccess(principal, body.tillId, "asking for a staff discount");
          return findStaffDiscount(ctx, body);
        },
        {
          body: staffDiscountRequestSchema,
          detail: {
            summary:
              "A staff member's discount by their PIN (they may be the cashier): {userId, name, percent}; NO_STAFF_DISCOUNT when they have none",
          },
        },
      )
      .post(
        "/approvals",
        ({ body, principal, set }) => {
          requireTillAccess(principal, body.tillId, "asking for an approval");
          set.status = 201;
          return grantApproval(ctx, body, actorId(principal));
        },
        {
          body: approvalRequestSchema,
          detail: { summary: "A supervisor approves a cashier action with their PIN (single use)" },
        },
      )
      .get(
        "/pin-lockouts",
        () => {
          return { lockouts: listPinLockouts(ctx) };
        },
        { detail: { summary: "PIN lock-outs in force: of tills, and store-wide" } },
      )
      .post(
        "/pin-lockouts/unlock",
        ({ body, principal }) => {
          return unlockPinEntry(ctx, body, principal);
        },
        {
          body: pinUnlockSchema,
          detail: { summary: "A manager lifts a till's or the store-wide PIN lock-out before it expires" },
        },
      )
  );
}
