/**
 * Each store's replication state as `GET /stores` shows it: how far HQ has applied its
 * journal, the gap it waits on, and how many of its messages were dead-lettered. Read from the
 * ingest tables (schema/hq-sales.ts).
 */
import { and, asc, count, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { deadLetters, parkedEvents, storeReplication } from "../../../schema/hq.ts";
import type { HqDb } from "../context.ts";

export interface ReplicationState {
  lastSeq: number;
  lastHash: string | null;
  lastEventAt: string | null;
  /** HQ's time when lastSeq was applied. */
  appliedAt: string | null;
  gapFromSeq: number | null;
  gapSince: string | null;
  /** Open dead letters. */
  deadLetters: number;
  oldestDeadLetter: { id: number; seq: number | null; reason: string; receivedAt: string } | null;
  /** Events parked behind a dead letter or a gap. */
  heldBack: number;
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
    oldestDeadLetter: null,
    heldBack: 0,
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
  const of = (storeId: string) => {
    const state = states.get(storeId) ?? empty();
    states.set(storeId, state);
    return state;
  };
  const open = and(isNotNull(deadLetters.storeId), isNull(deadLetters.resolution));
  const dead = db
    .select({ storeId: deadLetters.storeId, n: count() })
    .from(deadLetters)
    .where(open)
    .groupBy(deadLetters.storeId)
    .all();
  for (const row of dead) {
    if (row.storeId === null) continue;
    const state = of(row.storeId);
    state.deadLetters = row.n;
    state.oldestDeadLetter =
      db
        .select({
          id: deadLetters.id,
          seq: deadLetters.seq,
          reason: deadLetters.reason,
          receivedAt: deadLetters.receivedAt,
        })
        .from(deadLetters)
        .where(and(open, eq(deadLetters.storeId, row.storeId)))
        .orderBy(asc(deadLetters.id))
        .limit(1)
        .get() ?? null;
  }
  const parked = db
    .select({ storeId: parkedEvents.storeId, n: count() })
    .from(parkedEvents)
    .groupBy(parkedEvents.storeId)
    .all();
  for (const row of parked) of(row.storeId).heldBack = row.n;
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
