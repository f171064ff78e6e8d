/** `ringup admin user list|disable|pin-reset`: the store's users from the command line. */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

export const userIdArgsSchema = z.object({
  id: z.string().trim().min(1, "give the user's id (see user list)").max(64),
});
export const pinResetArgsSchema = userIdArgsSchema.extend({
  pin: z.string().regex(/^\d{4,8}$/, "must be 4 to 8 digits"),
});

export async function runUserList(client: AdminClient, all: boolean, json: boolean, io: CliIo) {
  const { users } = await client.request(storeRoutes["GET /api/v1/users"], {
    query: { includeInactive: all },
  });
  if (json) {
    io.out(JSON.stringify({ users }, null, 2));
    return;
  }
  if (users.length === 0) {
    io.out("no users");
    return;
  }
  const width = Math.max(...users.map((u) => u.name.length), 4);
  io.out(`${"id".padEnd(38)}${"name".padEnd(width + 2)}${"role".padEnd(12)}status`);
  for (const u of users) {
    io.out(
      `${u.id.padEnd(38)}${u.name.padEnd(width + 2)}${u.role.padEnd(12)}${u.active ? "active" : "disabled"}`,
    );
  }
}

export async function runUserDisable(client: AdminClient, id: string, json: boolean, io: CliIo) {
  const user = await client.request(storeRoutes["PATCH /api/v1/users/:id"], {
    params: { id },
    body: { active: false },
  });
  io.out(
    json
      ? JSON.stringify(user, null, 2)
      : `disabled ${user.role} ${user.name} (id ${user.id}): they can no longer log in`,
  );
}

export const setDiscountArgsSchema = userIdArgsSchema.extend({
  percent: z
    .string()
    .trim()
    .regex(
      /^(?:none|100(?:\.0{1,2})?|\d{1,2}(?:\.\d{1,2})?)$/,
      'must be a percent such as 10 or 12.5, or "none"',
    ),
});

/** `ringup admin user set-discount ID --percent P|none`: the user's staff discount. */
export async function runUserSetDiscount(
  client: AdminClient,
  args: z.infer<typeof setDiscountArgsSchema>,
  json: boolean,
  io: CliIo,
) {
  const percent = args.percent === "none" ? null : args.percent;
  const user = await client.request(storeRoutes["PATCH /api/v1/users/:id"], {
    params: { id: args.id },
    body: { staffDiscountPercent: percent },
  });
  io.out(
    json
      ? JSON.stringify(user, null, 2)
      : percent === null
        ? `${user.name} (id ${user.id}) has no staff discount now`
        : `${user.name} (id ${user.id}) has a staff discount of ${percent}%`,
  );
}

export async function runUserPinReset(
  client: AdminClient,
  args: z.infer<typeof pinResetArgsSchema>,
  json: boolean,
  io: CliIo,
) {
  const user = await client.request(storeRoutes["PATCH /api/v1/users/:id"], {
    params: { id: args.id },
    body: { pin: args.pin },
  });
  if (!user.active) throw new AdminError(`the PIN of ${user.name} was reset, but the user is disabled`);
  io.out(json ? JSON.stringify(user, null, 2) : `reset the PIN of ${user.role} ${user.name} (id ${user.id})`);
}
