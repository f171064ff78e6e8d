/**
 * Store templates: made once (or from an existing store), listed, and a new store opened from
 * one with its credentials (shown once). Admin only: a template gives users access to stores.
 */
import { Elysia } from "elysia";
import {
  storeFromTemplateInputSchema,
  storeTemplateInputSchema,
  storeTemplateParamsSchema,
  templateFromStoreInputSchema,
} from "../../api/hq/store-templates.ts";
import { storeParamsSchema } from "../../api/hq/stores.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { StoreTemplatesService } from "./service.ts";

export function storeTemplatesRoutes(ctx: HqContext) {
  const templates = new StoreTemplatesService(ctx);
  return new Elysia({ name: "ringup.hq.store-templates" })
    .use(authorize(ctx, ["admin"], "managing store templates"))
    .post(
      "/store-templates",
      ({ body, set }) => {
        set.status = 201;
        return templates.create(body);
      },
      {
        body: storeTemplateInputSchema,
        detail: {
          summary:
            "Make a store template: settings (checked as PUT /stores/:id/settings checks them), tax classes, departments, a price list, users given access, devices",
        },
      },
    )
    .get("/store-templates", () => ({ templates: templates.list() }), {
      detail: { summary: "Every store template, by id" },
    })
    .get("/store-templates/:id", ({ params }) => templates.get(params.id), {
      params: storeTemplateParamsSchema,
      detail: { summary: "One store template" },
    })
    .post(
      "/store-templates/from-store/:id",
      ({ params, body, set }) => {
        set.status = 201;
        return templates.fromStore(params.id, body.id, body.name);
      },
      {
        params: storeParamsSchema,
        body: templateFromStoreInputSchema,
        detail: {
          summary:
            "Make a template of an existing store: its settings, its own prices (when a store is opened) and the users who work there",
        },
      },
    )
    .post(
      "/store-templates/:id/stores",
      async ({ params, body, set }) => {
        set.status = 201;
        return await templates.openStore(params.id, body);
      },
      {
        params: storeTemplateParamsSchema,
        body: storeFromTemplateInputSchema,
        detail: {
          summary:
            "Open a store from a template: registered as POST /stores does (credentials shown once), with the template's settings, prices and users",
        },
      },
    );
}
