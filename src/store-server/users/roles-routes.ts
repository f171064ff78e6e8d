/** `GET /roles`: the roles in force at this store, for tills (which keep them for offline use). */
import { Elysia } from "elysia";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { listRoles } from "./rights.ts";

export function rolesRoutes(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.roles" })
    .use(requireAuth(ctx))
    .get("/roles", () => ({ roles: listRoles(ctx.db) }), {
      detail: { summary: "Every role in force: the built-in ones and head office's, with their permissions" },
    });
}
