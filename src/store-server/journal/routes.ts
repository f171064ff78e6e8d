import { Elysia } from "elysia";
import { z } from "zod";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { JournalError } from "./errors.ts";
import { verifyJournal } from "./verify.ts";

interface EventRow {
  seq: number;
  id: string;
  type: string;
  version: number;
  at: string;
  payload: string;
  prevHash: string | null;
  hash: string;
}

export const eventsQuerySchema = z.object({
  after: z.coerce.number().int("must be a whole sequence number").min(0, "must be 0 or more").default(0),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(5000, "must be at most 5000").default(1000),
});

/**
 * The journal for admins: `GET /journal/verify` checks the hash chain; `GET /journal/events`
 * reads events in sequence order after a given sequence number (the outbox read for
 * replication and audits).
 */
export function journalRoutes(ctx: StoreContext) {
  const events = ctx.sqlite.query<EventRow, [number, number]>(
    `SELECT seq, id, type, version, at, payload, prev_hash AS prevHash, hash
     FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2`,
  );
  return new Elysia({ name: "ringup.store.journal" })
    .use(requireAuth(ctx))
    .derive(({ principal }) => {
      requireRole(principal, "admin", "reading the journal");
      return {};
    })
    .get("/journal/verify", () => verifyJournal(ctx.sqlite, ctx.storeId), {
      detail: {
        summary: "Check the journal's hash chain; names the first altered, missing or reordered event",
      },
    })
    .get(
      "/journal/events",
      ({ query }) => {
        const rows = events.all(query.after, query.limit);
        return {
          storeId: ctx.storeId,
          events: rows.map((row) => {
            let payload: unknown;
            try {
              payload = JSON.parse(row.payload);
            } catch {
              throw new JournalError(
                "JOURNAL_UNREADABLE",
                `event ${row.seq} (${row.id}) has a payload that is not JSON; run GET /journal/verify`,
                { seq: row.seq },
              );
            }
            return { ...row, storeId: ctx.storeId, payload };
          }),
          lastSeq: rows.at(-1)?.seq ?? query.after,
        };
      },
      {
        query: eventsQuerySchema,
        detail: { summary: "Events after a sequence number, in order (outbox read for replication)" },
      },
    );
}
