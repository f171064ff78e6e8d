/**
 * Customers, questionnaire fields and customer groups at head office. Managed with
 * `customers:write` (or a store's token: stores and tills create and change customers too);
 * read also with `reports:read`. Export and erase (privacy requests) need `customers:write`.
 */
import { Elysia } from "elysia";
import {
  bulkCustomersSchema,
  customerInputSchema,
  customerParamsSchema,
  customerPatchSchema,
  customersQuerySchema,
  fieldInputSchema,
  groupInputSchema,
  mergeInputSchema,
} from "../../api/hq/customers.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { importCustomers } from "./bulk.ts";
import { createField, listFields } from "./fields.ts";
import { GroupsService } from "./groups.ts";
import { CustomersService } from "./service.ts";

export function customersRoutes(ctx: HqContext) {
  const customers = new CustomersService(ctx);
  const groups = new GroupsService(ctx, customers);
  const privacy = new Elysia()
    .use(authorize(ctx, ["customers:write"], "a customer's privacy request"))
    .get("/customers/:id/export", ({ params }) => customers.exportData(params.id), {
      params: customerParamsSchema,
      detail: { summary: "Everything head office holds about a customer: profile, cards, ledger, sales" },
    })
    .post("/customers/:id/erase", ({ params }) => customers.erase(params.id), {
      params: customerParamsSchema,
      detail: {
        summary:
          "Erase a customer's personal data; sales and card balances stay, anonymised; stores forget them",
      },
    })
    .post("/customers/bulk", ({ body }) => importCustomers(ctx, customers, body.customers), {
      body: bulkCustomersSchema,
      detail: {
        summary:
          "Import customers (upsert by id): created, updated, unchanged, and each bad row with its line",
      },
    })
    .post(
      "/customer-fields",
      ({ body, set }) => {
        set.status = 201;
        return createField(ctx.db, body, ctx.now());
      },
      { body: fieldInputSchema, detail: { summary: "Define a questionnaire field customers answer" } },
    )
    .post(
      "/customer-groups",
      ({ body, set }) => {
        const { group, created } = groups.upsert(body);
        set.status = created ? 201 : 200;
        return group;
      },
      {
        body: groupInputSchema,
        detail: {
          summary: "Create or replace a customer group: its discount, and a rule that makes members",
        },
      },
    )
    .post("/customer-groups/refresh", () => groups.refresh(), {
      detail: { summary: "Apply every group's rule to every customer again (spend changes with sales)" },
    });
  const write = new Elysia()
    .use(authorize(ctx, ["customers:write", "store:*"], "changing customers"))
    .post(
      "/customers",
      ({ body, set }) => {
        set.status = 201;
        return customers.create(body);
      },
      {
        body: customerInputSchema,
        detail: { summary: "Create a customer (id optional: a UUIDv7 is given)" },
      },
    )
    .patch("/customers/:id", ({ params, body }) => customers.patch(params.id, body), {
      params: customerParamsSchema,
      body: customerPatchSchema,
      detail: { summary: "Change the fields given; answers merge (null clears one)" },
    })
    .post("/customers/:id/merge", ({ params, body }) => customers.merge(params.id, body.into), {
      params: customerParamsSchema,
      body: mergeInputSchema,
      detail: { summary: "Merge a customer into another: cards, groups and missing details move" },
    });
  const read = new Elysia()
    .use(authorize(ctx, ["customers:write", "reports:read", "store:*"], "reading customers"))
    .get("/customers", ({ query }) => customers.search(query), {
      query: customersQuerySchema,
      detail: { summary: "Search customers by name (part), phone, e-mail or card, a page at a time" },
    })
    .get("/customers/:id", ({ params }) => customers.get(params.id), {
      params: customerParamsSchema,
      detail: { summary: "One customer (a merged one answers with mergedInto)" },
    })
    .get("/customer-fields", () => ({ fields: listFields(ctx.db) }), {
      detail: { summary: "The questionnaire fields" },
    })
    .get("/customer-groups", () => ({ groups: groups.list() }), {
      detail: { summary: "Customer groups with their discount, rule and member count" },
    });
  return new Elysia({ name: "ringup.hq.customers" }).use(privacy).use(write).use(read);
}
