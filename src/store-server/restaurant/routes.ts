import { Elysia } from "elysia";
import {
  addLinesInputSchema,
  checkParamsSchema,
  fireCourseInputSchema,
  mergeInputSchema,
  openOrderInputSchema,
  orderIdParamsSchema,
  payCheckInputSchema,
  sendRoundInputSchema,
  splitInputSchema,
  tablesInputSchema,
  transferInputSchema,
} from "../../api/store/restaurant.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { SalesService } from "../sales/service.ts";
import { bill, pay, split } from "./checks.ts";
import { listTables, saveTables } from "./floor.ts";
import { sendRound } from "./kitchen.ts";
import { orderAnswer } from "./model.ts";
import { addLines, merge, openOrder, transfer } from "./orders.ts";

/** The restaurant mode's routes (docs/restaurant.md). */
export function restaurantRoutes(ctx: StoreContext, sales = new SalesService(ctx)) {
  return new Elysia({ name: "ringup.store.restaurant" })
    .use(requireAuth(ctx))
    .post("/tables", ({ body, principal }) => ({ tables: saveTables(ctx, body, principal) }), {
      body: tablesInputSchema,
      detail: { summary: "Make or change tables of the floor (areas, names, seats)" },
    })
    .get("/tables", () => ({ tables: listTables(ctx) }), {
      detail: { summary: "The floor: every table with its status (free, ordered, bill printed, paid)" },
    })
    .post(
      "/table-orders",
      ({ body, principal, set }) => {
        set.status = 201;
        return openOrder(ctx, body, principal);
      },
      {
        body: openOrderInputSchema,
        detail: { summary: "Open an order at a table (or a takeaway order) as the waiter logged in" },
      },
    )
    .get("/table-orders/:id", ({ params }) => orderAnswer(ctx.db, params.id), {
      params: orderIdParamsSchema,
      detail: { summary: "An order with its lines and checks" },
    })
    .post(
      "/table-orders/:id/lines",
      ({ params, body, principal }) => addLines(ctx, params.id, body, principal),
      {
        params: orderIdParamsSchema,
        body: addLinesInputSchema,
        detail: { summary: "Add lines (seat, course, modifiers, note) to an open order" },
      },
    )
    .post(
      "/table-orders/:id/rounds",
      ({ params, body, principal }) => sendRound(ctx, params.id, body.id, principal),
      {
        params: orderIdParamsSchema,
        body: sendRoundInputSchema,
        detail: { summary: "Send the order's new lines to the kitchen as a round" },
      },
    )
    .post(
      "/table-orders/:id/fire",
      ({ params, body, principal }) => sendRound(ctx, params.id, body.id, principal, body.course),
      {
        params: orderIdParamsSchema,
        body: fireCourseInputSchema,
        detail: { summary: "Fire a course: the kitchen starts its lines" },
      },
    )
    .post(
      "/table-orders/:id/transfer",
      ({ params, body, principal }) => transfer(ctx, params.id, body, principal),
      {
        params: orderIdParamsSchema,
        body: transferInputSchema,
        detail: { summary: "Move an order (or some lines) to another table, or hand it to another waiter" },
      },
    )
    .post(
      "/table-orders/:id/merge",
      ({ params, body, principal }) => merge(ctx, params.id, body.fromOrderId, principal),
      {
        params: orderIdParamsSchema,
        body: mergeInputSchema,
        detail: { summary: "Merge another table's open order into this one" },
      },
    )
    .post("/table-orders/:id/bill", ({ params, principal }) => bill(ctx, params.id, principal), {
      params: orderIdParamsSchema,
      detail: { summary: "Print the bill: one check of the lines not yet paid" },
    })
    .post(
      "/table-orders/:id/split",
      ({ params, body, principal }) => split(ctx, params.id, body, principal),
      {
        params: orderIdParamsSchema,
        body: splitInputSchema,
        detail: { summary: "Split the check by seat, by line, into N equal parts or into amounts" },
      },
    )
    .post(
      "/table-orders/:id/checks/:checkId/pay",
      ({ params, body, principal }) => pay(ctx, sales, params.id, params.checkId, body, principal),
      {
        params: checkParamsSchema,
        body: payCheckInputSchema,
        detail: { summary: "Pay a check: records it as a sale (as rung) with the tenders and the tip" },
      },
    );
}
