/**
 * Each store's replication state at head office, for `GET /stores` and operators: how far its
 * journal is applied, the gap HQ waits on, how many events wait behind it, and the messages
 * refused as dead letters with their reasons.
 */
import type { Database } from "bun:sqlite";

export interface DeadLetterView {
  id: number;
  eventId: string | null;
  seq: number | null;
  reason: string;
  message: string;
  receivedAt: string;
}

export interface StoreReplicationState {
  lastSeq: number;
  lastEventAt: string | null;
  /** HQ's time when lastSeq was applied. */
  appliedAt: string | null;
  /** The first missing sequence (lastSeq + 1) while later events wait parked; else null. */
  gapFromSeq: number | null;
  gapSince: string | null;
  /** Events waiting behind the gap. */
  parked: number;
  deadLetters: number;
  /** The latest dead letters, newest first (at most 20). */
  recentDeadLetters: DeadLetterView[];
}

/** Head office's database, or anything holding it (such as the HQ context). */
type Db = Database | { sqlite: Database };

function sqliteOf(db: Db): Database {
  return "sqlite" in db ? db.sqlite : db;
}

export function replicationState(db: Db): Map<string, StoreReplicationState> {
  const sqlite = sqliteOf(db);
  const states = new Map<string, StoreReplicationState>();
  const empty = (): StoreReplicationState => ({
    lastSeq: 0,
    lastEventAt: null,
    appliedAt: null,
    gapFromSeq: null,
    gapSince: null,
    parked: 0,
    deadLetters: 0,
    recentDeadLetters: [],
  });
  const of = (storeId: string) => {
    let state = states.get(storeId);
    if (!state) {
      state = empty();
      states.set(storeId, state);
    }
    return state;
  };
  const rows = sqlite
    .query<
      {
        storeId: string;
        lastSeq: number;
        lastEventAt: string | null;
        appliedAt: string | null;
        gapFromSeq: number | null;
        gapSince: string | null;
      },
      []
    >(
      `SELECT store_id AS storeId, last_seq AS lastSeq, last_event_at AS lastEventAt, applied_at AS appliedAt,
        gap_from_seq AS gapFromSeq, gap_since AS gapSince FROM store_replication`,
    )
    .all();
  for (const { storeId, ...row } of rows) Object.assign(of(storeId), row);
  for (const row of sqlite
    .query<{ storeId: string; n: number }, []>(
      "SELECT store_id AS storeId, count(*) AS n FROM parked_events GROUP BY store_id",
    )
    .all()) {
    of(row.storeId).parked = row.n;
  }
  for (const row of sqlite
    .query<{ storeId: string; n: number }, []>(
      "SELECT store_id AS storeId, count(*) AS n FROM dead_letters WHERE store_id IS NOT NULL AND resolution IS NULL GROUP BY store_id",
    )
    .all()) {
    of(row.storeId).deadLetters = row.n;
  }
  const recent = sqlite.query<DeadLetterView, [string]>(
    `SELECT id, event_id AS eventId, seq, reason, message, received_at AS receivedAt
     FROM dead_letters WHERE store_id = ?1 ORDER BY id DESC LIMIT 20`,
  );
  for (const [storeId, state] of states) {
    if (state.deadLetters > 0) state.recentDeadLetters = recent.all(storeId);
  }
  return states;
}
