/**
 * `GET /cards/:number` and `GET /customers` at the store: a scanned card and a customer search,
 * answered from the store's copy of head office's customers (so they work while head office is
 * out of reach). Any token of the store (a till's, a manager's) may read them, and create a
 * customer (`POST /customers`, see till-customers.ts).
 */
import { Elysia } from "elysia";
import { storeCardParamsSchema, storeCustomersQuerySchema } from "../../api/store/customers.ts";
import { tillCustomerInputSchema } from "../../api/store/till-customers.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { StoreCustomersService } from "./service.ts";
import { TillCustomersService } from "./till-customers.ts";

export function customersRoutes(ctx: StoreContext) {
  const customers = new StoreCustomersService(ctx);
  const created = new TillCustomersService(ctx);
  return new Elysia({ name: "ringup.store.customers" })
    .use(requireAuth(ctx))
    .get("/cards/:number", ({ params }) => customers.card(params.number), {
      params: storeCardParamsSchema,
      detail: { summary: "A card as head office last sent it: customer, groups with discounts, balances" },
    })
    .get("/customers", ({ query }) => customers.search(query), {
      query: storeCustomersQuerySchema,
      detail: { summary: "Search customers by name (part), phone, e-mail or card, from the store's copy" },
    })
    .post(
      "/customers",
      async ({ body, principal, set }) => {
        set.status = 201;
        return created.create(body, principal.tillId);
      },
      {
        body: tillCustomerInputSchema,
        detail: {
          summary:
            "A customer created at a till (and their loyalty card): kept here at once, sent to head office (queued while it is out of reach); the same id again is the same customer",
        },
      },
    );
}
