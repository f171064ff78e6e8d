/**
 * `ringup admin till pair|list|revoke` and `ringup admin token list|revoke|rotate`: pair tills
 * with a one-time code, see and revoke them, and see and revoke the server's bearer tokens (a
 * store's or head office's) by id. Tokens themselves are never shown, except a new one once.
 */
import { z } from "zod";
import { hqRoutes } from "../api/hq/routes.ts";
import type { tokenAnswerSchema } from "../api/store/admin-answers.ts";
import { storeRoutes } from "../api/store/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

const tillId = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,16}$/, "must be a till id: 1–16 letters, digits or underscores");
export const pairArgsSchema = z.object({ till: tillId.optional() });
export const tillArgsSchema = z.object({ tillId });
export const tokenIdArgsSchema = z.object({
  id: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[0-9a-f]{6,64}$/,
      "must be a token id (6 or more hex digits, as 'ringup admin token list' shows)",
    ),
});

type TokenRow = z.infer<typeof tokenAnswerSchema>;

export async function runTillPair(
  client: AdminClient,
  args: z.infer<typeof pairArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const body = args.till === undefined ? {} : { tillId: args.till };
  const pairing = await client.request(storeRoutes["POST /api/v1/tills/pairings"], { body });
  if (json) {
    io.out(JSON.stringify(pairing, null, 2));
    return;
  }
  const forTill = pairing.tillId ?? "TILL_ID";
  io.out(
    [
      `pairing code: ${pairing.code}`,
      `  single use, for ${pairing.tillId ? `till ${pairing.tillId}` : "any one till"}, until ${pairing.expiresAt}`,
      `  at the till: ringup till --server URL --till-id ${forTill} --pair ${pairing.code}`,
      ...(pairing.certificateSha256
        ? [
            `  the store's certificate (the till prints what it pinned; they must match): SHA-256 ${pairing.certificateSha256}`,
          ]
        : []),
    ].join("\n"),
  );
}

export async function runTillList(client: AdminClient, json: boolean, io: CliIo): Promise<void> {
  const { tills } = await client.request(storeRoutes["GET /api/v1/tills"]);
  if (json) {
    io.out(JSON.stringify({ tills }, null, 2));
    return;
  }
  if (tills.length === 0) {
    io.out("no paired tills; pair one with 'ringup admin till pair --till ID'");
    return;
  }
  io.out(
    [
      "paired tills:",
      ...tills.map(
        (t) =>
          `  ${t.tillId}: paired ${t.pairedAt}, last seen ${t.lastSeenAt ?? "never"} (token ${t.tokenId})`,
      ),
    ].join("\n"),
  );
}

export async function runTillRevoke(
  client: AdminClient,
  args: z.infer<typeof tillArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const revoked = await client.request(storeRoutes["POST /api/v1/tills/:tillId/revoke"], {
    params: { tillId: args.tillId },
    body: {},
  });
  io.out(
    json
      ? JSON.stringify(revoked, null, 2)
      : `revoked till ${revoked.tillId}: ${revoked.revokedTokens} token(s) stopped working; pair it again to use it`,
  );
}

function whatToken(t: TokenRow): string {
  if (t.kind !== undefined) {
    const whose = [t.label, t.tillId ? `till ${t.tillId}` : null, t.userId ? `user ${t.userId}` : null]
      .filter((x) => x)
      .join(", ");
    return whose ? `${t.kind} (${whose})` : t.kind;
  }
  return `${t.name ?? "?"} [${(t.scopes ?? []).join(" ")}]`;
}

export async function runTokenList(
  client: AdminClient,
  all: boolean,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const { tokens } = await client.request(
    client.atHq ? hqRoutes["GET /api/v1/tokens"] : storeRoutes["GET /api/v1/tokens"],
    {
      query: { all: all ? true : undefined },
    },
  );
  if (json) {
    io.out(JSON.stringify({ tokens }, null, 2));
    return;
  }
  if (tokens.length === 0) {
    io.out("no tokens");
    return;
  }
  io.out(
    [
      "id            what; created; last used",
      ...tokens.map(
        (t) =>
          `${t.id.padEnd(13)} ${whatToken(t)}; created ${t.createdAt}; last used ${t.lastUsedAt ?? "never"}${t.revokedAt ? `; revoked ${t.revokedAt}` : ""}`,
      ),
      "revoke one with 'ringup admin token revoke ID'",
    ].join("\n"),
  );
}

export async function runTokenRevoke(
  client: AdminClient,
  args: z.infer<typeof tokenIdArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const revoked = await client.request(
    client.atHq ? hqRoutes["POST /api/v1/tokens/:id/revoke"] : storeRoutes["POST /api/v1/tokens/:id/revoke"],
    { params: { id: args.id }, body: {} },
  );
  io.out(json ? JSON.stringify(revoked, null, 2) : `revoked token ${revoked.id} (${whatToken(revoked)})`);
}

export async function runTokenRotate(client: AdminClient, json: boolean, io: CliIo): Promise<void> {
  const rotated = await client.request(storeRoutes["POST /api/v1/tokens/rotate"], { body: {} });
  if (!rotated.token) throw new AdminError("the server answered no new token; the old one still works");
  io.out(
    json
      ? JSON.stringify(rotated, null, 2)
      : `new admin token (shown only this once; keep it safe, e.g. in a file of mode 0600):\n  ${rotated.token}\nthe previous one (${rotated.revokedId}) no longer works`,
  );
}
