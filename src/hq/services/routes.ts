/**
 * `POST /services`, `GET /services`, `POST /commission-rules` and `GET /commission-rules`: the
 * chain's services and staff commission rules, defined at head office and replicated to every
 * store (where head office's definition wins over a store's own for the same code or id).
 */
import { Elysia } from "elysia";
import {
  hqCommissionRuleInputSchema,
  hqCommissionRulesQuerySchema,
  hqServiceInputSchema,
} from "../../api/hq/services.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { HqServicesService } from "./service.ts";

export function servicesRoutes(ctx: HqContext) {
  const definitions = new HqServicesService(ctx);
  const write = new Elysia()
    .use(authorize(ctx, ["catalog:write"], "defining services and commission rules"))
    .post(
      "/services",
      ({ body, set }) => {
        const { service, created } = definitions.defineService(body);
        set.status = created ? 201 : 200;
        return service;
      },
      {
        body: hqServiceInputSchema,
        detail: {
          summary:
            "Make a product a service (duration, staff) or a package of visits of one, for every store (upsert by code)",
        },
      },
    )
    .post(
      "/commission-rules",
      ({ body, set }) => {
        const { rule, created } = definitions.defineRule(body);
        set.status = created ? 201 : 200;
        return rule;
      },
      {
        body: hqCommissionRuleInputSchema,
        detail: {
          summary:
            "Define a staff commission rule for every store (percent or fixed, by service or category; upsert by id; active: false ends it)",
        },
      },
    );
  const read = new Elysia()
    .use(authorize(ctx, ["catalog:write", "reports:read", "store:*"], "reading services"))
    .get("/services", () => ({ services: definitions.services() }), {
      detail: { summary: "The chain's services and packages" },
    })
    .get("/commission-rules", ({ query }) => ({ rules: definitions.rules(query.all === "true") }), {
      query: hqCommissionRulesQuerySchema,
      detail: { summary: "The chain's commission rules in force; all=true lists ended ones too" },
    });
  return new Elysia({ name: "ringup.hq.services" }).use(write).use(read);
}
