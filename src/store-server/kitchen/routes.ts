/** The kitchen's routes: rounds in, tickets out to the kitchen displays, a round's status back. */
import { Elysia } from "elysia";
import {
  kitchenRoundParamsSchema,
  kitchenRoundSchema,
  kitchenTicketParamsSchema,
  kitchenTicketsQuerySchema,
} from "../../api/store/kitchen.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { enqueueKitchenRound, fireKitchenRound, type KitchenActor, roundStatus } from "./rounds.ts";
import { KitchenTickets } from "./tickets.ts";

function actor(principal: Principal): KitchenActor {
  return { userId: principal.userId, tillId: principal.tillId };
}

export function kitchenRoutes(ctx: StoreContext, tickets = new KitchenTickets(ctx)) {
  return new Elysia({ name: "ringup.store.kitchen" })
    .use(requireAuth(ctx))
    .post(
      "/kitchen/rounds",
      ({ body, principal, set }) => {
        const { status, created } = ctx.db.transaction((tx) =>
          enqueueKitchenRound(ctx, tx, body, ctx.now(), actor(principal)),
        );
        set.status = created ? 201 : 200;
        return status;
      },
      {
        body: kitchenRoundSchema,
        detail: {
          summary:
            "Send a round to the kitchen: one ticket per station, printed where the station has a printer (the same round again changes nothing)",
        },
      },
    )
    .get("/kitchen/rounds/:id", ({ params }) => roundStatus(ctx.db, params.id), {
      params: kitchenRoundParamsSchema,
      detail: { summary: "A round's tickets station by station, and whether each is done" },
    })
    .post(
      "/kitchen/rounds/:id/fire",
      ({ params, principal }) =>
        ctx.db.transaction((tx) => fireKitchenRound(ctx, tx, params.id, ctx.now(), actor(principal))),
      {
        params: kitchenRoundParamsSchema,
        detail: { summary: "Fire a held course: the kitchen starts it and its tickets print" },
      },
    )
    .get(
      "/kitchen/tickets",
      // async: Elysia catches what an async handler throws (a plain one's promise escapes it).
      async ({ query, request }) =>
        tickets.listWaiting(query.station, query.since, query.wait, request.signal),
      {
        query: kitchenTicketsQuerySchema,
        detail: {
          summary:
            "A station's tickets changed after a change number (kitchen display); with `wait`, answered as soon as there is one",
        },
      },
    )
    .post(
      "/kitchen/tickets/:id/start",
      ({ params, principal }) => tickets.start(params.id, actor(principal)),
      {
        params: kitchenTicketParamsSchema,
        detail: { summary: "The kitchen started a ticket (new → in progress)" },
      },
    )
    .post("/kitchen/tickets/:id/bump", ({ params, principal }) => tickets.bump(params.id, actor(principal)), {
      params: kitchenTicketParamsSchema,
      detail: { summary: "The kitchen finished a ticket (bumped off the screen)" },
    })
    .post(
      "/kitchen/tickets/:id/recall",
      ({ params, principal }) => tickets.recall(params.id, actor(principal)),
      {
        params: kitchenTicketParamsSchema,
        detail: { summary: "Bring a bumped ticket back on the kitchen's screen" },
      },
    );
}
