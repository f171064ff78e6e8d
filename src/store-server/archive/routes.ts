import { Elysia } from "elysia";
import { archiveQuerySchema } from "../../api/store/closures.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { exportArchive } from "./export.ts";

/** `GET /archive?from&to`: the signed archive of closed days (managers), and the key that checks it. */
export function archiveRoutes(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.archive" })
    .use(requireAuth(ctx))
    .get(
      "/archive",
      ({ query, principal, set }) => {
        requireRole(principal, "manager", "exporting the archive");
        set.headers["content-type"] = "application/x-ndjson; charset=utf-8";
        return exportArchive(ctx, query.from, query.to);
      },
      {
        query: archiveQuerySchema,
        detail: {
          summary:
            "The signed archive of closed business days: journal events, closures, sales and returns as rung, a manifest of their hashes, an Ed25519 signature",
        },
      },
    )
    .get("/archive/public-key", () => ({ storeId: ctx.storeId, publicKey: ctx.signingKey.publicKey }), {
      detail: { summary: "The store's Ed25519 public key (SPKI, base64) that checks its archives" },
    });
}
