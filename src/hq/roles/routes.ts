/** `GET /roles`, `POST /roles`, `DELETE /roles/:id` (admin only): roles with named permissions. */
import { Elysia } from "elysia";
import { roleIdParamsSchema, roleInputSchema } from "../../api/hq/roles.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { HqRolesService } from "./service.ts";

export function rolesRoutes(ctx: HqContext) {
  const roles = new HqRolesService(ctx);
  return new Elysia({ name: "ringup.hq.roles" })
    .use(authorize(ctx, ["admin"], "managing roles"))
    .get("/roles", () => ({ roles: roles.list() }), {
      detail: { summary: "Every role: the four built-in ones and the chain's own, with their permissions" },
    })
    .post(
      "/roles",
      ({ body, set }) => {
        const { role, created } = roles.define(body);
        set.status = created ? 201 : 200;
        return role;
      },
      {
        body: roleInputSchema,
        detail: {
          summary: "Define a role with named permissions (upsert by id), replicated to every store and till",
        },
      },
    )
    .delete("/roles/:id", ({ params }) => roles.delete(params.id), {
      params: roleIdParamsSchema,
      detail: { summary: "Delete a custom role no user has (409 ROLE_IN_USE otherwise)" },
    });
}
