/**
 * `ringup admin pin lockouts` and `ringup admin pin unlock`: see which tills (or the whole
 * store) refuse PINs after too many wrong ones, and lift a lock-out before it expires. Needs
 * the admin token or a manager's session token.
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

const SCOPES = ["till", "anonymous", "store", "user"] as const;
const lockoutSchema = z.object({
  scope: z.enum(SCOPES),
  tillId: z.string().nullable(),
  userId: z.string().nullable().optional(),
  failures: z.number().int(),
  lockedUntil: z.string(),
  secondsLeft: z.number().int(),
});
type Lockout = z.infer<typeof lockoutSchema>;
const unlockedSchema = z.object({ unlocked: z.array(lockoutSchema) });
const notLockedSchema = z.object({
  code: z.literal("NOT_LOCKED"),
  details: z.object({ scope: z.enum(SCOPES), tillId: z.string().nullable() }).optional(),
});

const unlockArgsSchema = z
  .object({
    till: z
      .string()
      .regex(/^[A-Za-z0-9_]{1,16}$/, "must be a till id: 1–16 letters, digits or underscores")
      .optional(),
    storeWide: z.boolean().default(false),
  })
  .refine((a) => a.till !== undefined || a.storeWide, {
    message:
      "say what to unlock: --till ID, --store-wide, or both ('ringup admin pin lockouts' lists what is locked)",
  });

function describe(lock: Lockout): string {
  switch (lock.scope) {
    case "store":
      return "PIN entry without a till token (store-wide)";
    case "anonymous":
      return `till ${lock.tillId ?? "(none)"} without its token`;
    case "user":
      return `PIN choices of user ${lock.userId ?? "(unknown)"}`;
    case "till":
      return `till ${lock.tillId ?? "(none)"}`;
  }
}

function line(lock: Lockout): string {
  return `  ${describe(lock)}: locked until ${lock.lockedUntil} (${lock.secondsLeft} s left) after ${lock.failures} wrong PINs`;
}

export async function runPinLockouts(client: AdminClient, json: boolean, io: CliIo): Promise<void> {
  const { lockouts } = await client.request(storeRoutes["GET /api/v1/pin-lockouts"]);
  if (json) {
    io.out(JSON.stringify({ lockouts }, null, 2));
    return;
  }
  if (lockouts.length === 0) {
    io.out("no PIN lock-outs: every till accepts PINs");
    return;
  }
  io.out(
    [
      "PIN lock-outs in force:",
      ...lockouts.map(line),
      "lift one with 'ringup admin pin unlock --till ID' or '--store-wide'",
    ].join("\n"),
  );
}

export async function runPinUnlock(
  client: AdminClient,
  args: Record<string, unknown>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const parsed = unlockArgsSchema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path[0] === "till" ? "--till " : "";
    throw new AdminError(`pin unlock: ${where}${issue?.message ?? "invalid arguments"}`);
  }
  const { till, storeWide } = parsed.data;
  const body: { tillId?: string; storeWide?: boolean } = {};
  if (till !== undefined) body.tillId = till;
  if (storeWide) body.storeWide = true;
  let result: z.infer<typeof unlockedSchema>;
  try {
    result = await client.request(storeRoutes["POST /api/v1/pin-lockouts/unlock"], { body });
  } catch (err) {
    const refusal = notLockedSchema.safeParse(err instanceof AdminError ? err.details : undefined);
    if (refusal.success) {
      const which = refusal.data.details;
      const what =
        which?.scope === "store"
          ? "PIN entry is not locked store-wide"
          : `till ${which?.tillId ?? till} is not locked out`;
      throw new AdminError(
        `pin unlock: ${what}, so nothing was changed (a lock-out ends by itself when its time is up)\n  run 'ringup admin pin lockouts' to see what is locked`,
      );
    }
    throw err;
  }
  if (json) {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  io.out(
    [
      ...result.unlocked.map(
        (lock) => `unlocked ${describe(lock)} (it was locked until ${lock.lockedUntil})`,
      ),
      "cashiers can log in with their PIN again",
    ].join("\n"),
  );
}
