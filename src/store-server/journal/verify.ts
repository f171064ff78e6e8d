/**
 * Verifies the journal's hash chain from the first event: names the first event that was
 * altered (its hash does not match its content), is missing (a gap in the sequence) or was
 * reordered (its previous-hash does not link to the event before it).
 */
import type { Database } from "bun:sqlite";
import { computeEventHash } from "../../core/events.ts";

export interface VerifyProblem {
  kind: "altered" | "missing" | "reordered" | "unreadable";
  seq: number;
  eventId: string | null;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  lastSeq: number;
  lastHash: string | null;
  problem?: VerifyProblem;
}

interface Row {
  seq: number;
  id: string;
  type: string;
  version: number;
  at: string;
  payload: string;
  prevHash: string | null;
  hash: string;
}

export function verifyJournal(sqlite: Database, storeId: string): VerifyResult {
  const rows = sqlite
    .query<Row, []>(
      "SELECT seq, id, type, version, at, payload, prev_hash AS prevHash, hash FROM events ORDER BY seq",
    )
    .iterate();
  let expectedSeq = 1;
  let prevHash: string | null = null;
  let count = 0;
  for (const row of rows) {
    const fail = (kind: VerifyProblem["kind"], message: string): VerifyResult => ({
      ok: false,
      events: count,
      lastSeq: expectedSeq - 1,
      lastHash: prevHash,
      problem: { kind, seq: row.seq, eventId: row.id, message },
    });
    if (row.seq !== expectedSeq) {
      return fail(
        "missing",
        `event ${expectedSeq}${row.seq > expectedSeq + 1 ? `–${row.seq - 1}` : ""} is missing: the journal jumps from ${expectedSeq - 1} to ${row.seq}`,
      );
    }
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch {
      return fail("unreadable", `event ${row.seq} (${row.id}) has a payload that is not JSON`);
    }
    const recomputed = computeEventHash({ ...row, storeId, payload });
    if (recomputed !== row.hash) {
      return fail(
        "altered",
        `event ${row.seq} (${row.id}, ${row.type}) was altered: its content does not match its hash`,
      );
    }
    if (row.prevHash !== prevHash) {
      return fail(
        "reordered",
        `event ${row.seq} (${row.id}) does not follow event ${row.seq - 1}: the chain was reordered or an event was replaced`,
      );
    }
    prevHash = row.hash;
    expectedSeq++;
    count++;
  }
  return { ok: true, events: count, lastSeq: expectedSeq - 1, lastHash: prevHash };
}
