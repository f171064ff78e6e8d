/**
 * Co-op members at head office: `customers:write` makes a customer a member (number, since,
 * equity due); it or a store records equity payments; they and `reports:read` read a membership
 * and the equity report.
 */
import { Elysia } from "elysia";
import { customerParamsSchema } from "../../api/hq/customers.ts";
import { equityPaymentInputSchema, memberInputSchema } from "../../api/hq/members.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { MembersService } from "./members.ts";

export function membersRoutes(ctx: HqContext) {
  const members = new MembersService(ctx);
  const manage = new Elysia()
    .use(authorize(ctx, ["customers:write"], "managing co-op members"))
    .put("/customers/:id/member", ({ params, body }) => members.set(params.id, body), {
      params: customerParamsSchema,
      body: memberInputSchema,
      detail: {
        summary: "Make a customer a co-op member (owner), or change their number, date or equity due",
      },
    });
  const pay = new Elysia()
    .use(authorize(ctx, ["customers:write", "store:*"], "recording equity payments"))
    .post(
      "/customers/:id/equity/payments",
      ({ params, body, set }) => {
        set.status = 201;
        return members.pay(params.id, body);
      },
      {
        params: customerParamsSchema,
        body: equityPaymentInputSchema,
        detail: {
          summary: "An equity payment against a member (once per id, never beyond what is outstanding)",
        },
      },
    );
  const read = new Elysia()
    .use(authorize(ctx, ["customers:write", "reports:read", "store:*"], "reading co-op members"))
    .get("/customers/:id/member", ({ params }) => members.get(params.id), {
      params: customerParamsSchema,
      detail: { summary: "A customer's membership: number, since, equity due, paid and outstanding" },
    });
  const report = new Elysia()
    .use(authorize(ctx, ["reports:read", "customers:write"], "reading the equity report"))
    .get("/reports/equity", () => members.report(), {
      detail: { summary: "Per member: equity due, paid and outstanding, with the totals" },
    });
  return new Elysia({ name: "ringup.hq.members" }).use(manage).use(pay).use(read).use(report);
}
