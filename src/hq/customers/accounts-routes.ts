/**
 * Cards and the account server at head office. Cards are issued, blocked and replaced with
 * `customers:write` or a store's token (tills issue cards on the spot); bulk issue, the loyalty
 * programme, adjustments and expiry need `customers:write`. A store authorises, commits and
 * releases redemptions and records earnings for its own store id only.
 */
import { Elysia } from "elysia";
import {
  adjustmentInputSchema,
  bulkCardsInputSchema,
  cardInputSchema,
  cardParamsSchema,
  earnInputSchema,
  loyaltyProgramSchema,
  redemptionInputSchema,
  redemptionParamsSchema,
  replaceInputSchema,
} from "../../api/hq/accounts.ts";
import { cardRefundInputSchema } from "../../api/hq/card-refunds.ts";
import { customerReportQuerySchema } from "../../api/hq/customers.ts";
import { earningReversalInputSchema } from "../../api/hq/earning-reversals.ts";
import { giftCardLoadInputSchema } from "../../api/hq/gift-card-loads.ts";
import { offlineRedemptionInputSchema, offlineReportQuerySchema } from "../../api/hq/offline-redemptions.ts";
import { reportQuerySchema } from "../../api/hq/reports.ts";
import { authorize } from "../auth/plugin.ts";
import { storeScope } from "../auth/scopes.ts";
import { requireScope } from "../auth/tokens.ts";
import type { HqContext } from "../context.ts";
import { AccountsService } from "./accounts.ts";
import { CustomerAnalytics } from "./analytics.ts";
import { refundToCard } from "./card-refunds.ts";
import { CardsService } from "./cards.ts";
import { reverseEarning } from "./earning-reversals.ts";
import { loadGiftCard } from "./gift-card-loads.ts";
import { houseAccountsRoutes } from "./house-accounts-routes.ts";
import { membersRoutes } from "./members-routes.ts";
import { OfflineRedemptionsService } from "./offline-redemptions.ts";

export function accountsRoutes(ctx: HqContext) {
  const cards = new CardsService(ctx);
  const accounts = new AccountsService(ctx);
  const offline = new OfflineRedemptionsService(ctx);
  const manage = new Elysia()
    .use(authorize(ctx, ["customers:write"], "managing the loyalty programme and accounts"))
    .put("/loyalty", ({ body }) => accounts.setProgram(body), {
      body: loyaltyProgramSchema,
      detail: {
        summary:
          "Set the loyalty programme: earning, a point's value, minimum redemption, expiry, group multipliers",
      },
    })
    .post(
      "/cards/bulk",
      ({ body, set }) => {
        set.status = 201;
        return cards.bulk(body);
      },
      {
        body: bulkCardsInputSchema,
        detail: { summary: "Issue many cards with Luhn or EAN-13 check digits" },
      },
    )
    .post("/accounts/adjustments", ({ body }) => accounts.adjust(body), {
      body: adjustmentInputSchema,
      detail: { summary: "Add or take off points or money by hand, once per key, with a reason" },
    })
    .post("/accounts/expire", () => accounts.expire(), {
      detail: { summary: "Take expired points off every card now (the daily job does it too)" },
    });
  const store = new Elysia()
    .use(authorize(ctx, ["customers:write", "store:*"], "using cards and accounts"))
    .post(
      "/cards",
      ({ body, set, principal }) => {
        if (body.storeId)
          requireScope(
            principal,
            ["customers:write", storeScope(body.storeId)],
            `issuing a card for ${body.storeId}`,
          );
        set.status = 201;
        return cards.issue(body);
      },
      { body: cardInputSchema, detail: { summary: "Issue a card (a card issued twice: 409)" } },
    )
    .post("/cards/:number/block", ({ params }) => cards.block(params.number), {
      params: cardParamsSchema,
      detail: { summary: "Block a lost or stolen card: it no longer earns or redeems" },
    })
    .post("/cards/:number/replace", ({ params, body }) => cards.replace(params.number, body.newNumber), {
      params: cardParamsSchema,
      body: replaceInputSchema,
      detail: { summary: "Replace a card: balance and history move to the new one, the old one is blocked" },
    })
    .post(
      "/accounts/earnings",
      ({ body, principal }) => {
        requireScope(
          principal,
          ["customers:write", storeScope(body.storeId)],
          `recording earnings for ${body.storeId}`,
        );
        return accounts.earn(body);
      },
      { body: earnInputSchema, detail: { summary: "Points for a sale, once per sale id" } },
    )
    .post(
      "/accounts/redemptions",
      ({ body, principal, set }) => {
        requireScope(
          principal,
          ["customers:write", storeScope(body.storeId)],
          `redeeming for ${body.storeId}`,
        );
        set.status = 201;
        return accounts.authorise(body);
      },
      {
        body: redemptionInputSchema,
        detail: { summary: "Authorise a redemption (points or money): held until committed or released" },
      },
    )
    .post(
      "/accounts/earning-reversals",
      ({ body, principal }) => {
        requireScope(
          principal,
          ["customers:write", storeScope(body.storeId)],
          `taking back points for ${body.storeId}`,
        );
        return reverseEarning(ctx, body);
      },
      {
        body: earningReversalInputSchema,
        detail: { summary: "Take back a return's share of the points its sale earned (once per return)" },
      },
    )
    .post(
      "/accounts/refunds",
      ({ body, principal }) => {
        requireScope(
          principal,
          ["customers:write", storeScope(body.storeId)],
          `refunding for ${body.storeId}`,
        );
        return refundToCard(ctx, body);
      },
      {
        body: cardRefundInputSchema,
        detail: { summary: "Credit a return's refund back to the card it was paid from (once per id)" },
      },
    )
    .post(
      "/accounts/gift-card-loads",
      ({ body, principal }) => {
        requireScope(
          principal,
          ["customers:write", storeScope(body.storeId)],
          `loading gift cards for ${body.storeId}`,
        );
        return loadGiftCard(ctx, body);
      },
      {
        body: giftCardLoadInputSchema,
        detail: { summary: "Load the money a sale's gift card line put on the card (once per line)" },
      },
    )
    .post(
      "/accounts/offline-redemptions",
      ({ body, principal }) => {
        requireScope(
          principal,
          ["customers:write", storeScope(body.storeId)],
          `reconciling offline redemptions of ${body.storeId}`,
        );
        return offline.apply(body);
      },
      {
        body: offlineRedemptionInputSchema,
        detail: {
          summary:
            "A redemption a store took offline: debits what the card has, reports the rest as an overdraft (once per id)",
        },
      },
    )
    .post(
      "/accounts/redemptions/:id/commit",
      ({ params, principal }) => {
        const storeId = accounts.storeOf(params.id);
        requireScope(
          principal,
          ["customers:write", storeScope(storeId)],
          `committing a redemption of ${storeId}`,
        );
        return accounts.commit(params.id);
      },
      {
        params: redemptionParamsSchema,
        detail: { summary: "Debit what a redemption holds (once), by the store it was authorised for" },
      },
    )
    .post(
      "/accounts/redemptions/:id/release",
      ({ params, principal }) => {
        const storeId = accounts.storeOf(params.id);
        requireScope(
          principal,
          ["customers:write", storeScope(storeId)],
          `releasing a redemption of ${storeId}`,
        );
        return accounts.release(params.id);
      },
      {
        params: redemptionParamsSchema,
        detail: { summary: "Free what a redemption holds (the sale was not completed), by its store" },
      },
    );
  const read = new Elysia()
    .use(authorize(ctx, ["customers:write", "reports:read", "store:*"], "reading cards"))
    .get("/cards/:number", ({ params }) => cards.get(params.number), {
      params: cardParamsSchema,
      detail: { summary: "A card: kind, customer, blocked, points and money balances, what is held" },
    })
    .get("/cards/:number/ledger", ({ params }) => cards.ledger(params.number), {
      params: cardParamsSchema,
      detail: { summary: "The card's ledger with that of the cards it replaced, oldest first" },
    })
    .get("/loyalty", () => accounts.getProgram(), { detail: { summary: "The loyalty programme" } });
  const analytics = new CustomerAnalytics(ctx);
  const reports = new Elysia()
    .use(authorize(ctx, ["reports:read", "customers:write"], "reading customer reports"))
    .get("/reports/customers", ({ query }) => analytics.customers(query), {
      query: customerReportQuerySchema,
      detail: {
        summary:
          "Per customer: visits, spend, average basket, recency, frequency and lifetime value; top customers first",
      },
    })
    .get("/reports/customer-groups", ({ query }) => analytics.groups(query), {
      query: reportQuerySchema,
      detail: { summary: "Per customer group: members, active members, visits and spend over the range" },
    })
    .get("/reports/offline-redemptions", ({ query }) => offline.report(query), {
      query: offlineReportQuerySchema,
      detail: {
        summary: "Redemptions stores took offline, with the overdrafts of concurrent offline spending",
      },
    })
    .get("/reports/points-liability", () => analytics.liability(), {
      detail: {
        summary: "Points and money outstanding on cards, what the points are worth, and what is held",
      },
    });
  return new Elysia({ name: "ringup.hq.accounts" })
    .use(manage)
    .use(store)
    .use(read)
    .use(reports)
    .use(houseAccountsRoutes(ctx))
    .use(membersRoutes(ctx));
}
