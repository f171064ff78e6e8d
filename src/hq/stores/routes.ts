/**
 * The stores registry: register a store (its credentials are answered once), list every store
 * with its replication state, renew credentials, and set the settings sent to a store.
 */
import { Elysia } from "elysia";
import { z } from "zod";
import { divergenceReportSchema, storeEventsQuerySchema } from "../../api/hq/store-journal.ts";
import { storeInputSchema, storeParamsSchema, storeSettingsInputSchema } from "../../api/hq/stores.ts";
import { authorize } from "../auth/plugin.ts";
import { storeScope } from "../auth/scopes.ts";
import { requireScope } from "../auth/tokens.ts";
import type { HqContext } from "../context.ts";
import { saveReportedDivergence, storeEventsAfter } from "./journal.ts";
import { deadLettersOf } from "./replication.ts";
import { StoresService } from "./service.ts";

export function storesRoutes(ctx: HqContext) {
  const registry = new StoresService(ctx);
  const admin = new Elysia()
    .use(authorize(ctx, ["admin"], "managing stores"))
    .post(
      "/stores",
      ({ body, set }) => {
        set.status = 201;
        return registry.register(body);
      },
      {
        body: storeInputSchema,
        detail: {
          summary:
            "Register a store: answers its API token and NATS credentials once, and rewrites nats-accounts.conf",
        },
      },
    )
    .post("/stores/:id/credentials", ({ params }) => registry.renewCredentials(params.id), {
      params: storeParamsSchema,
      detail: { summary: "Replace a store's NATS password and API token (shown once)" },
    })
    .put("/stores/:id/settings", ({ params, body }) => registry.setSettings(params.id, body), {
      params: storeParamsSchema,
      body: storeSettingsInputSchema,
      detail: { summary: "Replace a store's settings; they are sent to that store" },
    });
  const read = new Elysia()
    .use(authorize(ctx, ["reports:read", "store:*"], "reading stores"))
    .get(
      "/stores",
      ({ principal }) => {
        requireScope(principal, ["reports:read"], "listing every store");
        return { stores: registry.list() };
      },
      { detail: { summary: "Every store with its replication state: lastSeq, lastEventAt, lagSeconds" } },
    )
    .get(
      "/stores/:id",
      ({ params, principal }) => {
        requireScope(principal, ["reports:read", storeScope(params.id)], `reading store ${params.id}`);
        return registry.get(params.id);
      },
      { params: storeParamsSchema },
    )
    .get(
      "/stores/:id/dead-letters",
      ({ params, query, principal }) => {
        requireScope(
          principal,
          ["reports:read", storeScope(params.id)],
          `reading the dead letters of ${params.id}`,
        );
        return { storeId: params.id, deadLetters: deadLettersOf(ctx.db, params.id, query.limit) };
      },
      {
        params: storeParamsSchema,
        query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        detail: { summary: "Messages from a store that head office refused, with the reason, newest first" },
      },
    )
    .get(
      "/stores/:id/events",
      ({ params, query, principal }) => {
        requireScope(
          principal,
          ["reports:read", storeScope(params.id)],
          `reading the journal of ${params.id}`,
        );
        return storeEventsAfter(ctx.db, params.id, query.after, query.limit);
      },
      {
        params: storeParamsSchema,
        query: storeEventsQuerySchema,
        detail: {
          summary:
            "The store's events head office applied after a sequence number, in order, exactly as journaled (payload text and hashes): what a store that lost its disk recovers from",
        },
      },
    )
    .put(
      "/stores/:id/divergence",
      ({ params, body, principal }) => {
        requireScope(principal, [storeScope(params.id)], `reporting the journal of ${params.id}`);
        saveReportedDivergence(ctx.db, params.id, body.diverged);
        if (body.diverged) ctx.log(`hq: store ${params.id} diverged: ${body.diverged.message}`);
        return { storeId: params.id, diverged: body.diverged };
      },
      {
        params: storeParamsSchema,
        body: divergenceReportSchema,
        detail: {
          summary:
            "A store reports that its journal is behind or forked from head office's copy (or, with null, that it matches again)",
        },
      },
    )
    .get(
      "/stores/:id/settings",
      ({ params, principal }) => {
        requireScope(
          principal,
          ["reports:read", storeScope(params.id)],
          `reading the settings of ${params.id}`,
        );
        return { storeId: params.id, settings: registry.settings(params.id) };
      },
      { params: storeParamsSchema },
    );
  return new Elysia({ name: "ringup.hq.stores" }).use(admin).use(read);
}
