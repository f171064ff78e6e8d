/**
 * The store's signed archive of a closed period (see shared/archive.ts): the journal's events
 * of those business days, the closures within them, and the sales and returns as rung (the
 * documents the tills were answered with). Only a period whose days are closed is archived.
 */
import { businessDay } from "../../core/business-day.ts";
import { dayStartInstant, nextDay } from "../../core/day-bounds.ts";
import { MAX_REPORT_RANGE_DAYS } from "../../core/report-figures.ts";
import { type ArchiveRecord, buildArchive } from "../../shared/archive.ts";
import { activeDays } from "../closures/figures.ts";
import { STORE_SCOPE } from "../closures/service.ts";
import type { StoreContext } from "../context.ts";
import type { JournalEntry } from "../journal/journal.ts";
import { ArchiveError } from "./errors.ts";

const DAY_MS = 86_400_000;

function checkRange(from: string, to: string, today: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1) throw new ArchiveError("INVALID_RANGE", `to (${to}) is before from (${from})`, { from, to });
  if (days > MAX_REPORT_RANGE_DAYS) {
    throw new ArchiveError(
      "RANGE_TOO_LONG",
      `the range ${from}…${to} spans ${days} days; archive at most ${MAX_REPORT_RANGE_DAYS} at a time`,
      { from, to, days },
    );
  }
  if (to > today) {
    throw new ArchiveError(
      "INVALID_RANGE",
      `to (${to}) is after today (${today}): archive closed days only`,
      {
        to,
        today,
      },
    );
  }
}

function parsed(json: string): unknown {
  return JSON.parse(json) as unknown;
}

export function exportArchive(ctx: StoreContext, from: string, to: string): string {
  const { sqlite } = ctx;
  checkRange(from, to, businessDay(ctx.now(), ctx.settings.timeZone));
  // Read everything in one snapshot, so the archive is consistent while the store sells.
  return ctx.db.transaction(() => {
    const closed = new Set(
      sqlite
        .query<{ period: string }, [string, string, string]>(
          "SELECT period FROM closures WHERE scope = ?1 AND type = 'day' AND period BETWEEN ?2 AND ?3",
        )
        .all(STORE_SCOPE, from, to)
        .map((r) => r.period),
    );
    const missing = activeDays(sqlite, from, to, null).filter((d) => !closed.has(d));
    if (closed.size === 0 || missing.length > 0) {
      throw new ArchiveError(
        "PERIOD_NOT_CLOSED",
        missing.length > 0
          ? `${from}…${to} has days with sales or returns and no closure: close ${missing.join(", ")} first (ringup admin closure day --date …)`
          : `${from}…${to} has no closure: close its days first (ringup admin closure day --date …)`,
        { from, to, missing },
      );
    }
    const records: ArchiveRecord[] = [];
    const start = dayStartInstant(from, ctx.settings.timeZone);
    const end = dayStartInstant(nextDay(to), ctx.settings.timeZone);
    for (const e of sqlite
      .query<Omit<JournalEntry, "payload"> & { payload: string }, [string, string]>(
        `SELECT seq, id, type, version, at, payload, prev_hash AS prevHash, hash FROM events
         WHERE at >= ?1 AND at < ?2 ORDER BY seq`,
      )
      .all(start, end)) {
      records.push({
        kind: "event",
        ref: `event ${e.seq}`,
        data: { ...e, storeId: ctx.storeId, payload: parsed(e.payload) },
      });
    }
    for (const c of sqlite
      .query<{ number: number; body: string }, [string, string]>(
        `SELECT number, body FROM closures WHERE json_extract(body, '$.from') >= ?1
         AND json_extract(body, '$.to') <= ?2 ORDER BY number`,
      )
      .all(from, to)) {
      records.push({ kind: "closure", ref: `closure ${c.number}`, data: parsed(c.body) });
    }
    for (const kind of ["sale", "return"] as const) {
      const table = kind === "sale" ? "sales" : "returns";
      for (const d of sqlite
        .query<{ id: string; receiptNo: string; day: string; response: string }, [string, string]>(
          `SELECT id, receipt_no AS receiptNo, day, response FROM ${table} WHERE day BETWEEN ?1 AND ?2 ORDER BY at, id`,
        )
        .all(from, to)) {
        records.push({
          kind,
          ref: `${kind} ${d.receiptNo}`,
          data: { id: d.id, receiptNo: d.receiptNo, day: d.day, document: parsed(d.response) },
        });
      }
    }
    return buildArchive(
      {
        format: "ringup-archive/1",
        storeId: ctx.storeId,
        from,
        to,
        createdAt: ctx.now().toISOString(),
        signingKey: ctx.signingKey.publicKey,
      },
      records,
      ctx.signingKey.sign,
    );
  });
}
