/** Users and roles (admin only): made and changed here, pushed to the stores they work at. */
import { Elysia } from "elysia";
import { userIdParamsSchema, userInputSchema, userUpdateSchema } from "../../api/hq/users.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { UsersService } from "./service.ts";

export function usersRoutes(ctx: HqContext) {
  const users = new UsersService(ctx);
  return new Elysia({ name: "ringup.hq.users" })
    .use(authorize(ctx, ["admin"], "managing users"))
    .get("/users", () => ({ users: users.list() }), { detail: { summary: "Every user and role" } })
    .get("/users/pin-conflicts", () => ({ conflicts: users.pinConflicts() }), {
      detail: {
        summary:
          "Users whose PIN a store refused because one of its own users has it (found at a log-in there)",
      },
    })
    .post(
      "/users",
      async ({ body, set }) => {
        const user = await users.create(body);
        set.status = 201;
        return user;
      },
      {
        body: userInputSchema,
        detail: {
          summary: "Add a user with a role and PIN, pushed to their stores (every store by default)",
        },
      },
    )
    .put("/users/:id", ({ params, body }) => users.update(params.id, body), {
      params: userIdParamsSchema,
      body: userUpdateSchema,
      detail: { summary: "Change a user's name, role, PIN, stores or active flag" },
    });
}
