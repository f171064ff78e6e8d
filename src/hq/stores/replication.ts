/**
 * Each store's replication state as `GET /stores` shows it: how far HQ has applied its
 * journal, the gap it waits on, and how many of its messages were dead-lettered. Read from the
 * ingest tables (schema/hq-sales.ts).
 */
import { count, desc, eq, isNotNull } from "drizzle-orm";
import { deadLetters, storeReplication } from "../../../schema/hq.ts";
import type { HqDb } from "../context.ts";

export interface ReplicationState {
  lastSeq: number;
  lastHash: string | null;
  lastEventAt: string | null;
  /** HQ's time when lastSeq was applied. */
  appliedAt: string | null;
  gapFromSeq: number | null;
  gapSince: string | null;
  deadLetters: number;
}

export function replicationStates(db: HqDb): Map<string, ReplicationState> {
  const states = new Map<string, ReplicationState>();
  const empty = (): ReplicationState => ({
    lastSeq: 0,
    lastHash: null,
    lastEventAt: null,
    appliedAt: null,
    gapFromSeq: null,
    gapSince: null,
    deadLetters: 0,
  });
  for (const row of db.select().from(storeReplication).all()) {
    states.set(row.storeId, {
      ...empty(),
      lastSeq: row.lastSeq,
      lastHash: row.lastHash,
      lastEventAt: row.lastEventAt,
      appliedAt: row.appliedAt,
      gapFromSeq: row.gapFromSeq,
      gapSince: row.gapSince,
    });
  }
  const dead = db
    .select({ storeId: deadLetters.storeId, n: count() })
    .from(deadLetters)
    .where(isNotNull(deadLetters.storeId))
    .groupBy(deadLetters.storeId)
    .all();
  for (const row of dead) {
    if (row.storeId === null) continue;
    const state = states.get(row.storeId) ?? empty();
    state.deadLetters = row.n;
    states.set(row.storeId, state);
  }
  return states;
}

/** Seconds HQ's copy trails the store (see StoreStatus.lagSeconds). */
export function lagSeconds(state: ReplicationState, now: Date): number {
  if (state.lastEventAt === null) {
    return state.gapSince === null ? 0 : secondsBetween(state.gapSince, now.toISOString());
  }
  const until = state.gapFromSeq !== null ? now.toISOString() : state.appliedAt;
  return until === null ? 0 : secondsBetween(state.lastEventAt, until);
}

function secondsBetween(from: string, to: string): number {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
}

export interface DeadLetterView {
  id: number;
  subject: string;
  eventId: string | null;
  seq: number | null;
  reason: string;
  message: string;
  receivedAt: string;
}

/** A store's dead letters, newest first (the message bodies stay in the table). */
export function deadLettersOf(db: HqDb, storeId: string, limit: number): DeadLetterView[] {
  return db
    .select({
      id: deadLetters.id,
      subject: deadLetters.subject,
      eventId: deadLetters.eventId,
      seq: deadLetters.seq,
      reason: deadLetters.reason,
      message: deadLetters.message,
      receivedAt: deadLetters.receivedAt,
    })
    .from(deadLetters)
    .where(eq(deadLetters.storeId, storeId))
    .orderBy(desc(deadLetters.id))
    .limit(limit)
    .all();
}
