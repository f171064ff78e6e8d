/**
 * Working dead letters: list and show them (reason, message as received, what each holds
 * back), and the desk that retries or discards one through the running ingestor (its cached
 * state stays right) and tells the store HQ's new applied pointer.
 */
import type { Database } from "bun:sqlite";
import type { DeadLetterAnswer, DeadLetterDetailAnswer } from "../../api/hq/dead-letters.ts";
import { UnknownDeadLetterError } from "./errors.ts";
import type { EventIngestor } from "./ingestor.ts";

const COLUMNS = `id, store_id AS storeId, subject, event_id AS eventId, seq, reason, message,
  received_at AS receivedAt, resolution, resolved_at AS resolvedAt, resolved_by AS resolvedBy, note`;

export function listDeadLetters(
  sqlite: Database,
  filter: { storeId?: string | undefined; status: "open" | "resolved" | "all"; limit: number },
): DeadLetterAnswer[] {
  const where = [
    filter.storeId === undefined ? null : "store_id = $storeId",
    filter.status === "open" ? "resolution IS NULL" : null,
    filter.status === "resolved" ? "resolution IS NOT NULL" : null,
  ].filter((w) => w !== null);
  return sqlite
    .query<DeadLetterAnswer, [Record<string, string | number>]>(
      `SELECT ${COLUMNS} FROM dead_letters ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY id LIMIT $limit`,
    )
    .all({ limit: filter.limit, ...(filter.storeId === undefined ? {} : { storeId: filter.storeId }) });
}

export function deadLetter(sqlite: Database, id: number): DeadLetterAnswer {
  const row = sqlite
    .query<DeadLetterAnswer, [number]>(`SELECT ${COLUMNS} FROM dead_letters WHERE id = ?1`)
    .get(id);
  if (!row) throw new UnknownDeadLetterError(id);
  return row;
}

/** Events of a store parked behind a gap (held back). */
export function heldBack(sqlite: Database, storeId: string | null): number {
  if (storeId === null) return 0;
  return (
    sqlite
      .query<{ n: number }, [string]>("SELECT count(*) AS n FROM parked_events WHERE store_id = ?1")
      .get(storeId)?.n ?? 0
  );
}

export function deadLetterDetail(sqlite: Database, id: number): DeadLetterDetailAnswer {
  const row = deadLetter(sqlite, id);
  const { data } = sqlite
    .query<{ data: string }, [number]>("SELECT data FROM dead_letters WHERE id = ?1")
    .get(id) ?? { data: "" };
  let payload: unknown = null;
  try {
    payload = JSON.parse(data);
  } catch {
    // Not JSON (that may be its reason): the text alone.
  }
  return { ...row, data, payload, heldBack: row.resolution === null ? heldBack(sqlite, row.storeId) : 0 };
}

/** Retries and discards, each answered with the dead letter as it is now. */
export interface DeadLetterDesk {
  retry(
    id: number,
    by: string,
  ): { deadLetter: DeadLetterAnswer; outcome: "applied" | "parked" | "duplicate"; lastSeq: number | null };
  discard(
    id: number,
    by: string,
    reason: string,
  ): { deadLetter: DeadLetterAnswer; skipped: boolean; lastSeq: number | null };
}

export function deadLetterDesk(
  sqlite: Database,
  ingestor: EventIngestor,
  announce: (storeIds: ReadonlySet<string>) => void,
): DeadLetterDesk {
  const lastSeq = (storeId: string | null) => (storeId === null ? null : ingestor.applied(storeId).seq);
  return {
    retry(id, by) {
      const { outcome, moved } = ingestor.retry(id, by);
      announce(moved);
      const row = deadLetter(sqlite, id);
      // A dead outcome throws (RetryFailedError): what is left is one of these.
      const done = outcome === "dead" ? "duplicate" : outcome;
      return { deadLetter: row, outcome: done, lastSeq: lastSeq(row.storeId) };
    },
    discard(id, by, reason) {
      const { skipped, moved } = ingestor.discard(id, by, reason);
      announce(moved);
      const row = deadLetter(sqlite, id);
      return { deadLetter: row, skipped, lastSeq: lastSeq(row.storeId) };
    },
  };
}
