/**
 * The store's card operations for tills: a card tender authorised before the sale completes
 * (and released when the cashier takes it off), and a card issued or blocked at the till — the
 * store asks head office and keeps its answer in the store's copy at once, so the card scans.
 */
import { Elysia } from "elysia";
import type { CardAnswer } from "../../api/hq/accounts.ts";
import {
  cardRedemptionInputSchema,
  cardRedemptionParamsSchema,
  issueCardInputSchema,
} from "../../api/store/card-tenders.ts";
import { storeCardParamsSchema } from "../../api/store/customers.ts";
import type { StoreContext } from "../context.ts";
import { applyCardAnswer } from "../customers/apply.ts";
import { StoreCustomersService } from "../customers/service.ts";
import { HqUnreachableError } from "../hq-link/hq-link.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { SalesService } from "../sales/service.ts";
import { CardTendersService } from "./service.ts";

function linkOf(ctx: StoreContext, what: string) {
  if (!ctx.accounts) throw new HqUnreachableError(what, "this store has no link to head office (hqUrl)");
  return ctx.accounts;
}

/** Head office's answer into the store's copy, so the card scans here at once. */
function keep(ctx: StoreContext, card: CardAnswer) {
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => applyCardAnswer(tx, card, at));
  return new StoreCustomersService(ctx).card(card.number);
}

export function cardTendersRoutes(ctx: StoreContext) {
  const service = new CardTendersService(ctx, new SalesService(ctx));
  return new Elysia({ name: "ringup.store.card-tenders" })
    .use(requireAuth(ctx))
    .post(
      "/card-redemptions",
      async ({ body, set }) => {
        set.status = 201;
        return service.authoriseAhead(body);
      },
      {
        body: cardRedemptionInputSchema,
        detail: {
          summary:
            "Authorise a till's points or gift-card tender before the sale completes (held at head office, or within the offline allowance)",
        },
      },
    )
    .post("/card-redemptions/:id/release", ({ params }) => service.release(params.id), {
      params: cardRedemptionParamsSchema,
      detail: { summary: "Free a card tender whose sale was not completed" },
    })
    .post(
      "/cards",
      async ({ body, set }) => {
        const card = await linkOf(ctx, `issuing card ${body.number}`).issue({
          number: body.number,
          kind: body.kind,
          storeId: ctx.storeId,
          ...(body.customerId === undefined ? {} : { customerId: body.customerId }),
        });
        set.status = 201;
        return keep(ctx, card);
      },
      {
        body: issueCardInputSchema,
        detail: { summary: "Issue a card at the till (through head office); it scans here at once" },
      },
    )
    .post(
      "/cards/:number/block",
      async ({ params }) =>
        keep(ctx, await linkOf(ctx, `blocking card ${params.number}`).block(params.number)),
      {
        params: storeCardParamsSchema,
        detail: { summary: "Block a lost card (through head office); it is refused here at once" },
      },
    );
}
