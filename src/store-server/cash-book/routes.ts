import { Elysia } from "elysia";
import { cashBookQuerySchema, correctionSchema, expenseSchema } from "../../api/store/cash-book.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { cashBookReport } from "./report.ts";
import { CashBookService } from "./service.ts";

/** The cash book: expenses and corrections against a till's open register session, and its report. */
export function cashBookRoutes(ctx: StoreContext, service = new CashBookService(ctx)) {
  return new Elysia({ name: "ringup.store.cash-book" })
    .use(requireAuth(ctx))
    .post(
      "/cash/expenses",
      ({ body, principal, set }) => {
        set.status = 201;
        return service.expense(body, principal);
      },
      {
        body: expenseSchema,
        detail: {
          summary:
            "Pay an expense from the drawer of a till's open register session, by category, with a note or a receipt photo reference",
        },
      },
    )
    .post(
      "/cash/corrections",
      ({ body, principal, set }) => {
        set.status = 201;
        return service.correct(body, principal);
      },
      {
        body: correctionSchema,
        detail: {
          summary:
            "Correct a cash error: a new journaled entry naming the expense, hand-in or cash movement it corrects",
        },
      },
    )
    .get("/reports/cash-book", ({ query }) => cashBookReport(ctx, query), {
      query: cashBookQuerySchema,
      detail: {
        summary:
          "The cash book per cashier and per register: tenders, cash in and out, expenses, corrections",
      },
    });
}
