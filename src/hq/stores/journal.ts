/**
 * Head office's copy of each store's journal and the store's divergence from it. HQ keeps
 * every event it applied exactly as the store journaled it (`ingested_events`): a store that
 * lost its disk reads them back (`GET /stores/:id/events`) to rebuild itself. A store that
 * finds its journal behind or forked from HQ's copy reports it (`PUT /stores/:id/divergence`,
 * kept in `hq_meta`); HQ finds it on its own when the store sends events that reuse sequence
 * numbers HQ applied or do not follow the chain HQ holds (dead letters SEQUENCE_CONFLICT,
 * CHAIN_BROKEN). Either way `GET /stores` shows `diverged` with the fix.
 */
import { and, asc, count, eq, gt, inArray, min } from "drizzle-orm";
import { deadLetters, hqMeta, ingestedEvents, storeReplication } from "../../../schema/hq.ts";
import { type Divergence, divergenceSchema, type StoreEventsAnswer } from "../../api/hq/store-journal.ts";
import type { HqDb } from "../context.ts";

const DIVERGENCE_KEY = (storeId: string) => `divergence.${storeId}`;
/** Dead-letter reasons that mean the store's journal is not the one HQ applied. */
const FORK_REASONS = ["SEQUENCE_CONFLICT", "CHAIN_BROKEN"];

/** The store's events HQ applied after a sequence number, in order, as journaled. */
export function storeEventsAfter(db: HqDb, storeId: string, after: number, limit: number): StoreEventsAnswer {
  const state = db
    .select({ seq: storeReplication.lastSeq, hash: storeReplication.lastHash })
    .from(storeReplication)
    .where(eq(storeReplication.storeId, storeId))
    .get();
  const events = db
    .select({
      seq: ingestedEvents.seq,
      id: ingestedEvents.id,
      type: ingestedEvents.type,
      version: ingestedEvents.version,
      at: ingestedEvents.at,
      payload: ingestedEvents.payload,
      prevHash: ingestedEvents.prevHash,
      hash: ingestedEvents.hash,
    })
    .from(ingestedEvents)
    .where(and(eq(ingestedEvents.storeId, storeId), gt(ingestedEvents.seq, after)))
    .orderBy(asc(ingestedEvents.seq))
    .limit(limit)
    .all();
  return { storeId, appliedSeq: state?.seq ?? 0, appliedHash: state?.hash ?? null, events };
}

/** Saves (or clears, with null) what the store reported about its journal. */
export function saveReportedDivergence(db: HqDb, storeId: string, diverged: Divergence | null): void {
  if (diverged === null) {
    db.delete(hqMeta)
      .where(eq(hqMeta.key, DIVERGENCE_KEY(storeId)))
      .run();
    return;
  }
  const value = JSON.stringify({ ...diverged, foundBy: "store" });
  db.insert(hqMeta)
    .values({ key: DIVERGENCE_KEY(storeId), value })
    .onConflictDoUpdate({ target: hqMeta.key, set: { value } })
    .run();
}

function reportedDivergence(db: HqDb, storeId: string): Divergence | null {
  const row = db
    .select()
    .from(hqMeta)
    .where(eq(hqMeta.key, DIVERGENCE_KEY(storeId)))
    .get();
  if (!row) return null;
  try {
    const parsed = divergenceSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What HQ itself saw: events of the store that reuse applied sequence numbers or break the chain. */
function refusedForkEvents(db: HqDb, storeId: string, hqSeq: number): Divergence | null {
  const row = db
    .select({ n: count(), since: min(deadLetters.receivedAt) })
    .from(deadLetters)
    .where(and(eq(deadLetters.storeId, storeId), inArray(deadLetters.reason, FORK_REASONS)))
    .get();
  if (!row || row.n === 0 || row.since === null) return null;
  return {
    kind: "conflict",
    storeSeq: null,
    hqSeq,
    message: `store ${storeId} sent ${row.n} event(s) that reuse sequence numbers head office applied or do not follow the chain it holds (dead letters SEQUENCE_CONFLICT, CHAIN_BROKEN): the store's journal is not the one head office applied, e.g. it was restored from an older copy`,
    fix: `stop store ${storeId}, keep a copy of its data directory, and rebuild it from head office: ringup store --recover-from-hq --hq-url URL --hq-token-file FILE (see docs/operations.md, "Recover a store from head office")`,
    since: new Date(row.since).toISOString(),
    foundBy: "hq",
  };
}

/** The store's divergence as `GET /stores` shows it: the store's own report first. */
export function divergenceOf(db: HqDb, storeId: string, hqSeq: number): Divergence | null {
  return reportedDivergence(db, storeId) ?? refusedForkEvents(db, storeId, hqSeq);
}
