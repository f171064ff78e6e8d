/**
 * `GET /settings`: the chain's settings, read-only, for clients that price or check catalog
 * rows the way a store would (the admin CLI's import). Any catalog or reports reader may ask.
 */
import { Elysia } from "elysia";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { chainSettings } from "./service.ts";

export function settingsRoutes(ctx: HqContext) {
  return new Elysia({ name: "ringup.hq.settings" })
    .use(authorize(ctx, ["catalog:write", "reports:read", "store:*"], "reading the chain's settings"))
    .get("/settings", () => chainSettings(ctx), {
      detail: {
        summary:
          "The chain's currency, locale, tax classes and price ceiling, as the registered stores' settings give them",
      },
    });
}
