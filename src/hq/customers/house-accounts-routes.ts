/**
 * House charge accounts at head office: `customers:write` sets a customer's credit limit; it or
 * a store records payments on account; they and `reports:read` read the account and statements.
 */
import { Elysia } from "elysia";
import { customerParamsSchema } from "../../api/hq/customers.ts";
import {
  accountPaymentInputSchema,
  creditLimitInputSchema,
  statementQuerySchema,
} from "../../api/hq/house-accounts.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { HouseAccountsService } from "./house-accounts.ts";

export function houseAccountsRoutes(ctx: HqContext) {
  const accounts = new HouseAccountsService(ctx);
  const manage = new Elysia()
    .use(authorize(ctx, ["customers:write"], "setting credit limits"))
    .put(
      "/customers/:id/account",
      ({ params, body }) => accounts.setLimit(params.id, body.creditLimitMinor),
      {
        params: customerParamsSchema,
        body: creditLimitInputSchema,
        detail: {
          summary: "Open a customer's house account or change its credit limit (never below what is owed)",
        },
      },
    );
  const pay = new Elysia()
    .use(authorize(ctx, ["customers:write", "store:*"], "taking payments on account"))
    .post(
      "/customers/:id/account/payments",
      ({ params, body, set }) => {
        set.status = 201;
        return accounts.pay(params.id, body);
      },
      {
        params: customerParamsSchema,
        body: accountPaymentInputSchema,
        detail: { summary: "A payment on a house account (once per id, never more than is owed)" },
      },
    );
  const read = new Elysia()
    .use(authorize(ctx, ["customers:write", "reports:read", "store:*"], "reading house accounts"))
    .get("/customers/:id/account", ({ params }) => accounts.get(params.id), {
      params: customerParamsSchema,
      detail: { summary: "A customer's house account: credit limit, what is owed, held and available" },
    })
    .get("/customers/:id/account/statement", ({ params, query }) => accounts.statement(params.id, query), {
      params: customerParamsSchema,
      query: statementQuerySchema,
      detail: { summary: "Charges, refunds and payments on a house account, with opening and closing owed" },
    });
  return new Elysia({ name: "ringup.hq.house-accounts" }).use(manage).use(pay).use(read);
}
