import { Elysia } from "elysia";
import { z } from "zod";
import { log } from "../../shared/log.ts";
import { ROLE_RANK, requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { requireTillAccess } from "../users/access.ts";
import {
  listPairedTills,
  pairingRequestSchema,
  pairRequestSchema,
  revokeTill,
  TillPairing,
} from "./pairing.ts";
import { registerTillKey } from "./proofs.ts";
import { listRefusedSales, refusedSalesReportSchema, reportRefusedSales } from "./refused-sales.ts";

const tillParams = z.object({
  tillId: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,16}$/, "must be a till id: 1 to 16 letters, digits or underscores"),
});

export function tillsRoutes(ctx: StoreContext) {
  const pairing = new TillPairing(ctx);
  return (
    new Elysia({ name: "ringup.store.tills" })
      // Open: a till without a token exchanges a manager's one-time code for its device token.
      .post(
        "/tills/pair",
        ({ body, set }) => {
          set.status = 201;
          const paired = pairing.pair(body.code, body.tillId);
          log().info({ tillId: paired.tillId }, `till ${paired.tillId} paired`);
          return paired;
        },
        {
          body: pairRequestSchema,
          detail: {
            summary:
              "A till exchanges a one-time pairing code for its own device token (no bearer token needed)",
            security: [],
          },
        },
      )
      .use(requireAuth(ctx))
      .post(
        "/tills/pairings",
        ({ body, principal, set }) => {
          requireRole(principal, "manager", "pairing a till");
          set.status = 201;
          return pairing.create(principal, body.tillId);
        },
        {
          body: pairingRequestSchema,
          detail: {
            summary:
              "A one-time pairing code for a till (single use, expires in 10 minutes, shown only here)",
          },
        },
      )
      .get(
        "/tills",
        ({ principal }) => {
          requireRole(principal, "manager", "listing paired tills");
          return { tills: listPairedTills(ctx) };
        },
        { detail: { summary: "Paired tills and when each was last seen" } },
      )
      .post(
        "/tills/:tillId/revoke",
        ({ params, principal }) => {
          requireRole(principal, "manager", "revoking a till");
          return revokeTill(ctx, params.tillId);
        },
        {
          params: tillParams,
          detail: { summary: "Revoke a till's device token and its cashiers' sessions, at once" },
        },
      )
      .put(
        "/tills/:tillId/key",
        ({ params, body, principal }) => {
          requireTillAccess(principal, params.tillId, "registering a till's key");
          return registerTillKey(
            ctx,
            params.tillId,
            body.publicKey,
            ROLE_RANK[principal.role] >= ROLE_RANK.manager,
          );
        },
        {
          params: tillParams,
          body: z.strictObject({ publicKey: z.string().min(20).max(200) }),
          detail: {
            summary:
              "Register the till's Ed25519 public key, which checks its offline log-ins and approvals (a manager may replace it)",
          },
        },
      )
      .post(
        "/tills/:tillId/refused-sales",
        ({ params, body, principal }) => {
          requireTillAccess(principal, params.tillId, "reporting refused sales");
          return reportRefusedSales(ctx, params.tillId, body, principal);
        },
        {
          params: tillParams,
          body: refusedSalesReportSchema,
          detail: {
            summary: "A till reports the sales the store refused, which it keeps (nothing paid goes unseen)",
          },
        },
      )
      .get(
        "/refused-sales",
        ({ principal, query }) => {
          requireRole(principal, "supervisor", "listing refused till sales");
          return { sales: listRefusedSales(ctx, query.all === "true") };
        },
        {
          query: z.object({ all: z.enum(["true", "false"]).optional() }),
          detail: {
            summary: "Till sales the store refused, as reported by the tills (open ones unless all=true)",
          },
        },
      )
  );
}
